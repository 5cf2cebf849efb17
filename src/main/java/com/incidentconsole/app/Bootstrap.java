package com.incidentconsole.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.paths.AppPaths;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.WireJson;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The non-UI half of the composition root. Holds what the whole process shares — the one JSON mapper, the local
 * store, the credential vault, the trusted authorities, the embedded sandbox when no server is given — and makes
 * one {@link ServerSession} per server, each with its own connection, workspace and threads, so a server that
 * hangs never delays another. Each session follows its server from the local cache at once and signs in in the
 * background, so a server that is down still opens the window.
 */
public final class Bootstrap implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    /** Held so the level sticks (JUL keeps loggers weakly): the embedded server's start-up chatter is noise here. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    private final AppOptions options;
    private final CredentialPrompt prompt;
    private final StreamSettings streamSettings;
    private final JsonMapper mapper = WireJson.newMapper();
    /** The start itself (trust files, the store, the sandbox): disk work, off the FX thread, before any session. */
    private final ExecutorService startup = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("bootstrap")
            .daemon().uncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "Uncaught in " + t.getName(), e))
            .factory());
    private final AtomicReference<SandboxServer> sandbox = new AtomicReference<>();
    private final AtomicReference<LocalStore> store = new AtomicReference<>();
    private final AtomicReference<CredentialVault> vault = new AtomicReference<>();
    private final AtomicReference<ServerSessions> sessions = new AtomicReference<>();

    /**
     * @param prompt asked to sign in when a server comes with no token in the environment and none stored, or the
     *               server refuses the stored one
     */
    public Bootstrap(AppOptions options, CredentialPrompt prompt) {
        this(options, prompt, StreamSettings.defaults());
    }

    /** As above, with the event stream's retry and ping timings (tests use short ones). */
    Bootstrap(AppOptions options, CredentialPrompt prompt, StreamSettings streamSettings) {
        this.options = options;
        this.prompt = prompt;
        this.streamSettings = streamSettings;
    }

    /**
     * Opens the local store (after starting the sandbox when no server is given), makes a session per server and
     * starts each on its own threads. Completes once the sessions exist, not when they are ready: each says that
     * itself ({@link ServerSession#ready()}).
     *
     * @param whileWaiting hears each session's connection status until that session is ready (any thread), so the
     *                     window can say why it waits, e.g. "retrying in 4 s: connection refused"
     * @return fails when the start is impossible for every server alike: an unreadable store or trust file
     */
    CompletableFuture<ServerSessions> start(BiConsumer<ServerSession, ConnectionStatus> whileWaiting) {
        return CompletableFuture.supplyAsync(this::makeSessions, startup).thenApply(made -> {
            made.all().forEach(session -> session.start(status -> whileWaiting.accept(session, status)));
            return made;
        });
    }

    private ServerSessions makeSessions() {
        ServerTrust trust = ServerTrust.withAddedAuthorities(options.caCerts());
        List<ServerSession.Target> targets = options.sandbox() ? List.of(startSandbox())
                : options.servers().stream().map(this::configuredServer).toList();
        // The sandbox's data is generated anew at each start: keeping its outbox would replay actions
        // against runs that no longer exist, so it lives in memory only.
        LocalStore local = options.sandbox() ? LocalStore.inMemory() : LocalStore.open(AppPaths.forCurrentUser().store());
        store.set(local);
        ServerSession.Shared shared = new ServerSession.Shared(mapper, local, this::vault, trust, options.login(),
                prompt, Clock.systemUTC(), streamSettings);
        List<ServerSession> made = new ArrayList<>();
        for (ServerSession.Target target : targets) {
            made.add(new ServerSession(target, shared));
        }
        ServerSessions all = new ServerSessions(made);
        sessions.set(all);
        return all;
    }

    /** The sessions once {@link #start} made them. */
    Optional<ServerSessions> sessions() {
        return Optional.ofNullable(sessions.get());
    }

    private CredentialVault vault() {
        return vault.updateAndGet(v -> v != null ? v
                : CredentialVault.inDataDir(AppPaths.forCurrentUser().dataDir(), mapper));
    }

    private ServerSession.Target configuredServer(URI server) {
        ServerAddress address = new ServerAddress(server);
        String host = Optional.ofNullable(address.baseUrl().getHost()).orElse(address.baseUrl().toString());
        Optional<String> login = options.login();
        Optional<String> password = env(ConnectOptions.PASSWORD_ENV);
        if (login.isPresent() && password.isPresent()) {
            return new ServerSession.Target(host, false, address,
                    Optional.of(new Credentials.Password(login.get(), password.get())));
        }
        // A token in the environment wins (scripts, CI); otherwise the stored sign-in or the prompt.
        return new ServerSession.Target(host, false, address, env(ConnectOptions.TOKEN_ENV).map(Credentials.AccessToken::new));
    }

    private ServerSession.Target startSandbox() {
        JETTY.setLevel(Level.WARNING);
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(options.sandboxSeed()));
        sandbox.set(server);
        LOG.info(() -> "No server configured: started the sandbox at " + server.baseUrl());
        return new ServerSession.Target("Sandbox", true, new ServerAddress(server.baseUrl()),
                Optional.of(new Credentials.AccessToken(server.control().credentials().token())));
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    /** The sessions first (they write to the store while they stop), then what they shared. */
    @Override
    public void close() {
        startup.shutdownNow();
        Optional.ofNullable(sessions.getAndSet(null)).ifPresent(ServerSessions::close);
        Optional.ofNullable(sandbox.getAndSet(null)).ifPresent(SandboxServer::close);
        Optional.ofNullable(store.getAndSet(null)).ifPresent(LocalStore::close);
        Optional.ofNullable(vault.getAndSet(null)).ifPresent(CredentialVault::close);
    }
}
