package com.incidentconsole.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progress and stage as the list shows them: my ticks on their way count, and are counted as pending. */
class PendingProgressTest {

    private final PlaybookRun run = TestRuns.run(new TestRuns.RunSpec("r", "Run").checklists(
            TestRuns.checklist("c1", "Triage",
                    TestRuns.item("a", "Page", ChecklistItem.CLOSED),
                    TestRuns.item("b", "Bridge", ChecklistItem.OPEN)),
            TestRuns.checklist("c2", "Mitigate",
                    TestRuns.item("c", "Fail over", ChecklistItem.OPEN),
                    TestRuns.item("d", "Verify", ChecklistItem.SKIPPED))));

    private static PendingProgress of(PlaybookRun run, Map<String, String> inFlight) {
        return PendingProgress.of(run, id -> Optional.ofNullable(inFlight.get(id)));
    }

    @Test
    void withNothingPendingItIsTheServersCount() {
        PendingProgress shown = of(run, Map.of());
        assertEquals(new PendingProgress(2, 4, 0, Optional.of(0)), shown);
        assertEquals(run.taskCompleted(), shown.done(), "the server's arithmetic: skipped counts as done");
        assertEquals(run.taskTotal(), shown.total());
    }

    @Test
    void aTickOnItsWayCountsAndMovesTheStage() {
        assertEquals(new PendingProgress(3, 4, 1, Optional.of(1)), of(run, Map.of("b", ChecklistItem.CLOSED)),
                "the last open item of Triage ticked: Mitigate is the stage");
    }

    @Test
    void anUntickOnItsWayCountsBackwards() {
        assertEquals(new PendingProgress(1, 4, 1, Optional.of(0)), of(run, Map.of("a", ChecklistItem.OPEN)));
    }

    @Test
    void aPendingValueTheServerAlreadyHasIsNotPending() {
        assertEquals(0, of(run, Map.of("a", ChecklistItem.CLOSED)).pending());
    }

    @Test
    void everythingDoneLeavesNoStage() {
        assertEquals(Optional.empty(), of(run, Map.of("b", ChecklistItem.CLOSED, "c", ChecklistItem.SKIPPED)).stageIndex());
        assertEquals(1.0, of(run, Map.of("b", ChecklistItem.CLOSED, "c", ChecklistItem.SKIPPED)).fraction());
    }
}
