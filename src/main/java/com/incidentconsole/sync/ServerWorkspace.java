package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A {@link Workspace} backed by a server: REST for loading and actions, events for changes, and —
 * with a cache — the last known state while the server cannot be reached.
 *
 * <p>Building one never waits for the network. The stores are filled from the cache, actions go
 * to the durable outbox at once, and sign-in, the event stream and the first load follow in the
 * background, retrying with backoff while the server is unreachable. When it answers: sign in, load
 * what changed since the cache, replay the outbox in order.
 *
 * <p>When the server ends the session while the app runs (a 401 from a load, an action or the
 * event stream's check), nothing is lost: the status says "signed out", requests are held back
 * (never sent with the refused token), actions stay pending in the outbox, and the data is marked
 * as not confirmed. {@link #signInAgain} continues this same workspace with the user's new session:
 * the stream restarts, what changed meanwhile is loaded, and the outbox goes out in order.
 */
public final class ServerWorkspace implements Workspace, AutoCloseable {

    /**
     * How old the last full load may be for a start from the cache to load only what changed since.
     * A catch-up cannot see runs the user lost access to meanwhile, nor new colleagues for the
     * picker; a daily full load bounds how long those can be out of date.
     */
    static final Duration FULL_LOAD_MAX_AGE = Duration.ofHours(24);
    /** The status's words when the server ended a running session; the status bar adds how to sign in. */
    public static final String SIGNED_OUT = "Signed out by the server";
    private static final Logger LOG = Logger.getLogger(ServerWorkspace.class.getName());

    private final String label;
    private final boolean sandbox;
    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final Optional<CacheKeeper> keeper;
    private final CompletableFuture<Workspace> ready = new CompletableFuture<>();
    private final ActionQueue commands;
    private final SyncEngine engine;
    private final SignInLoop signIn;
    private final Clock clock;
    /** The server refused the session (at start or later): held back until {@link #signInAgain}. */
    private final AtomicBoolean signedOut = new AtomicBoolean();

    private ServerWorkspace(String label, boolean sandbox, WorkspaceState state, Optional<CacheKeeper> keeper,
                            ActionQueue commands, SyncEngine engine, MattermostConnection connection,
                            Backoff signInBackoff, Clock clock, SyncExecutors executors) {
        this.clock = clock;
        this.label = label;
        this.sandbox = sandbox;
        this.connection = connection;
        this.state = state;
        this.keeper = keeper;
        this.commands = commands;
        this.engine = engine;
        this.signIn = new SignInLoop(connection, state.status(), signInBackoff, clock, executors.io(), this::signedIn,
                this::refused);
    }

    /** Follows the server without a cache: the window fills as the first load arrives. */
    public static ServerWorkspace follow(String label, boolean sandbox, MattermostConnection connection,
                                         JsonMapper mapper, SyncExecutors executors, Outbox outbox, Clock clock) {
        return follow(label, sandbox, connection, mapper, executors, outbox, clock, StreamSettings.defaults());
    }

    /** As above, with the event stream's retry and ping timings (tests use short ones). */
    public static ServerWorkspace follow(String label, boolean sandbox, MattermostConnection connection,
                                         JsonMapper mapper, SyncExecutors executors, Outbox outbox, Clock clock,
                                         StreamSettings streamSettings) {
        return follow(label, sandbox, connection, mapper, executors, outbox, Optional.empty(), clock, streamSettings);
    }

    /**
     * The full form. Returns at once; see {@link #ready()} for when the workspace can be shown.
     *
     * @param connection signed in already ({@link MattermostConnection#open}) or not yet
     *                   ({@link MattermostConnection#create}): then sign-in is retried with the
     *                   stream's backoff ({@code streamSettings}) until the server answers
     * @param cache      with one, the stores are filled from it before any network answer and every
     *               change is written back to it
     */
    public static ServerWorkspace follow(String label, boolean sandbox, MattermostConnection connection,
                                         JsonMapper mapper, SyncExecutors executors, Outbox outbox,
                                         Optional<ObjectCache> cache, Clock clock, StreamSettings streamSettings) {
        WorkspaceState state = WorkspaceState.empty();
        Optional<CacheKeeper> keeper = cache.map(c -> new CacheKeeper(c, state, mapper, executors.io(), clock));
        CacheKeeper.Restored restored = keeper.map(CacheKeeper::restore)
                .orElse(new CacheKeeper.Restored(0, Optional.empty(), Optional.empty()));
        restored.dataAsOf().ifPresent(at -> state.status().update(s -> s.staleSince(at)));
        keeper.ifPresent(CacheKeeper::follow);
        boolean recentCache = restored.runs() > 0 && restored.fullLoadAt()
                .filter(at -> at.isAfter(clock.instant().minus(FULL_LOAD_MAX_AGE))).isPresent();

        // The queue and the engine exist before the workspace they report a 401 to.
        AtomicReference<ServerWorkspace> self = new AtomicReference<>();
        Runnable sessionEnded = () -> Optional.ofNullable(self.get()).ifPresent(ServerWorkspace::sessionEnded);
        // Its own sender thread: a server that hangs delays its own actions only, never another server's.
        ActionQueue commands = ActionQueue.forServer(label, outbox, new ClientActionTransport(connection.runs(),
                connection.checklists(), connection.posts()), state.runs(), state.pending(), state.users(), clock,
                Backoff.forActions(new SplittableRandom()), mapper, sessionEnded,
                () -> state.identity().me().map(User::username).orElse(""));
        commands.restore();
        SyncEngine engine = new SyncEngine(connection, state, mapper, executors.io(), clock, streamSettings,
                commands::resume, recentCache, at -> keeper.ifPresent(k -> k.fullLoadCompleted(at)), sessionEnded);
        // Sign-in retries as the event stream reconnects: same timings, so one setting tunes both.
        Backoff signInBackoff = new Backoff(streamSettings.minRetry(), streamSettings.maxRetry(),
                streamSettings.jitter(), new SplittableRandom());
        ServerWorkspace workspace = new ServerWorkspace(label, sandbox, state, keeper, commands, engine, connection,
                signInBackoff, clock, executors);
        self.set(workspace);
        if (state.identity().me().isPresent()) {
            workspace.ready.complete(workspace);
        }
        if (connection.isSignedIn()) {
            workspace.signedIn(connection.me());
        } else {
            workspace.signIn.start();
        }
        return workspace;
    }

    /**
     * Completes when the workspace knows who is signed in — at once from the cache, otherwise at the
     * first successful sign-in — and fails with {@link SignInRefused} when the server refuses the
     * credentials and nothing is cached. While the server cannot be reached it simply waits; the
     * status says why and when the next attempt is.
     */
    public CompletableFuture<Workspace> ready() {
        return ready.copy();
    }

    private void signedIn(User user) {
        if (state.identity().me().filter(cached -> !cached.id().equals(user.id())).isPresent()) {
            // The cache shows what another user could see: only a full load removes what this one cannot.
            LOG.warning("Signed in as another user than the cache's: loading everything again");
            engine.discardBaseline();
        }
        state.identity().me(user);
        state.users().putAll(List.of(user));
        ready.complete(this);
        engine.start();
    }

    private void refused(SignInRefused refusal) {
        signedOut.set(true);
        commands.holdForSignIn(); // restored actions say what they wait for, and nothing retries against the gate
        ready.completeExceptionally(refusal);
    }

    /**
     * The server answered 401 on a signed-in connection: the session expired or was revoked. Once, whoever
     * noticed first: hold requests back, stop the stream, keep the outbox waiting, and say so.
     */
    private void sessionEnded() {
        if (!signedOut.compareAndSet(false, true)) {
            return;
        }
        LOG.warning("The server ended the session: holding actions until the user signs in again");
        connection.sessionEnded();
        engine.stopForSignIn();
        commands.holdForSignIn();
        state.status().update(s -> s.moveTo(ConnectionState.SIGN_IN_REFUSED, Optional.empty(), SIGNED_OUT)
                .staleSince(clock.instant()));
    }

    /** True while the server refuses this workspace's session and only {@link #signInAgain} can help. */
    public boolean isSignedOut() {
        return signedOut.get();
    }

    /**
     * Continues this workspace with a session the user just signed in to (the old one was refused): the new
     * token goes into the existing connection, the event stream restarts and catches up, and the outbox is
     * sent in order once the runs are loaded. {@code signedInNow} stays the caller's to close. Blocking only
     * briefly (no network here).
     *
     * @throws IllegalArgumentException when {@code signedInNow} is another user than the one whose work this
     *         workspace holds (their outbox must not go out under someone else's name), or another server
     */
    public void signInAgain(MattermostConnection signedInNow) {
        User newUser = signedInNow.me();
        state.identity().me().filter(held -> !held.id().equals(newUser.id())).ifPresent(held -> {
            throw new IllegalArgumentException("Signed in as " + newUser.username() + ", but this window holds the "
                    + "work of " + held.username() + ": sign in as " + held.username() + ".");
        });
        signIn.close();
        User user = connection.resumeWith(signedInNow);
        signedOut.set(false);
        LOG.info(() -> "Signed in again as " + user.username() + ": catching up and sending the outbox");
        state.status().update(s -> s.moveTo(ConnectionState.CONNECTING));
        state.identity().me(user);
        state.users().putAll(List.of(user));
        ready.complete(this);
        engine.restart();
    }

    /**
     * "Retry now": the sign-in, the event stream and the outbox each try at once instead of waiting out their
     * backoff. Nothing while signed out: the same refused session would only be refused again.
     */
    @Override
    public void retryNow() {
        if (signedOut.get()) {
            return;
        }
        signIn.retryNow();
        engine.retryNow();
        commands.retryNow();
    }

    @Override
    public String serverLabel() {
        return label;
    }

    @Override
    public boolean isSandbox() {
        return sandbox;
    }

    /** @throws IllegalStateException before {@link #ready()} completed */
    @Override
    public User me() {
        return state.identity().me().orElseThrow(() -> new IllegalStateException("not signed in yet"));
    }

    @Override
    public List<Team> teams() {
        return state.identity().teams();
    }

    @Override
    public RunStore runs() {
        return state.runs();
    }

    @Override
    public UserDirectory users() {
        return state.users();
    }

    @Override
    public PlaybookDirectory playbooks() {
        return state.playbooks();
    }

    @Override
    public PendingActions pending() {
        return state.pending();
    }

    @Override
    public RunCommands commands() {
        return commands;
    }

    @Override
    public ConnectionStatus connection() {
        return state.status().get();
    }

    @Override
    public Subscription subscribeConnection(Consumer<ConnectionStatus> listener) {
        return state.status().subscribe(listener);
    }

    @Override
    public void close() {
        signIn.close();
        // Before the stream closes: the cache notes "current as of now" only while still live.
        keeper.ifPresent(CacheKeeper::close);
        engine.close();
        commands.close();
    }
}
