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
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SignInRefused;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.LocalStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Everything of one server the user follows: its connection, its workspace (with the workspace's own outbox
 * sender), its own sync threads, who its stored token belongs to, and signing in to it again. Nothing here is
 * shared with another server's session, so a server that hangs holds up its own work only — its start, its
 * sign-in, its loads and its actions. What all servers share (the mapper, the local store, the vault, the trust)
 * is handed in by {@link Bootstrap} as a {@link Shared}.
 */
final class ServerSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerSession.class.getName());

    /**
     * The process-wide things a session uses but does not own.
     *
     * @param vault  opened on first use (it may touch the OS keyring), the same one for every session
     * @param prompt asked to sign in when there is nothing to sign in with, or the server refused the stored token
     */
    record Shared(JsonMapper mapper, LocalStore store, Supplier<CredentialVault> vault, ServerTrust trust,
            Optional<String> login, CredentialPrompt prompt, Clock clock, StreamSettings streamSettings) {

        Shared {
            Objects.requireNonNull(mapper);
            Objects.requireNonNull(store);
            Objects.requireNonNull(vault);
            Objects.requireNonNull(trust);
            Objects.requireNonNull(login);
            Objects.requireNonNull(prompt);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(streamSettings);
        }
    }

    /**
     * Which server and how to sign in to it.
     *
     * @param label       what the window calls it ("Sandbox", the host)
     * @param credentials from the environment or the sandbox, used as they are; empty: the vault or the prompt
     */
    record Target(String label, boolean sandbox, ServerAddress address, Optional<Credentials> credentials) {
    }

    private final Target target;
    private final Shared shared;
    private final SyncExecutors executors = SyncExecutors.create();
    private final AtomicReference<ServerWorkspace> workspace = new AtomicReference<>();
    private final AtomicReference<MattermostConnection> connection = new AtomicReference<>();
    /** Who the stored token used for this start belongs to; empty when the start used no stored token. */
    private final AtomicReference<String> storedUser = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Workspace> ready = new CompletableFuture<>();

    ServerSession(Target target, Shared shared) {
        this.target = Objects.requireNonNull(target);
        this.shared = Objects.requireNonNull(shared);
    }

    String label() {
        return target.label();
    }

    boolean isSandbox() {
        return target.sandbox();
    }

    ServerAddress address() {
        return target.address();
    }

    /** The key this server's outbox and cache are stored under: its normalised address. */
    String key() {
        return target.address().baseUrl().toString();
    }

    /**
     * Starts following the server on this session's own threads; returns at once. Later calls do nothing.
     *
     * @param whileWaiting hears the connection status until {@link #ready()} completes (any thread)
     */
    void start(Consumer<ConnectionStatus> whileWaiting) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        long began = System.nanoTime();
        CompletableFuture.supplyAsync(() -> follow(firstConnection(), began), executors.io())
                .thenCompose(followed -> readyOf(followed, whileWaiting))
                .exceptionallyCompose(error -> storedTokenRefused(error)
                        ? CompletableFuture.supplyAsync(this::followAfterSigningInAgain, executors.io())
                                .thenCompose(followed -> readyOf(followed, whileWaiting))
                        : CompletableFuture.failedFuture(error))
                .whenComplete((done, error) -> {
                    if (error != null) {
                        ready.completeExceptionally(error);
                    } else {
                        ready.complete(done);
                    }
                });
    }

    /**
     * Completes once the workspace knows who is signed in — at once when the cache does, otherwise at the first
     * successful sign-in; fails when this server cannot be followed (no credentials, the server refuses them with
     * nothing cached: {@link SignInRefused}). Never completes before {@link #start}.
     */
    CompletableFuture<Workspace> ready() {
        return ready.copy();
    }

    /** The connection once the workspace is being built (it may still be signing in), for playbook pull and push. */
    /** The user's unsent writing for this server (status update and retrospective drafts). */
    com.incidentconsole.sync.store.Drafts drafts() {
        return shared.store().drafts(key());
    }

    /** The timeline events the user starred on this server. */
    com.incidentconsole.sync.store.TimelineStars stars() {
        return shared.store().stars(key());
    }

    Optional<MattermostConnection> connection() {
        return Optional.ofNullable(connection.get());
    }

    private static CompletableFuture<Workspace> readyOf(ServerWorkspace followed, Consumer<ConnectionStatus> whileWaiting) {
        Subscription waiting = followed.subscribeConnection(whileWaiting);
        whileWaiting.accept(followed.connection());
        return followed.ready().whenComplete((done, error) -> waiting.close());
    }

    /**
     * The session to follow. Credentials from the environment (or the sandbox's) and a stored token are used as
     * they are, not signed in yet: the workspace signs in and keeps trying while the server is unreachable, so
     * the cache opens at once. With neither, the user is asked first — without credentials there is nothing to
     * try.
     */
    private MattermostConnection firstConnection() {
        if (target.credentials().isPresent()) {
            return MattermostConnection.create(target.address(), target.credentials().get(), shared.mapper(),
                    shared.trust());
        }
        String reason;
        try {
            Optional<StoredToken> stored = shared.vault().get().find(target.address(), shared.login());
            if (stored.isPresent()) {
                storedUser.set(stored.get().user());
                return MattermostConnection.create(target.address(),
                        new Credentials.AccessToken(stored.get().token()), shared.mapper(), shared.trust());
            }
            reason = SignIn.nothingStored(target.address(), shared.login());
        } catch (CredentialException e) {
            reason = e.getMessage();
        }
        return signIn().ask(target.address(), shared.login(), reason, shared.prompt());
    }

    /**
     * The stored token was refused (revoked, expired) before anything was cached: ask the user, then follow again
     * with the session they signed in to. (With a cache the workspace opens from it and the status bar shows the
     * refusal instead.)
     */
    private ServerWorkspace followAfterSigningInAgain() {
        long began = System.nanoTime();
        Optional.ofNullable(workspace.getAndSet(null)).ifPresent(ServerWorkspace::close);
        // The refused session's HTTP client is ours to release; the workspace only borrowed it.
        Optional.ofNullable(connection.getAndSet(null)).ifPresent(MattermostConnection::close);
        String user = storedUser.getAndSet(null);
        MattermostConnection fresh = signIn().ask(target.address(), Optional.of(user), SignIn.storedRejected(user),
                shared.prompt());
        return follow(fresh, began);
    }

    private ServerWorkspace follow(MattermostConnection signedIn, long began) {
        connection.set(signedIn);
        ServerWorkspace followed = ServerWorkspace.follow(target.label(), target.sandbox(), signedIn, shared.mapper(),
                executors, shared.store().outbox(key()), Optional.of(shared.store().cache(key())), shared.clock(),
                shared.streamSettings());
        workspace.set(followed);
        // Opening from the cache is meant to be instant: measure it, as the first frame is.
        LOG.info(() -> target.label() + ": workspace built in " + (System.nanoTime() - began) / 1_000_000
                + " ms with " + followed.runs().size() + " runs from the local cache");
        return followed;
    }

    private boolean storedTokenRefused(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof SignInRefused refused && refused.status() == 401 && storedUser.get() != null;
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
    CompletableFuture<CredentialPrompt.Outcome> signInAgain(CredentialPrompt prompt) {
        ServerWorkspace followed = workspace.get();
        if (followed == null || !followed.isSignedOut()) {
            return CompletableFuture.completedFuture(CredentialPrompt.Outcome.CANCELLED);
        }
        Optional<String> user = Optional.ofNullable(storedUser.get()).or(() -> followed.ready().isDone()
                && !followed.ready().isCompletedExceptionally() ? Optional.of(followed.me().username()) : Optional.empty());
        String reason = "The server ended the session" + user.map(u -> " of " + u).orElse("")
                + ". Sign in to continue: your pending actions are kept and sent once you are signed in.";
        return prompt.signIn(new SignInRequest(target.address(), user, reason), credentials -> {
            SignIn signIn = target.sandbox() ? null : signIn();
            try (MattermostConnection fresh = signIn == null
                    ? MattermostConnection.open(target.address(), credentials, shared.mapper(), shared.trust())
                    : signIn.verify(target.address(), credentials)) {
                followed.signInAgain(fresh);
                if (signIn != null) {
                    signIn.remember(target.address(), credentials, fresh).notStored().ifPresent(why ->
                            LOG.warning(() -> "Signed in again, but the sign-in was not stored: " + why));
                }
            }
        });
    }

    private SignIn signIn() {
        return new SignIn(shared.vault().get(), (server, credentials) -> MattermostConnection.open(server, credentials,
                shared.mapper(), shared.trust()), shared.clock());
    }

    /** Stops this server's work: its workspace, its connection, then its threads. The shared things stay. */
    @Override
    public void close() {
        Optional.ofNullable(workspace.getAndSet(null)).ifPresent(ServerWorkspace::close);
        Optional.ofNullable(connection.getAndSet(null)).ifPresent(MattermostConnection::close);
        executors.close();
        ready.completeExceptionally(new IllegalStateException(target.label() + ": the session was closed"));
    }
}
