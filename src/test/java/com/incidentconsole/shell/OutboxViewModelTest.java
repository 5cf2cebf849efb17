package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FakeRunCommands;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.ChecklistItem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The outbox's words for a conflict: both versions, who and when, and what the user can choose. */
class OutboxViewModelTest {

    private static final Instant ACTED = Instant.parse("2026-11-23T04:12:00Z");
    private static final long CHANGED_AT = Instant.parse("2026-11-23T04:15:00Z").toEpochMilli();
    private static final ActionTarget PAGE = ActionTarget.item("run-db", "i-page");
    private static final ActionTarget OWNER = ActionTarget.owner("run-db");
    private static final Map<String, String> NAMES = Map.of("u-sam", "Sam Lee", "u-alex", "Alex Rivera",
            "u-dana", "Dana Fox");

    private final RunStore runs = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final FakeRunCommands commands = new FakeRunCommands(runs, pending, () -> ACTED);
    private final OutboxViewModel model = new OutboxViewModel(pending, commands, runs,
            id -> NAMES.getOrDefault(id, id), ResourceBundle.getBundle("i18n.messages"), ZoneOffset.UTC);

    OutboxViewModelTest() {
        runs.upsert(TestRuns.run(new TestRuns.RunSpec("run-db", "Database outage eu-west").owner("u-alex")
                .checklists(TestRuns.checklist("c1", "Triage",
                        TestRuns.item("i-page", "Page on-call", ChecklistItem.OPEN)))));
    }

    private OutboxViewModel.Entry only() {
        model.refresh();
        assertEquals(1, model.entries().size());
        return model.entries().get(0);
    }

    @Test
    void aChangedItemShowsMineAsISawItAndTheServersWithWhoAndWhen() {
        commands.setItemState("run-db", "i-page", ChecklistItem.CLOSED);
        commands.conflict(PAGE, new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.OPEN,
                ChecklistItem.SKIPPED, "u-sam", CHANGED_AT, ""));

        OutboxViewModel.Entry entry = only();

        assertTrue(entry.conflict());
        assertFalse(entry.failed());
        assertEquals("Conflict", entry.state());
        assertEquals("Yours: Set item state (was open when you acted at 04:12)", entry.yours());
        assertEquals("Server now: skipped by Sam Lee at 04:15", entry.theirs());
        assertEquals("Enter or M: apply mine · T or Delete: keep the server's", entry.detail());
        assertEquals("Database outage eu-west", entry.run());
    }

    @Test
    void anOwnerConflictNamesPeopleNotIds() {
        commands.changeOwner("run-db", "u-dana");
        commands.conflict(OWNER, new ActionConflict(ActionConflict.Kind.CHANGED, "u-alex", "u-sam", "u-sam",
                CHANGED_AT, ""));

        OutboxViewModel.Entry entry = only();

        assertEquals("Yours: Change owner (was Alex Rivera when you acted at 04:12)", entry.yours());
        assertEquals("Server now: Sam Lee is the commander, changed by Sam Lee at 04:15", entry.theirs());
    }

    @Test
    void aFinishedRunOffersOnlyKeepingTheServersVersionAndQuotesTheServer() {
        commands.setItemState("run-db", "i-page", ChecklistItem.CLOSED);
        commands.conflict(PAGE, new ActionConflict(ActionConflict.Kind.RUN_FINISHED, ChecklistItem.OPEN,
                ChecklistItem.OPEN, "u-sam", CHANGED_AT, "cannot modify a finished run (400)"));

        OutboxViewModel.Entry entry = only();
        model.applyMine(entry);
        model.retry(entry);

        assertEquals("Server now: the run was finished by Sam Lee at 04:15", entry.theirs());
        assertFalse(entry.canApplyMine());
        assertEquals("The server said: cannot modify a finished run (400) · Yours cannot be applied while the run "
                + "is finished — T or Delete: keep the server's", entry.detail());
        assertEquals(List.of(new Call("setItemState", "run-db", "i-page", ChecklistItem.CLOSED)), commands.calls(),
                "nothing is sent for a conflict that cannot be applied");
    }

    @Test
    void applyMineRetriesAndKeepTheirsDiscards() {
        commands.setItemState("run-db", "i-page", ChecklistItem.CLOSED);
        commands.conflict(PAGE, new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.OPEN,
                ChecklistItem.SKIPPED, "", 0, ""));
        OutboxViewModel.Entry entry = only();
        assertEquals("Server now: skipped", entry.theirs(), "who and when are left out when the server did not say");

        model.applyMine(entry);
        assertEquals(new Call("retry", "run-db", "item:i-page", ChecklistItem.CLOSED), commands.calls().get(1));
        assertEquals("Waiting", only().state(), "sent again, waiting for the server");

        commands.conflict(PAGE, new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.SKIPPED,
                ChecklistItem.IN_PROGRESS, "u-sam", CHANGED_AT, ""));
        model.keepTheirs(only());
        model.refresh();
        assertTrue(model.entries().isEmpty());
        assertTrue(pending.get(PAGE).isEmpty(), "the item shows the server's state again");
    }

    @Test
    void rowsThisBuildCannotReadAreOneLineNotAnEmptyOutbox() {
        commands.unreadableRow(9, "Tick “Page on-call”", "its stored form is damaged (not JSON)");

        OutboxViewModel.Entry entry = only();

        assertEquals("1 action this version cannot read — kept, not sent", entry.description());
        assertEquals("Tick “Page on-call”: its stored form is damaged (not JSON)", entry.detail());
        model.discard(entry);
        model.retry(entry);
        assertEquals(1, pending.unreadable().size(), "kept: neither discarded nor sent from here");
        assertTrue(commands.calls().isEmpty());
    }

    @Test
    void theOutboxPromisesNothingIsLostOnlyWhileEverythingIsOnDisk() {
        model.refresh();
        assertTrue(model.explainProperty().get().contains("Nothing here is lost"), model.explainProperty().get());

        commands.setItemState("run-db", "i-page", ChecklistItem.CLOSED);
        commands.notSaved(PAGE, "Not saved on this computer and not sent: the disk is full");
        model.refresh();

        assertFalse(model.explainProperty().get().contains("Nothing here is lost"), model.explainProperty().get());
        assertTrue(model.entries().get(0).detail().contains("disk is full"));
    }

    @Test
    void anUncertainPostShowsMineAndWhatTheServerCannotTellWithSendAgainOrDrop() {
        ActionTarget post = new ActionTarget("run-db", "status-post:k1");
        commands.submit(new com.incidentconsole.sync.PostStatusUpdate("run-db", "k1", "Mitigated", 3600));
        commands.conflict(post, new ActionConflict(ActionConflict.Kind.UNCERTAIN, "Mitigated", "", "", CHANGED_AT, ""));

        OutboxViewModel.Entry entry = only();

        assertEquals("Uncertain", entry.state());
        assertEquals("Yours: Post a status update “Mitigated” (sent at 04:15; the answer never came)", entry.yours());
        assertEquals("Server now: it may already be there — the server cannot tell", entry.theirs());
        assertTrue(entry.canApplyMine(), "send again is offered");
        model.applyMine(entry);
        assertEquals("retry", commands.calls().get(1).method());
    }
}
