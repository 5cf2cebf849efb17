package com.incidentconsole.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * The non-UI half of the composition root: builds the one JSON mapper, the executors, starts the
 * embedded sandbox when no server is configured, signs in and starts following the server.
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

    /** Connects in the background; completes once signed in (runs keep loading into the workspace). */
    public CompletableFuture<Workspace> start() {
        return CompletableFuture.supplyAsync(this::connect, executors.io());
    }

    private Workspace connect() {
        Target target = options.server().isPresent() ? configuredServer() : startSandbox();
        // The sandbox's data is generated anew at each start: keeping its outbox would replay actions
        // against runs that no longer exist, so it lives in memory only.
        LocalStore local = target.sandbox() ? LocalStore.inMemory() : LocalStore.open(AppPaths.forCurrentUser().store());
        store.set(local);
        MattermostConnection connection = MattermostConnection.open(target.address(), target.credentials(), mapper);
        this.connection.set(connection);
        String serverKey = target.address().baseUrl().toString();
        ServerWorkspace followed = ServerWorkspace.follow(target.label(), target.sandbox(), connection, mapper,
                executors, local.outbox(serverKey), Optional.of(local.cache(serverKey)), Clock.systemUTC(),
                StreamSettings.defaults());
        workspace.set(followed);
        return followed;
    }

    /** The signed-in connection once connected (empty before, or when offline), for playbook pull and push. */
    public Optional<MattermostConnection> connection() {
        return Optional.ofNullable(connection.get());
    }

    /** The app's one JSON mapper, which the connection was opened with. */
    public JsonMapper mapper() {
        return mapper;
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
