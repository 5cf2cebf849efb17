package com.incidentconsole.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.sync.ActionTarget;
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
        assertEquals(OwnerState.PENDING, model.ownerStateProperty().get());

        workspace.fakeCommands().fail(ActionTarget.owner(DB), "Dave is not a member of the channel");
        model.pendingChanged(List.of(ActionTarget.owner(DB)));
        assertEquals(OwnerState.FAILED, model.ownerStateProperty().get());
        assertEquals("Owner change failed: Dave is not a member of the channel — Shift+R retry · Backspace dismiss",
                model.ownerErrorProperty().get());

        model.retryOwner();
        assertEquals(OwnerState.PENDING, model.ownerStateProperty().get());
        assertEquals(new Call("retry", DB, "owner", "u-dave"), workspace.fakeCommands().calls().get(1));

        workspace.fakeCommands().confirm(ActionTarget.owner(DB));
        model.runsChanged(List.of());
        model.pendingChanged(List.of(ActionTarget.owner(DB)));
        assertEquals(OwnerState.SETTLED, model.ownerStateProperty().get());
        assertEquals("Dave Dunn", model.ownerProperty().get());
    }

    @Test
    void aRunRemovedWhileOpenSaysSo() {
        workspace.runs().remove(DB);
        model.refresh();
        assertEquals("This run is no longer available.", model.nameProperty().get());
    }
}
