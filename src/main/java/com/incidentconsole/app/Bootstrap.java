package com.incidentconsole.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.SignIn;
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
    private final CredentialPrompt prompt;
    private final JsonMapper mapper = WireJson.newMapper();
    private final SyncExecutors executors = SyncExecutors.create();
    private final AtomicReference<SandboxServer> sandbox = new AtomicReference<>();
    private final AtomicReference<ServerWorkspace> workspace = new AtomicReference<>();
    private final AtomicReference<LocalStore> store = new AtomicReference<>();
    private final AtomicReference<CredentialVault> vaults = new AtomicReference<>();

    /** @param args the app's command line (see {@link ConnectOptions}); unknown options are ignored here */
    public Bootstrap(String[] args) {
        this(args, CredentialPrompt.none());
    }

    /** @param prompt asked to sign in when {@code --server} has no token in the environment or stored (or it is rejected) */
    public Bootstrap(String[] args, CredentialPrompt prompt) {
        this.prompt = prompt;
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
        MattermostConnection connection = openConnection(target);
        String serverKey = target.address().baseUrl().toString();
        ServerWorkspace followed = ServerWorkspace.follow(target.label(), target.sandbox(), connection, mapper,
                executors, local.outbox(serverKey), Optional.of(local.cache(serverKey)), Clock.systemUTC(),
                StreamSettings.defaults());
        workspace.set(followed);
        return followed;
    }

    private Target configuredServer() {
        ServerAddress address = new ServerAddress(options.server().orElseThrow());
        String host = Optional.ofNullable(address.baseUrl().getHost()).orElse(address.baseUrl().toString());
        Optional<String> login = options.login();
        Optional<String> password = env(ConnectOptions.PASSWORD_ENV);
        if (login.isPresent() && password.isPresent()) {
            return new Target(host, false, address, Optional.of(new Credentials.Password(login.get(), password.get())));
        }
        // A token in the environment wins (scripts, CI); otherwise the stored sign-in or the prompt (openConnection).
        return new Target(host, false, address, env(ConnectOptions.TOKEN_ENV).map(Credentials.AccessToken::new));
    }

    /**
     * With credentials from the environment (or the sandbox's), signs in with them; otherwise with the token
     * stored by {@code incident-console login} or the app's sign-in, asking the prompt when there is none or
     * the server rejects it. Either way with the {@code --ca-cert} authorities added to the system's.
     */
    private MattermostConnection openConnection(Target target) {
        ServerTrust trust = ServerTrust.withAddedAuthorities(options.caCerts());
        if (target.credentials().isPresent()) {
            return MattermostConnection.open(target.address(), target.credentials().get(), mapper, trust);
        }
        CredentialVault vault = CredentialVault.inDataDir(AppPaths.forCurrentUser().dataDir(), mapper);
        vaults.set(vault);
        return new SignIn(vault, (server, credentials) -> MattermostConnection.open(server, credentials, mapper, trust),
                Clock.systemUTC()).connect(target.address(), options.login(), prompt);
    }

    private Target startSandbox() {
        JETTY.setLevel(java.util.logging.Level.WARNING);
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(options.sandboxSeed()));
        sandbox.set(server);
        LOG.info(() -> "No server configured: started the sandbox at " + server.baseUrl());
        return new Target("Sandbox", true, new ServerAddress(server.baseUrl()),
                Optional.of(new Credentials.AccessToken(server.control().credentials().token())));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    @Override
    public void close() {
        Optional.ofNullable(workspace.get()).ifPresent(ServerWorkspace::close);
        executors.close();
        Optional.ofNullable(sandbox.get()).ifPresent(SandboxServer::close);
        Optional.ofNullable(store.get()).ifPresent(LocalStore::close);
        Optional.ofNullable(vaults.get()).ifPresent(CredentialVault::close);
    }

    private record Target(String label, boolean sandbox, ServerAddress address, Optional<Credentials> credentials) {
    }
}
