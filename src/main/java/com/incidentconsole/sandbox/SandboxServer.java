package com.incidentconsole.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.fault.FaultPlan;
import com.incidentconsole.sandbox.http.ChecklistRoutes;
import com.incidentconsole.sandbox.http.DialogRoutes;
import com.incidentconsole.sandbox.http.CoreRoutes;
import com.incidentconsole.sandbox.graphql.GraphQlEndpoint;
import com.incidentconsole.sandbox.http.GraphQlRoutes;
import com.incidentconsole.sandbox.http.MembershipRoutes;
import com.incidentconsole.sandbox.http.ParticipantRoutes;
import com.incidentconsole.sandbox.http.PlaybookRoutes;
import com.incidentconsole.sandbox.http.PostRoutes;
import com.incidentconsole.sandbox.http.RateLimiter;
import com.incidentconsole.sandbox.http.Router;
import com.incidentconsole.sandbox.http.RunRoutes;
import com.incidentconsole.sandbox.http.SandboxHandler;
import com.incidentconsole.sandbox.kernel.SandboxVersion;
import com.incidentconsole.sandbox.playbooks.PlaybookService;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.runs.BotPosts;
import com.incidentconsole.sandbox.runs.DialogService;
import com.incidentconsole.sandbox.runs.RetrospectiveService;
import com.incidentconsole.sandbox.runs.StatusService;
import com.incidentconsole.sandbox.runs.ChecklistService;
import com.incidentconsole.sandbox.runs.DirectMessages;
import com.incidentconsole.sandbox.runs.OwnerChange;
import com.incidentconsole.sandbox.runs.ParticipantService;
import com.incidentconsole.sandbox.runs.RunCreation;
import com.incidentconsole.sandbox.runs.ReminderService;
import com.incidentconsole.sandbox.runs.RunFactory;
import com.incidentconsole.sandbox.runs.RunPublisher;
import com.incidentconsole.sandbox.runs.RunQuery;
import com.incidentconsole.sandbox.runs.RunService;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.Audience;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.sandbox.ws.SocketEndpoint;
import com.incidentconsole.wire.WireJson;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An in-process Mattermost + Playbooks server: REST and WebSocket on one port of 127.0.0.1, seeded
 * state, fault injection. This class is the composition root; it only wires the parts together.
 */
public final class SandboxServer implements AutoCloseable {

    /** {@code model.CurrentVersion} of the imitated server; the ping reply reports it. */
    public static final String CURRENT_VERSION = SandboxVersion.CURRENT;
    /** Same four-part shape as a real server's version string (mattermost-core.md §1.5): version.build.hash.licensed. */
    public static final String VERSION = CURRENT_VERSION + "." + CURRENT_VERSION + ".sandbox.true";

    private final Server jetty;
    private final ScheduledExecutorService timers;
    private final SandboxControl control;
    private final URI baseUrl;
    private final java.util.List<String> routeKeys;

    private SandboxServer(Server jetty, ScheduledExecutorService timers, SandboxControl control, URI baseUrl,
                          java.util.List<String> routeKeys) {
        this.routeKeys = routeKeys;
        this.jetty = jetty;
        this.timers = timers;
        this.control = control;
        this.baseUrl = baseUrl;
    }

    public static SandboxServer start(SandboxOptions options) {
        ObjectMapper mapper = WireJson.newMapper();
        SandboxState state = new SandboxState(new IdSource(options.seed()), options.clock());
        FaultPlan faults = new FaultPlan(options.seed());
        Audience audience = new Audience() {
            @Override
            public boolean inChannel(String channelId, String userId) {
                return state.locked(() -> state.directory().isChannelMember(channelId, userId));
            }

            @Override
            public boolean inTeam(String teamId, String userId) {
                return state.locked(() -> state.directory().isTeamMember(teamId, userId));
            }

            @Override
            public String userForToken(String token) {
                return state.locked(() -> state.directory().userForToken(token).orElse(null));
            }
        };
        EventHub hub = new EventHub(mapper, audience, faults, new IdSource(System.nanoTime()), options.clock(),
                VERSION, CURRENT_VERSION);
        Access access = new Access(state);
        RunFactory factory = new RunFactory(state);
        java.util.concurrent.atomic.AtomicBoolean incremental =
                new java.util.concurrent.atomic.AtomicBoolean(options.incrementalUpdates());
        RunPublisher publisher = new RunPublisher(hub, mapper, state.directory(), incremental::get);
        Poster poster = new Poster(state, hub, mapper);
        DirectMessages dms = new DirectMessages(state, poster, hub, mapper, access);
        BotPosts bot = new BotPosts(state, poster, dms);
        RunService runs = new RunService(state, access, factory, publisher, bot);
        RunCreation creation = new RunCreation(state, access, factory, publisher, bot);
        StatusService statuses = new StatusService(state, access, runs, bot, poster);
        RetrospectiveService retros = new RetrospectiveService(state, access, runs, bot);
        state.locked(() -> new SeedGenerator(state, factory, mapper)
                .generate(options.seed(), options.ongoing(), options.ended(), options.from(), options.to()));

        ReminderService reminders = new ReminderService(state, runs, bot);
        options.clock().onAdvance(reminders::fireDue);

        ParticipantService participants = new ParticipantService(state, access, runs, factory, publisher, poster, dms,
                hub, mapper);
        OwnerChange owners = new OwnerChange(state, access, runs, participants, publisher, dms);
        PlaybookService playbookService = new PlaybookService(state, access, publisher, mapper);

        Router router = new Router();
        new CoreRoutes(state, poster).register(router);
        new PostRoutes(state, poster).register(router);
        new MembershipRoutes(state, poster, hub, mapper).register(router);
        new ChecklistRoutes(new ChecklistService(state, runs, factory, access, participants, dms)).register(router);
        new RunRoutes(state, access, runs, creation, statuses, retros, new RunQuery(state, access)).register(router);
        new DialogRoutes(state, access, statuses, new DialogService(state, access, runs, creation, publisher, poster, bot), mapper)
                .register(router);
        new ParticipantRoutes(participants, owners).register(router);
        new PlaybookRoutes(state, access, playbookService).register(router);
        new GraphQlRoutes(new GraphQlEndpoint(state, access, participants, owners, publisher, playbookService, mapper),
                mapper).register(router);

        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-timers");
            t.setDaemon(true);
            return t;
        });
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName("sandbox-http");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        ServerConnector connector = new ServerConnector(jetty);
        // Go's net/http sends no Server header; "Jetty(12...)" would be a tell only the sandbox has.
        connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class).getHttpConfiguration()
                .setSendServerVersion(false);
        connector.setHost("127.0.0.1");
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setStopTimeout(2000);
        RateLimiter limiter = new RateLimiter(options.clock()::millis);
        SandboxHandler rest = new SandboxHandler(router, mapper, faults,
                token -> audience.userForToken(token), new IdSource(System.nanoTime() ^ 0x5DEECE66DL), VERSION,
                options.exchangeObserver(), limiter);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
            container.setMaxTextMessageSize(8 * 1024);
            // Above the 100 s pong wait, so that our ping/pong liveness decides, as on the real server.
            container.setIdleTimeout(Duration.ofSeconds(130));
            container.addMapping(SocketEndpoint.PATH, new SocketEndpoint(hub, timers));
            container.addMapping(SocketEndpoint.PATH + "/", new SocketEndpoint(hub, timers));
        });
        ws.setHandler(rest);
        jetty.setHandler(ws);
        try {
            jetty.start();
        } catch (Exception e) {
            timers.shutdownNow();
            throw new IllegalStateException("sandbox could not start on port " + options.port(), e);
        }
        timers.scheduleAtFixedRate(hub::pingAll, 60, 60, TimeUnit.SECONDS);
        timers.scheduleAtFixedRate(reminders::fireDue, 1, 1, TimeUnit.SECONDS);
        URI baseUrl = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        return new SandboxServer(jetty, timers, new SandboxControl(state, faults, hub, baseUrl, incremental, limiter, publisher), baseUrl,
                router.routes().stream().map(Router.Route::key).toList());
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code METHOD /path} of every route served, as keyed in {@code real-handlers.txt}. */
    public java.util.List<String> routeKeys() {
        return routeKeys;
    }

    public SandboxControl control() {
        return control;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            if (hasTimeout(e)) {
                // The graceful part timed out (a client was mid-request or mid-reconnect); Jetty still
                // stopped every connector, which is all a closing sandbox owes its caller.
                java.util.logging.Logger.getLogger(SandboxServer.class.getName())
                        .warning("sandbox stopped after its graceful-stop timeout: a connection was still busy");
                return;
            }
            throw new IllegalStateException("sandbox did not stop cleanly", e);
        }
    }

    private static boolean hasTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
