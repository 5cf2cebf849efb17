package com.incidentconsole.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * The non-UI half of the composition root: builds the one JSON mapper, the executors, starts the
 * embedded sandbox when no server is configured, and starts following the server — from the local
 * cache at once, signing in in the background, so a server that is down still opens the window.
 * The JavaFX application asks it for a {@link Workspace} and shows its window meanwhile.
 */
public final class Bootstrap implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    /** Held so the level sticks (JUL keeps loggers weakly): the embedded server's start-up chatter is noise here. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private final ConnectOptions options;
    private final JsonMapper mapper = WireJson.newMapper();
    private final SyncExecutors executors = SyncExecutors.create();
    private final AtomicReference<SandboxServer> sandbox = new AtomicReference<>();
    private final AtomicReference<ServerWorkspace> workspace = new AtomicReference<>();
    private final AtomicReference<LocalStore> store = new AtomicReference<>();
    private final AtomicReference<MattermostConnection> connection = new AtomicReference<>();

    /** @param args the app's command line (see {@link ConnectOptions}); unknown options are ignored here */
    public Bootstrap(String[] args) {
        this.options = new ConnectOptions();
        CommandLine parser = new CommandLine(options);
        parser.setUnmatchedArgumentsAllowed(true);
        parser.parseArgs(args);
    }

    /** As {@link #start(Consumer)}, for callers that do not show the wait. */
    public CompletableFuture<Workspace> start() {
        return start(status -> { });
    }

    /**
     * Starts in the background; completes once the workspace knows who is signed in — at once when
     * the cache does, otherwise at the first successful sign-in. Runs keep loading into it.
     *
     * @param whileWaiting hears the connection status until then (any thread), so the window can say
     *                     why it waits, e.g. "retrying in 4 s: connection refused"
     * @return fails when the start is impossible (no credentials, unreadable store) or the server
     *         refuses the credentials with nothing cached ({@link com.incidentconsole.sync.SignInRefused})
     */
    public CompletableFuture<Workspace> start(Consumer<ConnectionStatus> whileWaiting) {
        return CompletableFuture.supplyAsync(this::follow, executors.io()).thenCompose(followed -> {
            Subscription waiting = followed.subscribeConnection(whileWaiting);
            whileWaiting.accept(followed.connection());
            return followed.ready().whenComplete((ready, error) -> waiting.close());
        });
    }

    private ServerWorkspace follow() {
        long started = System.nanoTime();
        Target target = options.server().isPresent() ? configuredServer() : startSandbox();
        // The sandbox's data is generated anew at each start: keeping its outbox would replay actions
        // against runs that no longer exist, so it lives in memory only.
        LocalStore local = target.sandbox() ? LocalStore.inMemory() : LocalStore.open(AppPaths.forCurrentUser().store());
        store.set(local);
        // Not signed in yet: the workspace signs in, and keeps trying while the server is unreachable.
        MattermostConnection connection = MattermostConnection.create(target.address(), target.credentials(), mapper);
        this.connection.set(connection);
        String serverKey = target.address().baseUrl().toString();
        ServerWorkspace followed = ServerWorkspace.follow(target.label(), target.sandbox(), connection, mapper,
                executors, local.outbox(serverKey), Optional.of(local.cache(serverKey)), Clock.systemUTC(),
                StreamSettings.defaults());
        workspace.set(followed);
        // Opening from the cache is meant to be instant: measure it, as the first frame is.
        LOG.info(() -> "Workspace built in " + (System.nanoTime() - started) / 1_000_000 + " ms with "
                + followed.runs().size() + " runs from the local cache");
        return followed;
    }

    /** The server connection once the workspace is being built (it may still be signing in), for playbook pull and push. */
    public Optional<MattermostConnection> connection() {
        return Optional.ofNullable(connection.get());
    }

    private Target configuredServer() {
        ServerAddress address = new ServerAddress(options.server().orElseThrow());
        String host = Optional.ofNullable(address.baseUrl().getHost()).orElse(address.baseUrl().toString());
        Optional<String> login = options.login();
        if (login.isPresent()) {
            String password = requiredEnv(ConnectOptions.PASSWORD_ENV, "the password for --login");
            return new Target(host, false, address, new Credentials.Password(login.get(), password));
        }
        String token = requiredEnv(ConnectOptions.TOKEN_ENV, "a personal access token");
        return new Target(host, false, address, new Credentials.AccessToken(token));
    }

    private Target startSandbox() {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(options.sandboxSeed()));
        sandbox.set(server);
        LOG.info(() -> "No server configured: started the sandbox at " + server.baseUrl());
        return new Target("Sandbox", true, new ServerAddress(server.baseUrl()),
                new Credentials.AccessToken(server.control().credentials().token()));
    }

    private static String requiredEnv(String name, String what) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set $" + name + " to " + what + " before starting the app.");
        }
        return value;
    }

    @Override
    public void close() {
        Optional.ofNullable(workspace.get()).ifPresent(ServerWorkspace::close);
        executors.close();
        Optional.ofNullable(sandbox.get()).ifPresent(SandboxServer::close);
        Optional.ofNullable(store.get()).ifPresent(LocalStore::close);
    }

    private record Target(String label, boolean sandbox, ServerAddress address, Credentials credentials) {
    }
}
