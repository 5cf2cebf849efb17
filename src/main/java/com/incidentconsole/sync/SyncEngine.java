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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stores equal to the server: an initial load over REST, then the event stream applied in
 * order. Whenever the stream could have missed something (first connect, or a resume the server
 * could not serve and answered with a new {@code connection_id}), runs are loaded again.
 */
final class SyncEngine implements EventStream.Listener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());

    private final MattermostConnection connection;
    private final WorkspaceState state;
    private final IncrementalUpdate incremental;
    private final RunLoader loader;
    private final JsonMapper mapper;
    private final ExecutorService io;
    private final Clock clock;
    private final Runnable onSynced;
    private final StreamSettings streamSettings;
    static final long CATCH_UP_OVERLAP_MS = 5_000;

    private volatile boolean loadedOnce;
    private final AtomicBoolean syncing = new AtomicBoolean();
    private EventStream stream;

    /** @param onSynced runs after every completed (re)load, e.g. to replay the outbox against fresh state */
    SyncEngine(MattermostConnection connection, WorkspaceState state, JsonMapper mapper, ExecutorService io,
               Clock clock, StreamSettings streamSettings, Runnable onSynced) {
        this.streamSettings = streamSettings;
        this.onSynced = onSynced;
        this.connection = connection;
        this.state = state;
        this.mapper = mapper;
        this.io = io;
        this.clock = clock;
        this.incremental = new IncrementalUpdate(mapper);
        this.loader = new RunLoader(connection, state);
    }

    void start() {
        stream = connection.events(this, streamSettings);
        stream.start();
    }

    /**
     * Every (re)connection may have missed something: a resume replays only what was sent while the
     * socket died, not what happened while no socket existed. So the first connection loads
     * everything, and every later one asks for the runs changed since the newest change we hold.
     */
    @Override
    public void onHello(HelloData hello, boolean newConnectionId) {
        io.execute(loadedOnce ? this::catchUp : this::resync);
    }

    private void resync() {
        sync(loader::loadEverything);
    }

    private void catchUp() {
        long newest = state.runs().all().stream().mapToLong(PlaybookRun::updateAt).max().orElse(0);
        // A small overlap: changes committed in the same millisecond as the newest one we saw.
        sync(() -> loader.loadChangedSince(Math.max(0, newest - CATCH_UP_OVERLAP_MS)));
    }

    private void sync(Runnable load) {
        syncing.set(true);
        state.status().set(ConnectionStatus.of(ConnectionState.SYNCING));
        try {
            load.run();
            loadedOnce = true;
            syncing.set(false);
            onSynced.run();
            if (stream != null && stream.state() == StreamState.LIVE) {
                state.status().set(ConnectionStatus.of(ConnectionState.LIVE));
            }
        } catch (RuntimeException e) {
            syncing.set(false);
            String why = ActionFailure.describe(e);
            LOG.log(Level.WARNING, "Loading runs failed: {0}", why);
            state.status().set(new ConnectionStatus(ConnectionState.OFFLINE, Optional.empty(),
                    "Loading runs failed — " + why));
        }
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
        if (state.runs().upsert(run)) {
            io.execute(() -> loader.loadMissingUsers(List.of(run)));
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
            case LIVE -> syncing.get() ? ConnectionState.SYNCING : ConnectionState.LIVE;
            case RECONNECTING -> ConnectionState.RECONNECTING;
            case CLOSED -> ConnectionState.OFFLINE;
        };
        state.status().set(new ConnectionStatus(mapped, nextAttemptIn.map(d -> clock.instant().plus(d)),
                reason.orElse("")));
    }

    @Override
    public void onMalformedFrame(String description) {
        LOG.warning(() -> "Ignored a malformed frame from the server: " + description);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}
