package com.incidentconsole.uitest;

import static com.incidentconsole.uitest.TestRuns.checklist;
import static com.incidentconsole.uitest.TestRuns.event;
import static com.incidentconsole.uitest.TestRuns.item;

import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.FakeRunCommands;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An in-memory workspace with a small, hand-made incident world and controllable commands. */
public final class TestWorkspace implements Workspace {

    /** The tests' "now": 2026-11-23 04:00 UTC, the classic hour for an incident. */
    public static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    public static final long MINUTE = 60_000;

    public static final String DB_OUTAGE = "run-db";
    public static final String LOGIN_LATENCY = "run-login";
    public static final String WEBHOOKS = "run-webhooks";

    private final RunStore runs = new RunStore();
    private final UserDirectory users = new UserDirectory();
    private final PlaybookDirectory playbooks = new PlaybookDirectory();
    private final PendingActions pending = new PendingActions();
    private final FakeRunCommands commands = new FakeRunCommands(runs, pending);
    private final List<Consumer<ConnectionStatus>> connectionListeners = new CopyOnWriteArrayList<>();
    private final User me = TestRuns.user("u-alice", "alice", "Alice", "Archer");
    private volatile ConnectionStatus connection = ConnectionStatus.of(ConnectionState.LIVE);
    private final boolean sandbox;

    private TestWorkspace(boolean sandbox) {
        this.sandbox = sandbox;
    }

    public static TestWorkspace seeded() {
        TestWorkspace ws = new TestWorkspace(true);
        ws.users.putAll(List.of(ws.me,
                TestRuns.user("u-bob", "bob", "Bob", "Baker"),
                TestRuns.user("u-carol", "carol", "Carol", "Chen"),
                TestRuns.user("u-dave", "dave", "Dave", "Dunn")));
        ws.playbooks.putAll(List.of(TestRuns.playbook("pb-ir", "Incident Resolution"),
                TestRuns.playbook("pb-sec", "Security Incident")));
        long t = NOW.toEpochMilli();
        ws.runs.replaceAll(List.of(
                TestRuns.run(new TestRuns.RunSpec(DB_OUTAGE, "Database outage eu-west")
                        .summary("Primary **DB** unreachable; failover started.")
                        .owner("u-alice").playbook("pb-ir").createdAt(t - 90 * MINUTE)
                        .lastStatusUpdateAt(t - 12 * MINUTE).updateEvery(30).participants("u-alice", "u-bob")
                        .checklists(
                                checklist("cl-triage", "Triage",
                                        item("i-page", "Page the on-call DBA", ChecklistItem.CLOSED, "u-bob", 0, ""),
                                        item("i-channel", "Open the war-room bridge", ChecklistItem.OPEN),
                                        item("i-scope", "Scope customer impact", ChecklistItem.IN_PROGRESS, "u-carol",
                                                t - 30 * MINUTE, "")),
                                checklist("cl-mitigate", "Mitigate",
                                        item("i-failover", "Fail over to replica", ChecklistItem.OPEN, "u-bob", 0,
                                                "/dbctl failover eu-west"),
                                        item("i-verify", "Verify writes", ChecklistItem.OPEN)),
                                checklist("cl-recover", "Recover",
                                        item("i-retro", "Schedule the retrospective", ChecklistItem.OPEN)))
                        .events(
                                event("e1", t - 90 * MINUTE, TimelineEvent.INCIDENT_CREATED, "Run started by **Alice**", "u-alice"),
                                event("e2", t - 40 * MINUTE, TimelineEvent.TASK_STATE_MODIFIED, "Checked off **Page the on-call DBA**", "u-bob"),
                                event("e3", t - 12 * MINUTE, TimelineEvent.STATUS_UPDATED, "Failover in progress", "u-alice"))),
                TestRuns.run(new TestRuns.RunSpec(LOGIN_LATENCY, "Login latency spike")
                        .owner("u-bob").playbook("pb-ir").createdAt(t - 300 * MINUTE).updateEvery(60)
                        .checklists(checklist("cl-l1", "Triage", item("l-1", "Check the auth service", ChecklistItem.OPEN)))),
                TestRuns.run(new TestRuns.RunSpec(WEBHOOKS, "Payment webhook errors")
                        .owner("u-carol").playbook("pb-sec").finished().createdAt(t - 2 * 1440 * MINUTE)
                        .lastStatusUpdateAt(t - 1440 * MINUTE)
                        .checklists(checklist("cl-w1", "Triage", item("w-1", "Replay webhooks", ChecklistItem.CLOSED))))));
        return ws;
    }

    public FakeRunCommands fakeCommands() {
        return commands;
    }

    public void setConnection(ConnectionStatus status) {
        connection = status;
        connectionListeners.forEach(l -> l.accept(status));
    }

    @Override
    public String serverLabel() {
        return "Sandbox (test)";
    }

    @Override
    public boolean isSandbox() {
        return sandbox;
    }

    @Override
    public User me() {
        return me;
    }

    @Override
    public List<Team> teams() {
        return List.of();
    }

    @Override
    public RunStore runs() {
        return runs;
    }

    @Override
    public UserDirectory users() {
        return users;
    }

    @Override
    public PlaybookDirectory playbooks() {
        return playbooks;
    }

    @Override
    public PendingActions pending() {
        return pending;
    }

    @Override
    public FakeRunCommands commands() {
        return commands;
    }

    @Override
    public ConnectionStatus connection() {
        return connection;
    }

    @Override
    public Subscription subscribeConnection(Consumer<ConnectionStatus> listener) {
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }
}
