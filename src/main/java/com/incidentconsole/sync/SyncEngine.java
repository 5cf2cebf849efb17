package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.PluginPayloads;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stores equal to the server: an initial load over REST, then the event stream applied in
 * order. Whenever the stream could have missed something (first connect, or a resume the server
 * could not serve and answered with a new {@code connection_id}), runs are loaded again.
 *
 * <p>It also decides what the status says about the data: stale while it is a copy the server has
 * not confirmed (restored from the cache, or kept since the connection was lost), confirmed when a
 * load completes with the stream live.
 */
final class SyncEngine implements EventStream.Listener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    static final long CATCH_UP_OVERLAP_MS = 5_000;

    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final IncrementalUpdate incremental;
    private final RunLoader loader;
    private final JsonMapper mapper;
    private final ExecutorService io;
    private final Clock clock;
    private final Runnable onSynced;
    private final Consumer<Instant> onFullLoad;
    private final StreamSettings streamSettings;

    /** The stores hold a whole picture (a load completed, or a recent cache): a new connection only catches up. */
    private volatile boolean haveBaseline;
    /** Teams and playbooks were loaded in this session (a cache's copy may be old). */
    private volatile boolean directoriesLoaded;
    /** A load completed with the stream live at least once in this session. */
    private volatile boolean confirmedOnce;
    private final AtomicInteger loadsRunning = new AtomicInteger();
    private boolean closed;
    /** Written under this engine's lock (start, close); read without it, e.g. inside a status update. */
    private volatile EventStream stream;

    /** @param onSynced runs after every completed (re)load, e.g. to replay the outbox against fresh state */
    SyncEngine(MattermostConnection connection, WorkspaceState state, JsonMapper mapper, ExecutorService io,
               Clock clock, StreamSettings streamSettings, Runnable onSynced) {
        this(connection, state, mapper, io, clock, streamSettings, onSynced, false, at -> { });
    }

    /**
     * @param fromCache  the stores were filled from a cache recent enough that the first connection
     *                   may load only the runs changed since (see {@link ServerWorkspace})
     * @param onFullLoad told when a full load completed, so the cache can say how old its picture is
     */
    SyncEngine(MattermostConnection connection, WorkspaceState state, JsonMapper mapper, ExecutorService io,
               Clock clock, StreamSettings streamSettings, Runnable onSynced, boolean fromCache,
               Consumer<Instant> onFullLoad) {
        this.streamSettings = streamSettings;
        this.onSynced = onSynced;
        this.onFullLoad = onFullLoad;
        this.connection = connection;
        this.state = state;
        this.mapper = mapper;
        this.io = io;
        this.clock = clock;
        this.haveBaseline = fromCache;
        this.incremental = new IncrementalUpdate(mapper);
        this.loader = new RunLoader(connection, state, this::progressed);
    }

    /** The stores' picture cannot be caught up from (another user's cache): the first load loads everything. */
    void discardBaseline() {
        haveBaseline = false;
    }

    /** Opens the event stream; call once signed in (the stream authenticates with the session's token). */
    synchronized void start() {
        if (closed || stream != null) {
            return;
        }
        stream = connection.events(this, streamSettings);
        stream.start();
    }

    /**
     * Every (re)connection may have missed something: a resume replays only what was sent while the
     * socket died, not what happened while no socket existed. So the first connection loads
     * everything, and every later one — or the first after a start from a recent cache — asks for the
     * runs changed since the newest change we hold.
     */
    @Override
    public void onHello(HelloData hello, boolean newConnectionId) {
        // Counted before the stream reports LIVE (right after this call), so the status goes straight
        // to SYNCING instead of showing a short, false "Live" over data not yet caught up.
        loadsRunning.incrementAndGet();
        state.status().update(s -> s.moveTo(ConnectionState.SYNCING));
        io.execute(haveBaseline ? this::catchUp : this::resync);
    }

    private void resync() {
        sync(() -> {
            loader.loadEverything();
            directoriesLoaded = true;
        }, true);
    }

    private void catchUp() {
        long newest = state.runs().all().stream().mapToLong(PlaybookRun::updateAt).max().orElse(0);
        sync(() -> {
            if (!directoriesLoaded) {
                // First contact after a start from the cache: teams and playbooks may have changed too.
                loader.loadPlaybooks();
                directoriesLoaded = true;
            }
            // A small overlap: changes committed in the same millisecond as the newest one we saw.
            loader.loadChangedSince(Math.max(0, newest - CATCH_UP_OVERLAP_MS));
        }, false);
    }

    private void sync(Runnable load, boolean full) {
        try {
            load.run();
            if (full) {
                onFullLoad.accept(clock.instant());
            }
            haveBaseline = true;
            boolean last = loadsRunning.decrementAndGet() == 0;
            onSynced.run();
            if (last) {
                // Decided inside the update: a drop reported meanwhile must not be overwritten by "Live".
                state.status().update(s -> {
                    if (!currentStream().map(stream -> stream.state() == StreamState.LIVE).orElse(false)) {
                        return s;
                    }
                    confirmedOnce = true;
                    return s.moveTo(ConnectionState.LIVE).confirmed();
                });
            }
        } catch (RuntimeException e) {
            loadsRunning.decrementAndGet();
            String why = ActionFailure.describe(e);
            LOG.log(Level.WARNING, "Loading runs failed: {0}", why);
            state.status().update(s -> markStale(s.moveTo(ConnectionState.OFFLINE, Optional.empty(),
                    "Loading runs failed — " + why)));
        }
    }

    private void progressed(SyncProgress progress) {
        state.status().update(s -> s.state() == ConnectionState.SYNCING ? s.withProgress(progress) : s);
    }

    /** From the moment the server stops confirming it, what we show is a copy as of now. */
    private ConnectionStatus markStale(ConnectionStatus status) {
        return confirmedOnce ? status.staleSince(clock.instant()) : status;
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
                        io.execute(loader::loadPlaybooks);
                default -> {
                    // Core events the console does not show yet (posted, typing, ...).
                }
            }
        } catch (RuntimeException e) {
            // A bad payload must not stop the stream; the run it concerned is refetched on the next resync.
            LOG.log(Level.WARNING, "Could not apply " + event.event() + " (seq " + event.seq() + "): " + e.getMessage());
        }
    }

    private void applyRun(PlaybookRun run) {
        PlaybookRun replaced = state.runs().get(run.id()).orElse(null);
        if (state.runs().upsert(run)) {
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
            case LIVE -> loadsRunning.get() > 0 ? ConnectionState.SYNCING : ConnectionState.LIVE;
            case RECONNECTING -> ConnectionState.RECONNECTING;
            case CLOSED -> ConnectionState.OFFLINE;
        };
        Optional<Instant> nextAttemptAt = nextAttemptIn.map(d -> clock.instant().plus(d));
        state.status().update(s -> {
            ConnectionStatus next = s.moveTo(mapped, nextAttemptAt, reason.orElse(""));
            // LIVE alone confirms nothing: only a completed load does (see sync).
            return streamState == StreamState.LIVE ? next : markStale(next);
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
