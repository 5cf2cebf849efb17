package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** A {@link Workspace} backed by a live server connection: REST for loading and actions, events for changes. */
public final class ServerWorkspace implements Workspace, AutoCloseable {

    private final String label;
    private final boolean sandbox;
    private final MattermostConnection connection;
    private final List<Team> teams;
    private final WorkspaceState state;
    private final RunCommands commands;
    private final SyncEngine engine;

    private ServerWorkspace(String label, boolean sandbox, MattermostConnection connection, List<Team> teams,
                            WorkspaceState state, RunCommands commands, SyncEngine engine) {
        this.label = label;
        this.sandbox = sandbox;
        this.connection = connection;
        this.teams = List.copyOf(teams);
        this.state = state;
        this.commands = commands;
        this.engine = engine;
    }

    /**
     * Builds the workspace for a signed-in connection and starts following the server. Blocking only
     * for the teams request; runs load in the background once the event stream says hello.
     */
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
     * The full form: with a cache, the stores are filled from it before the first network answer
     * (so the window shows the last known runs at once) and every change is written back to it.
     */
    public static ServerWorkspace follow(String label, boolean sandbox, MattermostConnection connection,
                                         JsonMapper mapper, SyncExecutors executors, Outbox outbox,
                                         Optional<ObjectCache> cache, Clock clock, StreamSettings streamSettings) {
        WorkspaceState state = WorkspaceState.empty();
        cache.ifPresent(c -> {
            CacheKeeper keeper = new CacheKeeper(c, state, mapper, executors.io());
            int cached = keeper.restore();
            if (cached > 0) {
                state.status().set(new ConnectionStatus(ConnectionState.CONNECTING, Optional.empty(),
                        "showing " + cached + " cached runs until the server answers"));
            }
            keeper.follow();
        });
        state.users().putAll(List.of(connection.me()));
        List<Team> teams = connection.teams().mine();
        ActionQueue commands = new ActionQueue(outbox, new ClientActionTransport(connection.runs(),
                connection.checklists()), state.runs(), state.pending(), state.users(), executors.actions(), clock,
                Backoff.forActions(new SplittableRandom()), mapper, ActionQueue.CONFIRM_FETCH_DELAY);
        commands.restore();
        SyncEngine engine = new SyncEngine(connection, state, mapper, executors.io(), clock, streamSettings,
                commands::resume);
        ServerWorkspace workspace = new ServerWorkspace(label, sandbox, connection, teams, state, commands, engine);
        engine.start();
        return workspace;
    }

    @Override
    public String serverLabel() {
        return label;
    }

    @Override
    public boolean isSandbox() {
        return sandbox;
    }

    @Override
    public User me() {
        return connection.me();
    }

    @Override
    public List<Team> teams() {
        return teams;
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
        engine.close();
    }
}
