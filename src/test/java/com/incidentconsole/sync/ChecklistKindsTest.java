package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checklist-work kinds (ADR 0024): each one's stored form reads back as itself, its judge before a
 * delayed send, and — for the non-idempotent ones — how a request that may have reached the server is
 * recognised, through the real queue and outbox against a scripted server.
 */
class ChecklistKindsTest {

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final Map<String, PlaybookRun> server = new ConcurrentHashMap<>();
    private final RunStore store = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private LocalStore local;
    private FakeTransport transport;

    @BeforeEach
    void setUp() {
        local = LocalStore.open(dir.resolve("store.db"));
        server.put("run1", TestRunsFactory.run("run1"));
        store.upsert(server.get("run1"));
        transport = new FakeTransport(server::get, (runId, change) -> store.upsert(server.compute(runId,
                (id, run) -> change.apply(run))));
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        local.close();
    }

    private PlaybookRun run() {
        return server.get("run1");
    }

    private ActionQueue queue() {
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        return new ActionQueue(outbox(), transport, store, pending, new UserDirectory(), worker, Clock.systemUTC(),
                fast, mapper, Duration.ofMillis(50), () -> { }, () -> "alex", Optional.empty());
    }

    private Outbox outbox() {
        return local.outbox("https://chat.example.com");
    }

    private long calls(String prefix) {
        return transport.calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private List<ChecklistItem> items() {
        return run().checklists().get(0).items();
    }

    /** The outbox as a crashed process left it: the request had left (sent_at), no answer recorded. */
    private void leftSentBy(Action action, long sentAt) {
        OutboxEntry row = outbox().append(new OutboxEntry.New("c-" + action.target().subject(), action.kind().id(),
                action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                action.payload(mapper).toString(), action.description(), sentAt - 10, ""));
        outbox().markSending(row.seq(), sentAt);
        outbox().update(row.seq(), OutboxEntry.State.SENT, "", false);
    }

    @Test
    void everyKindReadsBackAsItself() {
        PlaybookRun run = run();
        List<Action> all = List.of(
                new SetItemAssignee("run1", "i1", "Page the on-call DBA", "u2", "Priya"),
                new SetItemAssignee("run1", "i1", "Page the on-call DBA", "", ""),
                new SetItemDueDate("run1", "i1", "Page", 1_767_000_000_000L),
                new EditItem("run1", "i1", "Page", "Page the DBA", "Call them\nthen Slack", "/page dba"),
                new MoveItem("run1", "i2", "Open a bridge", "c1", 0),
                new DeleteItem("run1", "i2", "Open a bridge"),
                RunItemCommand.of("run1", "i1", "Page", "/page dba"),
                AddItem.below(run, "c1", "i1", "Tell support"),
                DuplicateItem.of(run, "i1", "Page the on-call DBA"),
                AddChecklist.of(run, "Aftercare"),
                ChecklistChange.rename("run1", "c1", "Triage", "Triage (EU)"),
                ChecklistChange.delete("run1", "c1", "Triage"),
                ChecklistChange.move("run1", "c1", "Triage", 2),
                ChecklistChange.skip("run1", "c1", "Triage", true));
        ActionKinds kinds = ActionKinds.standard();
        for (Action action : all) {
            OutboxEntry row = outbox().append(new OutboxEntry.New("k" + all.indexOf(action), action.kind().id(),
                    action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                    action.payload(mapper).toString(), action.description(), 1, ""));
            ActionKinds.Decoded decoded = kinds.decode(row, mapper);
            assertEquals(new ActionKinds.Decoded.Readable(action), decoded, action.kind().id());
        }
    }

    @Test
    void aDamagedAdditionIsKeptUnreadableNotGuessed() {
        AddItem add = AddItem.below(run(), "c1", "i1", "Tell support");
        var stored = add.payload(mapper);
        stored.remove("known_ids");
        String payload = stored.toString();
        OutboxEntry row = outbox().append(new OutboxEntry.New("k", add.kind().id(), 1, OutboxEntry.RUN_SCOPE, "run1",
                add.target().subject(), payload, add.description(), 1, ""));
        assertInstanceOf(ActionKinds.Decoded.Unreadable.class, ActionKinds.standard().decode(row, mapper),
                "without what the run held, an addition cannot be recognised later: not sent");
    }

    @Test
    void anAssignmentSomeoneElseChangedMeanwhileIsAConflictAndOneAlreadyThereIsDone() {
        SetItemAssignee mine = new SetItemAssignee("run1", "i1", "Page", "u2", "Priya");
        ActionBase seen = ActionBase.of(mine, run());
        PlaybookRun theirs = TestRunsFactory.withItemState(run(), 0, 0, "");
        theirs = new PlaybookRunEdit(theirs).assign(0, 0, "u3");
        assertInstanceOf(ReplayCheck.Verdict.Conflicted.class, mine.judge(theirs, Optional.of(seen)));
        assertInstanceOf(ReplayCheck.Verdict.Done.class,
                mine.judge(new PlaybookRunEdit(run()).assign(0, 0, "u2"), Optional.of(seen)));
        assertInstanceOf(ReplayCheck.Verdict.Send.class, mine.judge(run(), Optional.of(seen)));
    }

    @Test
    void aDeleteOfAnItemAlreadyGoneIsDoneAndAMoveToWhereItIsIsDone() {
        DeleteItem delete = new DeleteItem("run1", "i2", "Open a bridge");
        assertInstanceOf(ReplayCheck.Verdict.Done.class,
                delete.judge(TestRunsFactory.withoutItem(run(), 0, 1), Optional.of(ActionBase.of(delete, run()))));
        MoveItem move = new MoveItem("run1", "i1", "Page", "c1", 0);
        assertTrue(move.isSettledIn(run()));
        assertFalse(new MoveItem("run1", "i1", "Page", "c1", 1).isSettledIn(run()));
    }

    @Test
    void assignDueEditMoveAndDeleteReachTheServerByIdNotByAStaleIndex() {
        ActionQueue queue = queue();
        queue.submit(new SetItemAssignee("run1", "i2", "Open a bridge", "u2", "Priya"));
        queue.submit(new SetItemDueDate("run1", "i2", "Open a bridge", 1_767_000_000_000L));
        queue.submit(new MoveItem("run1", "i2", "Open a bridge", "c1", 0));
        queue.submit(new EditItem("run1", "i2", "Open a bridge", "Open the bridge", "", "/zoom start"));
        await("all settled", () -> pending.all().isEmpty(), transport.calls::toString);
        ChecklistItem moved = items().get(0);
        assertEquals(List.of("i2", "Open the bridge", "u2", 1_767_000_000_000L, "/zoom start"),
                List.of(moved.id(), moved.title(), moved.assigneeId(), moved.dueDate(), moved.command()));

        queue.submit(new DeleteItem("run1", "i1", "Page the on-call DBA"));
        await("deleted", () -> pending.all().isEmpty() && items().size() == 1, transport.calls::toString);
        assertTrue(transport.calls.contains("delete run1 0/1"), "i1 sat at index 1 after the move: " + transport.calls);
    }

    @Test
    void anAddedItemGoesBelowItsAnchorOnceAndIsConfirmedByTheRun() {
        ActionQueue queue = queue();
        AddItem add = AddItem.below(run(), "c1", "i1", "Tell support");
        queue.submit(add);
        await("added and confirmed", () -> pending.all().isEmpty(), transport.calls::toString);
        assertEquals(List.of("Page the on-call DBA", "Tell support", "Open a bridge"),
                items().stream().map(ChecklistItem::title).toList());
        assertEquals(1, calls("add "));
    }

    @Test
    void anAddWhoseAnswerWasLostIsRecognisedNotSentAgain() {
        transport.loseAnswers.set(true);
        ActionQueue queue = queue();
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        queue.submit(add);
        await("the answer was lost", () -> calls("add ") == 1 && pending.get(add.target()).isPresent());
        transport.loseAnswers.set(false);

        await("settled", () -> pending.get(add.target()).isEmpty(), transport.calls::toString);
        assertEquals(1, calls("add "), "found in the checklist under a new id: not added twice");
        assertEquals(1, items().stream().filter(i -> i.title().equals("Tell support")).count());
    }

    @Test
    void aRestoredSentAddTheServerShowsIsNotSentAgain() {
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        transport.addItem("run1", 0, "Tell support"); // it reached the server before the crash
        transport.calls.clear();
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        ActionQueue restarted = queue();

        restarted.restore();
        restarted.resume();

        await("settled", () -> outbox().entries().isEmpty() && pending.get(add.target()).isEmpty(),
                transport.calls::toString);
        assertEquals(0, calls("add "), transport.calls.toString());
    }

    @Test
    void aRestoredSentAddTheServerLacksIsSentOnce() {
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        ActionQueue restarted = queue();

        restarted.restore();
        restarted.resume();

        await("sent and settled", () -> outbox().entries().isEmpty() && pending.get(add.target()).isEmpty(),
                transport.calls::toString);
        assertEquals(1, calls("add "));
        assertEquals(1, items().stream().filter(i -> i.title().equals("Tell support")).count());
    }

    @Test
    void anItemWithTheSameTitleThatWasAlreadyThereIsNotMistakenForMine() {
        AddItem add = AddItem.below(run(), "c1", "", "Open a bridge");
        assertFalse(add.isSettledIn(run()), "i2 has that title but was there before");
        assertEquals(Action.Settlement.NOT_TAKEN, add.tookEffect(transport, run(), 1, "alex"));
    }

    @Test
    void aDuplicateIsRecognisedByANewIdWithTheOriginalsTitle() {
        DuplicateItem copy = DuplicateItem.of(run(), "i1", "Page the on-call DBA");
        assertEquals(Action.Settlement.NOT_TAKEN, copy.tookEffect(transport, run(), 1, "alex"));
        transport.duplicateItem("run1", 0, 0);
        assertEquals(Action.Settlement.TOOK_EFFECT, copy.tookEffect(transport, run(), 1, "alex"));
        assertEquals(Action.Settlement.UNKNOWN,
                copy.tookEffect(transport, TestRunsFactory.withoutItem(TestRunsFactory.withoutItem(run(), 0, 1), 0, 0),
                        1, "alex"), "the original is gone: the server cannot tell");
    }

    @Test
    void aCommandRunIsRecognisedByTheItemsLastRunStamp() {
        long sentAt = 1_000_000;
        RunItemCommand run = RunItemCommand.of("run1", "i1", "Page", "/page dba");
        assertEquals(Action.Settlement.NOT_TAKEN, run.tookEffect(transport, run(), sentAt, "alex"), "never ran");
        PlaybookRun ran = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt + 5);
        assertEquals(Action.Settlement.TOOK_EFFECT, run.tookEffect(transport, ran, sentAt, "alex"));
        PlaybookRun justBefore = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt - 30_000);
        assertEquals(Action.Settlement.UNKNOWN, run.tookEffect(transport, justBefore, sentAt, "alex"),
                "stamped within the clocks' possible difference: may be mine");
        PlaybookRun longAgo = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt - 600_000);
        assertEquals(Action.Settlement.NOT_TAKEN, run.tookEffect(transport, longAgo, sentAt, "alex"));
    }

    @Test
    void aRestoredCommandRunThatRanIsNotRunAgainAndOneInDoubtIsUncertain() {
        RunItemCommand ran = RunItemCommand.of("run1", "i1", "Page", "/page dba");
        long sentAt = System.currentTimeMillis() - 5_000;
        server.compute("run1", (id, r) -> new PlaybookRunEdit(r).lastRun(0, 0, sentAt + 20));
        store.upsert(run());
        leftSentBy(ran, sentAt);
        RunItemCommand doubtful = RunItemCommand.of("run1", "i2", "Bridge", "/zoom start");
        server.compute("run1", (id, r) -> new PlaybookRunEdit(r).lastRun(0, 1, sentAt - 30_000));
        leftSentBy(doubtful, sentAt);
        ActionQueue restarted = queue();

        restarted.restore();
        restarted.resume();

        await("the first settled, the second held", () -> pending.get(ran.target()).isEmpty()
                && pending.get(doubtful.target()).map(PendingAction::uncertain).orElse(false), transport.calls::toString);
        assertEquals(0, calls("run "), "nothing run blind");
    }

    @Test
    void checklistsAreAddedRenamedMovedSkippedAndDeletedById() {
        ActionQueue queue = queue();
        queue.submit(AddChecklist.of(run(), "Aftercare"));
        await("added", () -> pending.all().isEmpty() && run().checklists().size() == 2, transport.calls::toString);
        String added = run().checklists().get(1).id();
        queue.submit(ChecklistChange.move("run1", added, "Aftercare", 0));
        queue.submit(ChecklistChange.rename("run1", "c1", "Triage", "Triage (EU)"));
        queue.submit(ChecklistChange.skip("run1", "c1", "Triage", true));
        await("moved, renamed, skipped", () -> pending.all().isEmpty(), transport.calls::toString);
        assertEquals(List.of("Aftercare", "Triage (EU)"), run().checklists().stream().map(c -> c.title()).toList());
        assertTrue(run().checklists().get(1).items().stream().allMatch(ChecklistItem::isSkipped));

        queue.submit(ChecklistChange.delete("run1", "c1", "Triage (EU)"));
        await("deleted", () -> pending.all().isEmpty() && run().checklists().size() == 1, transport.calls::toString);
        assertTrue(transport.calls.contains("delete-checklist run1 1"), transport.calls.toString());
    }

    @Test
    void aChangeToAFinishedRunIsRefusedWithWords() {
        server.compute("run1", (id, r) -> TestRunsFactory.finishedBy(r, "u3", 5));
        store.upsert(run());
        ActionQueue queue = queue();
        SetItemDueDate due = new SetItemDueDate("run1", "i1", "Page", 5_000);
        // Seen as finished already: the base agrees, so the refusal is the kind's own.
        queue.submit(due);
        await("refused", () -> pending.get(due.target()).map(PendingAction::failed).orElse(false));
        assertTrue(pending.get(due.target()).orElseThrow().error().contains("restore it"),
                pending.get(due.target()).orElseThrow().error());
    }
}
