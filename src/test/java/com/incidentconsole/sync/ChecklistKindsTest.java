package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The checklist-work kinds (ADR 0024): each one's stored form reads back as itself, its judge before a
 * delayed send, and — for the non-idempotent ones — how a request that may have reached the server is
 * recognised, through the real queue and outbox against a scripted server.
 */
class ChecklistKindsTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private PlaybookRun run() {
        return fixture.server.get("run1");
    }

    private List<ChecklistItem> items() {
        return run().checklists().get(0).items();
    }

    /** The outbox as a crashed process left it: the request had left (sent_at), no answer recorded. */
    private void leftSentBy(Action action, long sentAt) {
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c-" + action.target().subject(), action.kind().id(),
                action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                action.payload(fixture.mapper).toString(), action.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        fixture.outbox().update(row.seq(), OutboxEntry.State.SENT, "", false);
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
            OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("k" + all.indexOf(action), action.kind().id(),
                    action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                    action.payload(fixture.mapper).toString(), action.description(), 1, ""));
            ActionKinds.Decoded decoded = kinds.decode(row, fixture.mapper);
            assertEquals(new ActionKinds.Decoded.Readable(action), decoded, action.kind().id());
        }
    }

    @Test
    void aDamagedAdditionIsKeptUnreadableNotGuessed() {
        AddItem add = AddItem.below(run(), "c1", "i1", "Tell support");
        var stored = add.payload(fixture.mapper);
        stored.remove("known_ids");
        String payload = stored.toString();
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("k", add.kind().id(), 1, OutboxEntry.RUN_SCOPE, "run1",
                add.target().subject(), payload, add.description(), 1, ""));
        assertInstanceOf(ActionKinds.Decoded.Unreadable.class, ActionKinds.standard().decode(row, fixture.mapper),
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
        ActionQueue queue = fixture.queue();
        queue.submit(new SetItemAssignee("run1", "i2", "Open a bridge", "u2", "Priya"));
        queue.submit(new SetItemDueDate("run1", "i2", "Open a bridge", 1_767_000_000_000L));
        queue.submit(new MoveItem("run1", "i2", "Open a bridge", "c1", 0));
        queue.submit(new EditItem("run1", "i2", "Open a bridge", "Open the bridge", "", "/zoom start"));
        await("all settled", () -> fixture.pending.all().isEmpty(), fixture.transport().calls::toString);
        ChecklistItem moved = items().get(0);
        assertEquals(List.of("i2", "Open the bridge", "u2", 1_767_000_000_000L, "/zoom start"),
                List.of(moved.id(), moved.title(), moved.assigneeId(), moved.dueDate(), moved.command()));

        queue.submit(new DeleteItem("run1", "i1", "Page the on-call DBA"));
        await("deleted", () -> fixture.pending.all().isEmpty() && items().size() == 1, fixture.transport().calls::toString);
        assertTrue(fixture.transport().calls.contains("delete run1 0/1"), "i1 sat at index 1 after the move: " + fixture.transport().calls);
    }

    @Test
    void anAddedItemGoesBelowItsAnchorOnceAndIsConfirmedByTheRun() {
        ActionQueue queue = fixture.queue();
        AddItem add = AddItem.below(run(), "c1", "i1", "Tell support");
        queue.submit(add);
        await("added and confirmed", () -> fixture.pending.all().isEmpty(), fixture.transport().calls::toString);
        assertEquals(List.of("Page the on-call DBA", "Tell support", "Open a bridge"),
                items().stream().map(ChecklistItem::title).toList());
        assertEquals(1, fixture.calls("add "));
    }

    @Test
    void anAddWhoseAnswerWasLostIsRecognisedNotSentAgain() {
        fixture.transport().loseAnswers.set(true);
        ActionQueue queue = fixture.queue();
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        queue.submit(add);
        await("the answer was lost", () -> fixture.calls("add ") == 1 && fixture.pending.get(add.target()).isPresent());
        fixture.transport().loseAnswers.set(false);

        await("settled", () -> fixture.pending.get(add.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("add "), "found in the checklist under a new id: not added twice");
        assertEquals(1, items().stream().filter(i -> i.title().equals("Tell support")).count());
    }

    @Test
    void aRestoredSentAddTheServerShowsIsNotSentAgain() {
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        fixture.transport().addItem("run1", 0, "Tell support"); // it reached the server before the crash
        fixture.transport().calls.clear();
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(add.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("add "), fixture.transport().calls.toString());
    }

    @Test
    void aRestoredSentAddTheServerLacksIsSentOnce() {
        AddItem add = AddItem.below(run(), "c1", "", "Tell support");
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("sent and settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(add.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("add "));
        assertEquals(1, items().stream().filter(i -> i.title().equals("Tell support")).count());
    }

    @Test
    void anItemWithTheSameTitleThatWasAlreadyThereIsNotMistakenForMine() {
        AddItem add = AddItem.below(run(), "c1", "", "Open a bridge");
        assertFalse(add.isSettledIn(run()), "i2 has that title but was there before");
        assertEquals(Action.Settlement.NOT_TAKEN, add.tookEffect(fixture.transport(), run(), 1, "alex"));
    }

    @Test
    void aDuplicateIsRecognisedByANewIdWithTheOriginalsTitle() {
        DuplicateItem copy = DuplicateItem.of(run(), "i1", "Page the on-call DBA");
        assertEquals(Action.Settlement.NOT_TAKEN, copy.tookEffect(fixture.transport(), run(), 1, "alex"));
        fixture.transport().duplicateItem("run1", 0, 0);
        assertEquals(Action.Settlement.TOOK_EFFECT, copy.tookEffect(fixture.transport(), run(), 1, "alex"));
        assertEquals(Action.Settlement.UNKNOWN,
                copy.tookEffect(fixture.transport(), TestRunsFactory.withoutItem(TestRunsFactory.withoutItem(run(), 0, 1), 0, 0),
                        1, "alex"), "the original is gone: the server cannot tell");
    }

    @Test
    void aCommandRunIsRecognisedByTheItemsLastRunStamp() {
        long sentAt = 1_000_000;
        RunItemCommand run = RunItemCommand.of("run1", "i1", "Page", "/page dba");
        assertEquals(Action.Settlement.NOT_TAKEN, run.tookEffect(fixture.transport(), run(), sentAt, "alex"), "never ran");
        PlaybookRun ran = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt + 5);
        assertEquals(Action.Settlement.TOOK_EFFECT, run.tookEffect(fixture.transport(), ran, sentAt, "alex"));
        PlaybookRun justBefore = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt - 30_000);
        assertEquals(Action.Settlement.UNKNOWN, run.tookEffect(fixture.transport(), justBefore, sentAt, "alex"),
                "stamped within the clocks' possible difference: may be mine");
        PlaybookRun longAgo = new PlaybookRunEdit(run()).lastRun(0, 0, sentAt - 600_000);
        assertEquals(Action.Settlement.NOT_TAKEN, run.tookEffect(fixture.transport(), longAgo, sentAt, "alex"));
    }

    @Test
    void aRestoredCommandRunThatRanIsNotRunAgainAndOneInDoubtIsUncertain() {
        RunItemCommand ran = RunItemCommand.of("run1", "i1", "Page", "/page dba");
        long sentAt = System.currentTimeMillis() - 5_000;
        fixture.server.compute("run1", (id, r) -> new PlaybookRunEdit(r).lastRun(0, 0, sentAt + 20));
        fixture.store.upsert(run());
        leftSentBy(ran, sentAt);
        RunItemCommand doubtful = RunItemCommand.of("run1", "i2", "Bridge", "/zoom start");
        fixture.server.compute("run1", (id, r) -> new PlaybookRunEdit(r).lastRun(0, 1, sentAt - 30_000));
        leftSentBy(doubtful, sentAt);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("the first settled, the second held", () -> fixture.pending.get(ran.target()).isEmpty()
                && fixture.pending.get(doubtful.target()).map(PendingAction::uncertain).orElse(false), fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("run "), "nothing run blind");
    }

    @Test
    void checklistsAreAddedRenamedMovedSkippedAndDeletedById() {
        ActionQueue queue = fixture.queue();
        queue.submit(AddChecklist.of(run(), "Aftercare"));
        await("added", () -> fixture.pending.all().isEmpty() && run().checklists().size() == 2, fixture.transport().calls::toString);
        String added = run().checklists().get(1).id();
        queue.submit(ChecklistChange.move("run1", added, "Aftercare", 0));
        queue.submit(ChecklistChange.rename("run1", "c1", "Triage", "Triage (EU)"));
        queue.submit(ChecklistChange.skip("run1", "c1", "Triage", true));
        await("moved, renamed, skipped", () -> fixture.pending.all().isEmpty(), fixture.transport().calls::toString);
        assertEquals(List.of("Aftercare", "Triage (EU)"), run().checklists().stream().map(c -> c.title()).toList());
        assertTrue(run().checklists().get(1).items().stream().allMatch(ChecklistItem::isSkipped));

        queue.submit(ChecklistChange.delete("run1", "c1", "Triage (EU)"));
        await("deleted", () -> fixture.pending.all().isEmpty() && run().checklists().size() == 1, fixture.transport().calls::toString);
        assertTrue(fixture.transport().calls.contains("delete-checklist run1 1"), fixture.transport().calls.toString());
    }

    @Test
    void aChangeToAFinishedRunIsRefusedWithWords() {
        fixture.server.compute("run1", (id, r) -> TestRunsFactory.finishedBy(r, "u3", 5));
        fixture.store.upsert(run());
        ActionQueue queue = fixture.queue();
        SetItemDueDate due = new SetItemDueDate("run1", "i1", "Page", 5_000);
        // Seen as finished already: the base agrees, so the refusal is the kind's own.
        queue.submit(due);
        await("refused", () -> fixture.pending.get(due.target()).map(PendingAction::failed).orElse(false));
        assertTrue(fixture.pending.get(due.target()).orElseThrow().error().contains("restore it"),
                fixture.pending.get(due.target()).orElseThrow().error());
    }
}
