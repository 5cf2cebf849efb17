package com.incidentconsole.app;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerTrust;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.credentials.SignIn;
import com.incidentconsole.credentials.SignInRequest;
import com.incidentconsole.credentials.StoredToken;
import com.incidentconsole.paths.AppPaths;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SignInRefused;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    private final CredentialPrompt prompt;
    private final JsonMapper mapper = WireJson.newMapper();
    private final SyncExecutors executors = SyncExecutors.create();
    private final AtomicReference<SandboxServer> sandbox = new AtomicReference<>();
    private final AtomicReference<ServerWorkspace> workspace = new AtomicReference<>();
    private final AtomicReference<LocalStore> store = new AtomicReference<>();
    private final AtomicReference<MattermostConnection> connection = new AtomicReference<>();
    private final AtomicReference<CredentialVault> vault = new AtomicReference<>();
    /** Who the stored token used for this start belongs to; empty when the start used no stored token. */
    private final AtomicReference<String> storedUser = new AtomicReference<>();
    private final AtomicReference<Target> target = new AtomicReference<>();

    /** @param args the app's command line (see {@link ConnectOptions}); unknown options are ignored here */
    public Bootstrap(String[] args) {
        this(args, CredentialPrompt.none());
    }

    /**
     * @param prompt asked to sign in when {@code --server} comes with no token in the environment and none stored,
     *               or the server refuses the stored one
     */
    public Bootstrap(String[] args, CredentialPrompt prompt) {
        this.prompt = prompt;
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
        return CompletableFuture.supplyAsync(this::follow, executors.io())
                .thenCompose(followed -> ready(followed, whileWaiting))
                .exceptionallyCompose(error -> storedTokenRefused(error)
                        ? CompletableFuture.supplyAsync(this::followAfterSigningInAgain, executors.io())
                                .thenCompose(followed -> ready(followed, whileWaiting))
                        : CompletableFuture.failedFuture(error));
    }

    private static CompletableFuture<Workspace> ready(ServerWorkspace followed, Consumer<ConnectionStatus> whileWaiting) {
        Subscription waiting = followed.subscribeConnection(whileWaiting);
        whileWaiting.accept(followed.connection());
        return followed.ready().whenComplete((ready, error) -> waiting.close());
    }

    private ServerWorkspace follow() {
        long started = System.nanoTime();
        Target target = options.server().isPresent() ? configuredServer() : startSandbox();
        this.target.set(target);
        // The sandbox's data is generated anew at each start: keeping its outbox would replay actions
        // against runs that no longer exist, so it lives in memory only.
        LocalStore local = target.sandbox() ? LocalStore.inMemory() : LocalStore.open(AppPaths.forCurrentUser().store());
        store.set(local);
        return follow(target, connection(target), started);
    }

    /**
     * The stored token was refused (revoked, expired) before anything was cached: ask the user, then follow again
     * with the session they signed in to. (With a cache the workspace opens from it and the status bar shows the
     * refusal instead.)
     */
    private ServerWorkspace followAfterSigningInAgain() {
        long started = System.nanoTime();
        Optional.ofNullable(workspace.getAndSet(null)).ifPresent(ServerWorkspace::close);
        // The refused session's HTTP client is ours to release; the workspace only borrowed it.
        Optional.ofNullable(connection.getAndSet(null)).ifPresent(MattermostConnection::close);
        Target target = this.target.get();
        String user = storedUser.getAndSet(null);
        MattermostConnection connection = signIn().ask(target.address(), Optional.of(user), SignIn.storedRejected(user),
                prompt);
        return follow(target, connection, started);
    }

    /**
     * The server ended the running session (or refused the stored one at a start from the cache): asks
     * {@code prompt} to sign in and continues the same workspace with the new session — same window, same outbox,
     * sent in order once caught up. Each attempt is verified with the server first, must be the same user (their
     * pending work is in the outbox), and its token is then stored as {@code login} does (not for the sandbox,
     * whose data is made anew at each start). Returns at once.
     *
     * @return how the prompt ended; {@link CredentialPrompt.Outcome#CANCELLED} at once when nothing is signed out
     */
    public CompletableFuture<CredentialPrompt.Outcome> signInAgain(CredentialPrompt prompt) {
        ServerWorkspace followed = workspace.get();
        Target target = this.target.get();
        if (followed == null || target == null || !followed.isSignedOut()) {
            return CompletableFuture.completedFuture(CredentialPrompt.Outcome.CANCELLED);
        }
        Optional<String> user = Optional.ofNullable(storedUser.get()).or(() -> followed.ready().isDone()
                && !followed.ready().isCompletedExceptionally() ? Optional.of(followed.me().username()) : Optional.empty());
        String reason = "The server ended the session" + user.map(u -> " of " + u).orElse("")
                + ". Sign in to continue: your pending actions are kept and sent once you are signed in.";
        ServerTrust trust = ServerTrust.withAddedAuthorities(options.caCerts());
        return prompt.signIn(new SignInRequest(target.address(), user, reason), credentials -> {
            SignIn signIn = target.sandbox() ? null : signIn();
            try (MattermostConnection fresh = signIn == null
                    ? MattermostConnection.open(target.address(), credentials, mapper, trust)
                    : signIn.verify(target.address(), credentials)) {
                followed.signInAgain(fresh);
                if (signIn != null) {
                    signIn.remember(target.address(), credentials, fresh).notStored().ifPresent(why ->
                            LOG.warning(() -> "Signed in again, but the sign-in was not stored: " + why));
                }
            }
        });
    }

    private boolean storedTokenRefused(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof SignInRefused refused && refused.status() == 401 && storedUser.get() != null;
    }

    /**
     * The session to follow. Credentials from the environment (or the sandbox's) and a stored token are used as
     * they are, not signed in yet: the workspace signs in and keeps trying while the server is unreachable, so
     * the cache opens at once. With neither, the user is asked first — without credentials there is nothing to
     * try. Every connection trusts the system's CAs plus {@code --ca-cert}.
     */
    private MattermostConnection connection(Target target) {
        ServerTrust trust = ServerTrust.withAddedAuthorities(options.caCerts());
        if (target.credentials().isPresent()) {
            return MattermostConnection.create(target.address(), target.credentials().get(), mapper, trust);
        }
        String reason;
        try {
            Optional<StoredToken> stored = vault().find(target.address(), options.login());
            if (stored.isPresent()) {
                storedUser.set(stored.get().user());
                return MattermostConnection.create(target.address(),
                        new Credentials.AccessToken(stored.get().token()), mapper, trust);
            }
            reason = SignIn.nothingStored(target.address(), options.login());
        } catch (CredentialException e) {
            reason = e.getMessage();
        }
        return signIn().ask(target.address(), options.login(), reason, prompt);
    }

    private CredentialVault vault() {
        return vault.updateAndGet(v -> v != null ? v
                : CredentialVault.inDataDir(AppPaths.forCurrentUser().dataDir(), mapper));
    }

    private SignIn signIn() {
        ServerTrust trust = ServerTrust.withAddedAuthorities(options.caCerts());
        return new SignIn(vault(), (server, credentials) -> MattermostConnection.open(server, credentials, mapper, trust),
                Clock.systemUTC());
    }

    private ServerWorkspace follow(Target target, MattermostConnection connection, long started) {
        this.connection.set(connection);
        LocalStore local = store.get();
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

    // retro (issue 16)
    /** The drafts and timeline stars of the server followed now, once there is one. */
    public Optional<com.incidentconsole.retro.RetroStores> retroStores() {
        LocalStore local = store.get();
        Target followed = target.get();
        if (local == null || followed == null) {
            return Optional.empty();
        }
        String serverKey = followed.address().baseUrl().toString();
        return Optional.of(new com.incidentconsole.retro.RetroStores(local.drafts(serverKey), local.stars(serverKey)));
    }

    /** The server connection once the workspace is being built (it may still be signing in), for playbook pull and push. */
    public Optional<MattermostConnection> connection() {
        return Optional.ofNullable(connection.get());
    }

    private Target configuredServer() {
        ServerAddress address = new ServerAddress(options.server().orElseThrow());
        String host = Optional.ofNullable(address.baseUrl().getHost()).orElse(address.baseUrl().toString());
        Optional<String> login = options.login();
        Optional<String> password = env(ConnectOptions.PASSWORD_ENV);
        if (login.isPresent() && password.isPresent()) {
            return new Target(host, false, address, Optional.of(new Credentials.Password(login.get(), password.get())));
        }
        // A token in the environment wins (scripts, CI); otherwise the stored sign-in or the prompt (connection()).
        return new Target(host, false, address, env(ConnectOptions.TOKEN_ENV).map(Credentials.AccessToken::new));
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
        Optional.ofNullable(connection.get()).ifPresent(MattermostConnection::close);
        executors.close();
        Optional.ofNullable(sandbox.get()).ifPresent(SandboxServer::close);
        Optional.ofNullable(store.get()).ifPresent(LocalStore::close);
        Optional.ofNullable(vault.get()).ifPresent(CredentialVault::close);
    }

    private record Target(String label, boolean sandbox, ServerAddress address, Optional<Credentials> credentials) {
    }
}
