package com.incidentconsole.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.ChecklistItem;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ticking logic without a stage: cursor moves, the state each key asks for, pending and failed display. */
class ChecklistViewModelTest {

    private static final String DB = TestWorkspace.DB_OUTAGE;

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private ChecklistViewModel model;

    @BeforeEach
    void showTheDatabaseOutage() {
        model = new ChecklistViewModel(workspace.commands(), Runnable::run, workspace.pending(), ResourceBundle.getBundle("i18n.messages"),
                workspace.users()::displayName, () -> TestWorkspace.NOW, ZoneOffset.UTC);
        model.show(workspace.runs().get(DB).orElseThrow());
    }

    @Test
    void theCursorStartsOnTheFirstOpenItemOfTheCurrentStageAndMovesAcrossStages() {
        assertEquals("i-channel", focused(), "the work left, not the task already ticked");
        model.focusNext();
        model.focusNext();
        assertEquals("i-failover", focused(), "j crosses into the next stage");
        model.focusPrevious();
        assertEquals("i-scope", focused());
        model.focusNextStage();
        model.focusNextStage();
        assertEquals("i-retro", focused());
        model.focusNextStage();
        assertEquals("i-retro", focused(), "] on the last stage stays put");
        model.focusPreviousStage();
        assertEquals("i-failover", focused());
    }

    @Test
    void xClosesAnInProgressItemAndShowsItPendingAtOnce() {
        focus("i-scope");
        model.toggleDone();

        assertEquals(List.of(new Call("setItemState", DB, "i-scope", ChecklistItem.CLOSED)), workspace.fakeCommands().calls());
        ItemRow item = model.focusedProperty().get();
        assertEquals(ChecklistItem.CLOSED, item.state());
        assertTrue(item.pendingProperty().get());
        assertFalse(item.overdueProperty().get(), "a done item is no longer overdue");
    }

    @Test
    void xReopensADoneItemAndSSkipsAndRestores() {
        focus("i-page");
        model.toggleDone();
        model.toggleSkipped();
        assertEquals(List.of(new Call("setItemState", DB, "i-page", ChecklistItem.OPEN),
                        new Call("setItemState", DB, "i-page", ChecklistItem.SKIPPED)),
                workspace.fakeCommands().calls(), "each key acts on the state the user sees, pending included");
    }

    @Test
    void aRefusalStaysOnTheItemUntilDismissedThenTheServerValueShows() {
        focus("i-channel");
        model.toggleDone();
        ActionTarget target = ActionTarget.item(DB, "i-channel");
        workspace.fakeCommands().fail(target, "run is finished");
        model.pendingChanged(List.of(target));

        ItemRow item = model.focusedProperty().get();
        assertTrue(item.failedProperty().get());
        assertFalse(item.pendingProperty().get());
        assertEquals(ChecklistItem.CLOSED, item.state(), "never a silent revert");
        assertTrue(item.errorProperty().get().startsWith("Failed: run is finished"), item.errorProperty().get());

        model.dismissFocused();
        assertFalse(item.failedProperty().get());
        assertEquals(ChecklistItem.OPEN, item.state(), "dismissing shows the server's state again");
    }

    /**
     * Issue #12 M4: a tick that failed (refused, or not saved on a full disk) shows ticked in red; x on it
     * means "do it again", so it sends the tick, not its opposite computed from the failed value.
     */
    @Test
    void xOnAFailedTickRedoesTheTickNotItsOpposite() {
        focus("i-channel");
        model.toggleDone();
        ActionTarget target = ActionTarget.item(DB, "i-channel");
        workspace.fakeCommands().fail(target, "Not saved on this computer and not sent: the disk is full");
        model.pendingChanged(List.of(target));

        model.toggleDone();

        assertEquals(List.of(new Call("setItemState", DB, "i-channel", ChecklistItem.CLOSED),
                new Call("setItemState", DB, "i-channel", ChecklistItem.CLOSED)), workspace.fakeCommands().calls());
        assertTrue(model.focusedProperty().get().pendingProperty().get());
    }

    @Test
    void overdueItemsSaySo() {
        focus("i-scope");
        ItemRow item = model.focusedProperty().get();
        assertTrue(item.overdueProperty().get());
        assertEquals("overdue since Nov 23 03:30", item.dueProperty().get());
        assertEquals("Carol Chen", item.assigneeProperty().get());
    }

    private void focus(String itemId) {
        model.stages().stream().flatMap(s -> s.items().stream()).filter(i -> i.itemId().equals(itemId))
                .findFirst().ifPresent(model::focus);
    }

    private String focused() {
        return model.focusedProperty().get().itemId();
    }

    @Test
    void aConflictMarksTheItemWithTheServersVersionAndShiftRAppliesMine() {
        focus("i-channel");
        model.toggleDone();
        ActionTarget target = ActionTarget.item(DB, "i-channel");
        workspace.fakeCommands().conflict(target, new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.OPEN,
                ChecklistItem.SKIPPED, "u-bob", 0, ""));
        model.pendingChanged(List.of(target));

        ItemRow item = model.focusedProperty().get();
        assertTrue(item.conflictProperty().get());
        assertFalse(item.failedProperty().get(), "a conflict is not a refusal");
        assertFalse(item.pendingProperty().get(), "nothing is on its way");
        assertEquals(ChecklistItem.CLOSED, item.state(), "my intent stays visible until I choose");
        assertEquals("Conflict — server now: skipped by Bob Baker — Shift+R apply mine · Backspace keep the server's"
                + " · Ctrl+Shift+O compare", item.errorProperty().get());

        model.retryFocused();
        assertEquals(new Call("retry", DB, "item:i-channel", ChecklistItem.CLOSED), workspace.fakeCommands().calls().get(1));
    }

    @Test
    void aConflictOnAFinishedRunOffersOnlyKeepingTheServersVersion() {
        focus("i-channel");
        model.toggleDone();
        ActionTarget target = ActionTarget.item(DB, "i-channel");
        workspace.fakeCommands().conflict(target, new ActionConflict(ActionConflict.Kind.RUN_FINISHED,
                ChecklistItem.OPEN, ChecklistItem.OPEN, "u-bob", 0, ""));
        model.pendingChanged(List.of(target));
        ItemRow item = model.focusedProperty().get();
        assertEquals("Conflict — server now: the run was finished by Bob Baker — Backspace keep the server's"
                + " · Ctrl+Shift+O compare", item.errorProperty().get());

        model.retryFocused();
        assertEquals(1, workspace.fakeCommands().calls().size(), "apply mine cannot work on a finished run");

        model.dismissFocused();
        assertFalse(item.conflictProperty().get());
        assertEquals(ChecklistItem.OPEN, item.state(), "the server's state again, by my hand");
    }
}
