package com.incidentconsole.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionStatus;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.timeline.TimelineViewModel;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunDetailViewModelTest {

    private static final String DB = TestWorkspace.DB_OUTAGE;

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private RunDetailViewModel model;

    @BeforeEach
    void openTheDatabaseOutage() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages");
        RunFormat format = new RunFormat(bundle, workspace.users(), workspace.playbooks(), ZoneOffset.UTC);
        model = new RunDetailViewModel(workspace.runs(), workspace.pending(), workspace.commands(), format,
                new ChecklistViewModel(workspace.commands(), Runnable::run, workspace.pending(), bundle, workspace.users()::displayName,
                        () -> TestWorkspace.NOW, ZoneOffset.UTC),
                new TimelineViewModel(bundle, workspace.users()::displayName, ZoneOffset.UTC), () -> TestWorkspace.NOW);
        model.open(DB);
    }

    @Test
    void theHeaderNamesPeopleAndThePlaybook() {
        assertEquals("Database outage eu-west", model.nameProperty().get());
        assertEquals("Alice Archer", model.ownerProperty().get());
        assertEquals("Incident Resolution", model.playbookProperty().get());
        assertEquals("Alice Archer, Bob Baker", model.participantsProperty().get());
        assertEquals("Primary DB unreachable; failover started.", model.summaryProperty().get());
        assertEquals("Triage", model.stageProperty().get());
        assertEquals("in 18 min", model.nextUpdateProperty().get());
    }

    @Test
    void aPastedLogShowsItsFirstLinesAndOffersTheRestBoundedAndANameLosesItsOverride() {
        String log = String.join("\n", java.util.Collections.nCopies(61, "ERROR [checkout-api] Read timed out"));
        workspace.runs().upsert(TestRuns.run(new TestRuns.RunSpec("run-long", "RTL \u202Eexe.live\u202C " + "A".repeat(100_000))
                .summary(log)));

        model.open("run-long");

        assertEquals(4, model.summaryProperty().get().split("\n").length);
        assertTrue(model.summaryClippedProperty().get());
        assertEquals(log, model.fullSummaryProperty().get());
        assertEquals("Show all (61 lines, 2,195 characters)", model.summaryMoreProperty().get());
        assertTrue(model.nameProperty().get().startsWith("RTL exe.live AAA"), "no override in the header");
        assertEquals(RunFormat.NAME + 1, model.nameProperty().get().length(), "160 characters and an ellipsis");
        assertTrue(model.fullNameProperty().get().length() <= RunFormat.FULL_NAME + 1);

        model.open(DB);
        assertFalse(model.summaryClippedProperty().get(), "a short summary shows whole, with no button");
        assertEquals("", model.summaryMoreProperty().get());
    }

    @Test
    void anOwnerChangeShowsTheNewNamePendingThenTheRefusalWithRetry() {
        model.changeOwner("u-dave");
        assertEquals("Dave Dunn", model.ownerProperty().get());
        assertEquals(ActionStatus.Phase.PENDING, model.ownerStateProperty().get());

        workspace.fakeCommands().fail(ActionTarget.owner(DB), "Dave is not a member of the channel");
        model.pendingChanged(List.of(ActionTarget.owner(DB)));
        assertEquals(ActionStatus.Phase.FAILED, model.ownerStateProperty().get());
        assertEquals("Owner change failed: Dave is not a member of the channel — Shift+R retry · Backspace dismiss",
                model.ownerErrorProperty().get());

        model.retryOwner();
        assertEquals(ActionStatus.Phase.PENDING, model.ownerStateProperty().get());
        assertEquals(new Call("retry", DB, "owner", "u-dave"), workspace.fakeCommands().calls().get(1));

        workspace.fakeCommands().confirm(ActionTarget.owner(DB));
        model.runsChanged(List.of());
        model.pendingChanged(List.of(ActionTarget.owner(DB)));
        assertEquals(ActionStatus.Phase.SETTLED, model.ownerStateProperty().get());
        assertEquals("Dave Dunn", model.ownerProperty().get());
    }

    @Test
    void aRunRemovedWhileOpenSaysSo() {
        workspace.runs().remove(DB);
        model.refresh();
        assertEquals("This run is no longer available.", model.nameProperty().get());
    }

    @Test
    void anOwnerConflictReadsLikeAnItemConflict() {
        model.changeOwner("u-dave");
        workspace.fakeCommands().conflict(ActionTarget.owner(DB), new ActionConflict(ActionConflict.Kind.CHANGED,
                "u-alice", "u-bob", "u-bob", TestWorkspace.NOW.toEpochMilli(), ""));
        model.pendingChanged(List.of(ActionTarget.owner(DB)));

        assertEquals(ActionStatus.Phase.CONFLICT, model.ownerStateProperty().get());
        assertEquals("Conflict — server now: Bob Baker is the commander, changed by Bob Baker — Shift+R apply mine"
                + " · Backspace keep the server's · Ctrl+Shift+O compare", model.ownerErrorProperty().get());
    }

    @Test
    void finishingAsksFirstThenGoesThroughTheCommandsAndMakesTheChecklistsReadOnly() {
        assertTrue(model.canFinishProperty().get());
        assertFalse(model.canRestoreProperty().get());

        model.askFinish();
        assertEquals("Finish “Database outage eu-west”? Its checklists become read-only until it is restored.",
                model.questionProperty().get());
        model.cancel();
        assertEquals("", model.questionProperty().get());
        assertTrue(workspace.fakeCommands().calls().isEmpty(), "cancelled: nothing sent");

        model.askFinish();
        model.confirm();
        assertEquals(new Call("run_finish", DB, "status", "Finished"), workspace.fakeCommands().calls().get(0));
        assertTrue(model.finishedProperty().get(), "shows finished at once");
        assertEquals("Finished · pending", model.statusProperty().get());
        assertFalse(model.canFinishProperty().get());
        assertFalse(model.canRestoreProperty().get(), "not while the finish is on its way");

        model.checklist().toggleDone();
        assertEquals(1, workspace.fakeCommands().calls().size(), "a tick on a finished run is refused here");
        assertEquals("This run is finished: its checklists are read-only — Ctrl+Shift+U restores it",
                model.checklist().readOnlyNoticeProperty().get());

        workspace.fakeCommands().confirm(ActionTarget.status(DB));
        model.runsChanged(List.of());
        model.refresh();
        assertEquals("Finished", model.statusProperty().get());
        assertTrue(model.canRestoreProperty().get(), "restore is offered");

        model.askRestore();
        model.confirm();
        workspace.fakeCommands().confirm(ActionTarget.status(DB));
        model.refresh();
        assertFalse(model.finishedProperty().get());
        assertEquals("", model.checklist().readOnlyNoticeProperty().get());
        model.checklist().toggleDone();
        assertEquals("setItemState", workspace.fakeCommands().calls().get(2).method(), "ticking works again");
        assertEquals(ChecklistItem.CLOSED, workspace.fakeCommands().calls().get(2).value());
    }
}
