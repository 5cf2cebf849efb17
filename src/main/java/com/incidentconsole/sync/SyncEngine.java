package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.PluginPayloads;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.client.StreamState;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.RunCreatedPayload;
import com.incidentconsole.wire.WebSocketEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stores equal to the server: an initial load over REST, then the event stream applied in
 * order. Whenever the stream could have missed something (first connect, or a resume the server
 * could not serve and answered with a new {@code connection_id}), runs are loaded again.
 *
 * <p>A load that fails part-way (a 429, a 5xx, a timeout, one broken playbook) keeps what it got and
 * owes the rest ({@link LoadRound}): that is retried by itself with backoff, as soon as the server's
 * {@code Retry-After} allows, or at once on "retry now"; the status says what is missing and why
 * ({@link ConnectionState#INCOMPLETE}). A new connection's load takes over whatever is still owed.
 *
 * <p>It also decides what the status says about the data: stale while it is a copy the server has
 * not confirmed (restored from the cache, or kept since the connection was lost), confirmed when a
 * load of the runs completes with the stream live.
 *
 * <p>And it notices when the server ended the session: a 401 while loading, or a stream that keeps
 * closing before the server confirms it and a check of the session ({@code GET /users/me}) that
 * answers 401. It then tells the workspace and stops its stream ({@link #stopForSignIn()}) until
 * the user signed in again ({@link #restart()}).
 */
final class SyncEngine implements EventStream.Listener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    static final long CATCH_UP_OVERLAP_MS = 5_000;
    static final Duration LOAD_RETRY_MAX = Duration.ofMinutes(2);

    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final IncrementalUpdate incremental;
    private final RunLoader loader;
    private final LoadRound round;
    /** What failed loads left unfetched; the next load (a retry or a new connection's) fetches it. */
    private final LoadRetries retries;
    private final JsonMapper mapper;
    private final ExecutorService io;
    private final Clock clock;
    private final Runnable onSynced;
    private final Consumer<Instant> onFullLoad;
    private final StreamSettings streamSettings;
    private final Runnable onSessionEnded;
    /** Which stream's reports count: a stream stopped for sign-in or replaced by "retry now" may still report. */
    private final AtomicInteger streamGeneration = new AtomicInteger();
    /** A hello arrived since the stream last dropped: a drop without one may mean the token is no longer valid. */
    private volatile boolean helloSinceDrop;
    private final AtomicBoolean probing = new AtomicBoolean();
    /** Stopped because the session is over: nothing here may change the status until {@link #restart()}. */
    private volatile boolean signedOut;

    /** What to load on a new connection, and when the data counts as confirmed. */
    private final DataFreshness freshness;
    private final AtomicInteger loadsRunning = new AtomicInteger();
    private boolean closed;
    /** Written under this engine's lock (start, close); read without it, e.g. inside a status update. */
    private volatile EventStream stream;

    /** @param onSynced runs after every completed (re)load, e.g. to replay the outbox against fresh state */
    SyncEngine(MattermostConnection connection, WorkspaceState state, JsonMapper mapper, ExecutorService io,
               Clock clock, StreamSettings streamSettings, Runnable onSynced) {
        this(connection, state, mapper, io, clock, streamSettings, onSynced, false, at -> { }, () -> { });
    }

    /**
     * @param fromCache  the stores were filled from a cache recent enough that the first connection
     *                   may load only the runs changed since (see {@link ServerWorkspace})
     * @param onFullLoad told when a full load completed, so the cache can say how old its picture is
     * @param onSessionEnded told (on an I/O thread) when the server answered 401: the session is over
     */
    SyncEngine(MattermostConnection connection, WorkspaceState state, JsonMapper mapper, ExecutorService io,
               Clock clock, StreamSettings streamSettings, Runnable onSynced, boolean fromCache,
               Consumer<Instant> onFullLoad, Runnable onSessionEnded) {
        this.onSessionEnded = onSessionEnded;
        this.streamSettings = streamSettings;
        this.onSynced = onSynced;
        this.onFullLoad = onFullLoad;
        this.connection = connection;
        this.state = state;
        this.mapper = mapper;
        this.io = io;
        this.clock = clock;
        this.freshness = new DataFreshness(fromCache);
        this.incremental = new IncrementalUpdate(mapper);
        this.loader = new RunLoader(connection, state, this::progressed);
        this.round = new LoadRound(loader, state);
        // The stream's pace, capped lower: a load retry costs the server more than a connect.
        Duration cap = streamSettings.maxRetry().compareTo(LOAD_RETRY_MAX) < 0 ? streamSettings.maxRetry() : LOAD_RETRY_MAX;
        this.retries = new LoadRetries(new Backoff(streamSettings.minRetry(), cap, streamSettings.jitter(),
                new SplittableRandom()), clock, io, this::retryLoad);
    }

    /** The stores' picture cannot be caught up from (another user's cache): the first load loads everything. */
    void discardBaseline() {
        freshness.discardBaseline();
    }

    /** Opens the event stream; call once signed in (the stream authenticates with the session's token). */
    synchronized void start() {
        if (closed || stream != null) {
            return;
        }
        signedOut = false;
        int generation = streamGeneration.incrementAndGet();
        stream = connection.events(new CurrentStreamOnly(this, streamGeneration::get, generation), streamSettings);
        stream.start();
    }

    /**
     * The session is over: closes the stream (its reports from now on are ignored) and leaves the status to
     * the workspace, which says "signed out" until {@link #restart()}. Loads still running fail quietly.
     */
    synchronized void stopForSignIn() {
        signedOut = true;
        streamGeneration.incrementAndGet();
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** Signed in again: a new stream with the new token; its hello catches up with what changed meanwhile. */
    synchronized void restart() {
        stopForSignIn();
        start();
    }

    /**
     * "Retry now": a load waiting for its retry runs at once; while the stream waits to reconnect, a new one
     * connects at once (its hello catches up, as after any new connection). A live or connecting stream is
     * left alone.
     */
    synchronized void retryNow() {
        if (closed || signedOut) {
            return;
        }
        if (retries.now()) {
            LOG.info("Loading what is missing now, as asked");
        }
        if (stream == null || stream.state() != StreamState.RECONNECTING) {
            return;
        }
        LOG.info("Reconnecting now, as asked");
        restart();
    }

    /** A 401 anywhere means the session, not the request, failed. */
    private static boolean sessionOver(Throwable e) {
        return e instanceof ServerError error && error.isUnauthorized();
    }

    /** The stream dropped again before any hello: ask the server whether the session still holds. */
    private void probeSession() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        io.execute(() -> {
            try {
                connection.users().me();
            } catch (RuntimeException e) {
                if (sessionOver(e) && !signedOut) {
                    LOG.info("The event stream could not authenticate and the server answered 401: session over");
                    onSessionEnded.run();
                }
            } finally {
                probing.set(false);
            }
        });
    }

    /**
     * Every (re)connection may have missed something: a resume replays only what was sent while the
     * socket died, not what happened while no socket existed. So the first connection loads
     * everything, and every later one — or the first after a start from a recent cache — asks for the
     * runs changed since the newest change we hold.
     */
    @Override
    public void onHello(HelloData hello, boolean newConnectionId) {
        helloSinceDrop = true;
        freshness.newConnection();
        // Counted before the stream reports LIVE (right after this call), so the status goes straight
        // to SYNCING instead of showing a short, false "Live" over data not yet caught up.
        loadsRunning.incrementAndGet();
        state.status().update(s -> s.moveTo(ConnectionState.SYNCING));
        // This load fetches what is owed too, so a retry still waiting is not needed any more.
        LoadPlan owed = retries.takeOver();
        io.execute(() -> load(connectionPlan().and(owed)));
    }

    /** Everything on the first connection; afterwards, or after a start from a recent cache, what changed since. */
    private LoadPlan connectionPlan() {
        long newest = state.runs().all().stream().mapToLong(PlaybookRun::updateAt).max().orElse(0);
        // A small overlap: changes committed in the same millisecond as the newest one we saw.
        return freshness.planForNewConnection(Math.max(0, newest - CATCH_UP_OVERLAP_MS));
    }

    private void retryLoad(LoadPlan plan) {
        if (closed || signedOut) {
            retries.owe(plan); // for the load after signing in again
            return;
        }
        loadsRunning.incrementAndGet();
        state.status().update(s -> s.state() == ConnectionState.INCOMPLETE ? s.moveTo(ConnectionState.SYNCING) : s);
        load(plan);
    }

    private void load(LoadPlan plan) {
        LoadRound.Outcome outcome;
        try {
            outcome = round.run(plan);
        } catch (RuntimeException e) {
            loadsRunning.decrementAndGet();
            if (closed || signedOut) {
                return; // closing, or held back by the ended session: the status already says so
            }
            if (sessionOver(e)) {
                LOG.info("Loading was refused with 401: the session is over");
                onSessionEnded.run();
                return;
            }
            LOG.log(Level.WARNING, "Loading failed unexpectedly; trying again later", e);
            retries.failed(plan, Optional.empty());
            return;
        }
        if (closed) {
            loadsRunning.decrementAndGet(); // requests cut short by closing failed: nothing to retry or say
            return;
        }
        settle(plan, outcome);
    }

    private void settle(LoadPlan plan, LoadRound.Outcome outcome) {
        boolean runsLoaded = freshness.loaded(plan, outcome.owed());
        if (runsLoaded && plan.runsSince().isEmpty()) {
            onFullLoad.accept(clock.instant());
        }
        boolean last = loadsRunning.decrementAndGet() == 0;
        if (runsLoaded) {
            onSynced.run();
        }
        if (outcome.complete()) {
            retries.succeeded();
            if (last) {
                // Decided inside the update: a drop reported meanwhile must not be overwritten by "Live".
                state.status().update(s -> {
                    boolean live = streamIsLive();
                    ConnectionStatus whole = s.withGap(Optional.empty());
                    return freshness.runsLoaded(live ? whole.moveTo(ConnectionState.LIVE) : whole, live);
                });
            }
            return;
        }
        Instant at = retries.failed(outcome.owed(), outcome.retryAfter());
        String why = outcome.gap().map(LoadGap::reason).orElse("");
        LOG.log(Level.WARNING, "Load incomplete, trying again at {0}: {1}", new Object[] {at, why});
        state.status().update(s -> {
            ConnectionStatus next = s.withGap(outcome.gap());
            boolean live = streamIsLive();
            if (live && last) {
                next = next.moveTo(ConnectionState.INCOMPLETE, Optional.of(at), why);
            }
            if (runsLoaded) {
                return freshness.runsLoaded(next, live);
            }
            freshness.streamLeftLive(); // nothing current for LIVE to confirm
            return markStale(next);
        });
    }

    private boolean streamIsLive() {
        return currentStream().map(stream -> stream.state() == StreamState.LIVE).orElse(false);
    }

    private void progressed(SyncProgress progress) {
        state.status().update(s -> s.state() == ConnectionState.SYNCING ? s.withProgress(progress) : s);
    }

    /** From the moment the server stops confirming it, what we show is a copy as of now. */
    private ConnectionStatus markStale(ConnectionStatus status) {
        return freshness.markStale(status, clock.instant());
    }

    private Optional<EventStream> currentStream() {
        return Optional.ofNullable(stream);
    }

    @Override
    public void onEvent(WebSocketEvent event) {
        try {
            switch (event.event()) {
                case PluginEvents.RUN_CREATED -> {
                    PlaybookRun run = PluginPayloads.decode(event, RunCreatedPayload.class, mapper).playbookRun();
                    applyRun(run);
                }
                case PluginEvents.RUN_UPDATED -> applyRun(PluginPayloads.decode(event, PlaybookRun.class, mapper));
                case PluginEvents.RUN_UPDATED_INCREMENTAL ->
                        applyIncremental(PluginPayloads.decode(event, PlaybookRunUpdate.class, mapper));
                case PluginEvents.PLAYBOOK_CREATED, PluginEvents.PLAYBOOK_ARCHIVED, PluginEvents.PLAYBOOK_RESTORED ->
                        io.execute(this::reloadPlaybooks);
                default -> {
                    // Core events the console does not show yet (posted, typing, ...).
                }
            }
        } catch (RuntimeException e) {
            // A bad payload must not stop the stream; the run it concerned is refetched on the next resync.
            LOG.log(Level.WARNING, "Could not apply " + event.event() + " (seq " + event.seq() + "): " + e.getMessage());
        }
    }

    /** A playbook changed: a failure here is owed to the next load rather than retried on its own. */
    private void reloadPlaybooks() {
        try {
            loader.loadPlaybooks();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Reloading playbooks failed: " + ActionFailure.describe(e));
            retries.owe(LoadPlan.PLAYBOOKS);
        }
    }

    private void applyRun(PlaybookRun run) {
        PlaybookRun replaced = state.runs().get(run.id()).orElse(null);
        if (state.runs().applyStreamed(run)) {
            // Checked here, and only what changed: most events mention no one new, and handing each
            // one to the I/O pool to walk the whole run cost more than applying it (benchmark (b)).
            Set<String> missing = loader.missingUsers(run, replaced);
            if (!missing.isEmpty()) {
                io.execute(() -> loader.loadUsers(missing));
            }
        }
    }

    private void applyIncremental(PlaybookRunUpdate update) {
        Optional<PlaybookRun> held = state.runs().get(update.id());
        if (held.isEmpty()) {
            io.execute(() -> loader.fetchRun(update.id()));
            return;
        }
        try {
            incremental.apply(held.get(), update).ifPresent(this::applyRun);
        } catch (IncrementalUpdate.Mismatch mismatch) {
            LOG.info(() -> "Refetching run " + update.id() + ": " + mismatch.getMessage());
            io.execute(() -> loader.fetchRun(update.id()));
        }
    }

    @Override
    public void onStateChanged(StreamState streamState, Optional<Duration> nextAttemptIn, Optional<String> reason) {
        ConnectionState mapped = switch (streamState) {
            case CONNECTING -> ConnectionState.CONNECTING;
            case LIVE -> loadsRunning.get() > 0 ? ConnectionState.SYNCING
                    : retries.waiting() ? ConnectionState.INCOMPLETE : ConnectionState.LIVE;
            case RECONNECTING -> ConnectionState.RECONNECTING;
            case CLOSED -> ConnectionState.OFFLINE;
        };
        if (streamState != StreamState.LIVE && streamState != StreamState.CONNECTING) {
            freshness.streamLeftLive();
        }
        if (streamState == StreamState.RECONNECTING) {
            if (!helloSinceDrop) {
                probeSession();
            }
            helloSinceDrop = false;
        }
        Optional<Instant> nextAttemptAt = mapped == ConnectionState.INCOMPLETE ? retries.nextAttemptAt()
                : nextAttemptIn.map(d -> clock.instant().plus(d));
        state.status().update(s -> {
            ConnectionStatus next = s.moveTo(mapped, nextAttemptAt, reason.orElse(""));
            if (streamState != StreamState.LIVE) {
                return markStale(next);
            }
            // LIVE alone confirms nothing: only a completed load does (see sync) — which may already have.
            return mapped == ConnectionState.LIVE || mapped == ConnectionState.INCOMPLETE ? freshness.onLive(next) : next;
        });
    }

    @Override
    public void onMalformedFrame(String description) {
        LOG.warning(() -> "Ignored a malformed frame from the server: " + description);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (stream != null) {
            stream.close();
        }
    }
}
