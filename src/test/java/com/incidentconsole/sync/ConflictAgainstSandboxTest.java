package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #5 end to end, against the sandbox: my tick waits through a server outage (503) while a
 * colleague changes the same item; when the server is back my tick is not sent over theirs — it
 * becomes a conflict — and my choice (apply mine / keep theirs) is what the server ends up showing.
 */
@BesideOtherTests
class ConflictAgainstSandboxTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(8, 0));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final Outbox outbox = store.outbox("sandbox");
    private final String myToken = sandbox.control().tokenFor(sandbox.control().defaultUser().username());
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connect(myToken), mapper,
            executors, outbox, Clock.systemUTC(), new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
                    Duration.ofMillis(20), Duration.ofSeconds(30)));
    private PlaybookRun run;
    private User colleague;
    private MattermostConnection colleagueApi;

    @BeforeEach
    void loaded() {
        String me = sandbox.control().defaultUser().id();
        run = sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me) && r.participantIds().size() > 1)
                .filter(r -> r.checklists().stream().anyMatch(c -> c.items().stream().filter(this::untouched).count() >= 2))
                .findFirst().orElseThrow();
        colleague = sandbox.control().users().stream()
                .filter(u -> run.participantIds().contains(u.id()) && !u.id().equals(me)).findFirst().orElseThrow();
        colleagueApi = connect(sandbox.control().tokenFor(colleague.username()));
        await("live with the run loaded", () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().get(run.id()).isPresent());
    }

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    private boolean untouched(ChecklistItem item) {
        return ChecklistItem.OPEN.equals(item.state()) && !item.isHidden();
    }

    /** The n-th open (not started) item of the first checklist that has two: its indices and id. */
    private Item openItem(int n) {
        for (int c = 0; c < run.checklists().size(); c++) {
            var items = run.checklists().get(c).items();
            if (items.stream().filter(this::untouched).count() < 2) {
                continue;
            }
            int seen = 0;
            for (int i = 0; i < items.size(); i++) {
                if (untouched(items.get(i)) && seen++ == n) {
                    return new Item(c, i, items.get(i).id());
                }
            }
        }
        throw new IllegalStateException("no open item " + n);
    }

    private record Item(int checklist, int index, String id) {
        ActionTarget target(String runId) {
            return ActionTarget.item(runId, id);
        }
    }

    private String stateOnServer(Item item) {
        return sandbox.control().run(run.id()).orElseThrow().checklists().get(item.checklist()).items()
                .get(item.index()).state();
    }

    /** Ticks the item while the server answers every item change with 503, and waits until the tick waits. */
    private void tickDuringAnOutage(Item item) {
        sandbox.control().inject(FaultRule.failNext(1_000_000, "PUT", ".*/item/[0-9]+/state", 503, "busy"));
        workspace.commands().setItemState(run.id(), item.id(), ChecklistItem.CLOSED);
        await("the tick is refused with 503 and waits", () -> workspace.pending().get(item.target(run.id()))
                .map(p -> p.status() == PendingAction.Status.PENDING && p.error().contains("503")).orElse(false));
    }

    private ActionConflict conflictOn(Item item) {
        await("a conflict", () -> workspace.pending().get(item.target(run.id())).map(PendingAction::conflicted)
                .orElse(false), () -> workspace.pending().get(item.target(run.id())).toString());
        return workspace.pending().get(item.target(run.id())).orElseThrow().conflict().orElseThrow();
    }

    /** State changes this console got through (2xx), as the server saw them. */
    private long myAcceptedStateChanges() {
        return fixture.exchanges().stream()
                .filter(x -> x.method().equals("PUT") && x.path().endsWith("/state") && x.status() / 100 == 2)
                .filter(x -> x.requestHeader("Authorization").equals("Bearer " + myToken))
                .count();
    }

    @Test
    void aColleaguesSkipDuringTheOutageWinsUntilIChooseToApplyMine() {
        Item item = openItem(0);
        tickDuringAnOutage(item);
        colleagueApi.checklists().skipItem(run.id(), item.checklist(), item.index());

        sandbox.control().faults().clear();

        ActionConflict conflict = conflictOn(item);
        assertEquals(ActionConflict.Kind.CHANGED, conflict.kind());
        assertEquals(ChecklistItem.OPEN, conflict.baseValue());
        assertEquals(ChecklistItem.SKIPPED, conflict.serverValue());
        // SkipChecklistItem writes no timeline event on the real server, so who skipped it is unknown.
        assertEquals("", conflict.byUserId(), "no timeline event names who skipped it");
        assertEquals(ChecklistItem.SKIPPED, stateOnServer(item), "the server keeps the colleague's state");
        assertEquals(0, myAcceptedStateChanges(), "my tick was never applied over theirs");
        // The conflict is shown first and written by the outbox's own thread just after.
        await("the conflict is kept in the outbox", () -> outbox.entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.CONFLICT));

        workspace.commands().retry(item.target(run.id())); // apply mine

        await("mine holds on the server", () -> ChecklistItem.CLOSED.equals(stateOnServer(item))
                && workspace.pending().get(item.target(run.id())).isEmpty());
        assertEquals(1, myAcceptedStateChanges());
        await("the outbox is empty", () -> outbox.entries().isEmpty());
    }

    @Test
    void keepingTheServersVersionDiscardsMineAndSendsNothing() {
        Item item = openItem(1);
        tickDuringAnOutage(item);
        colleagueApi.checklists().skipItem(run.id(), item.checklist(), item.index());
        sandbox.control().faults().clear();
        conflictOn(item);

        workspace.pending().dismiss(item.target(run.id())); // keep the server's

        await("the outbox is empty", () -> outbox.entries().isEmpty());
        assertEquals(ChecklistItem.SKIPPED, stateOnServer(item));
        assertEquals(0, myAcceptedStateChanges());
        assertTrue(workspace.pending().get(item.target(run.id())).isEmpty());
    }

    @Test
    void aRunFinishedDuringTheOutageIsAConflictNotARetryLoop() {
        Item item = openItem(0);
        tickDuringAnOutage(item);
        colleagueApi.runs().finish(run.id());

        sandbox.control().faults().clear();

        ActionConflict conflict = conflictOn(item);
        assertEquals(ActionConflict.Kind.RUN_FINISHED, conflict.kind());
        assertEquals(colleague.id(), conflict.byUserId());
        assertFalse(conflict.canApplyMine());
        assertEquals(ChecklistItem.OPEN, stateOnServer(item));
        assertEquals(0, myAcceptedStateChanges());
    }

    private MattermostConnection connect(String token) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()), new Credentials.AccessToken(token),
                mapper);
    }

}
