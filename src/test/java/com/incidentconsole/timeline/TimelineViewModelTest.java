package com.incidentconsole.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final TimelineViewModel model = new TimelineViewModel(ResourceBundle.getBundle("i18n.messages"),
            workspace.users()::displayName, ZoneOffset.UTC);

    @Test
    void eventsReadOldestFirstWithLabelsAuthorsAndPlainSummaries() {
        model.show(workspace.runs().get(TestWorkspace.DB_OUTAGE).orElseThrow());

        assertEquals(List.of(
                new TimelineRow("e1", "incident_created", "Run started", "Nov 23 02:30", "Alice Archer", "Run started by Alice"),
                new TimelineRow("e2", "task_state_modified", "Task changed", "Nov 23 03:20", "Bob Baker", "Checked off Page the on-call DBA"),
                new TimelineRow("e3", "status_updated", "Status update", "Nov 23 03:48", "Alice Archer", "Failover in progress")),
                model.rows());
    }

    @Test
    void anEventTypeFromANewerServerStillReadsAsWords() {
        assertEquals("Checklist item renamed", model.typeLabel("checklist_item_renamed"));
    }

    // storm (issue 18): the open run's every update carries its whole timeline again.
    @Test
    void aNewEntryIsAddedAtTheEndAndANameThatArrivesLaterStillShows() {
        java.util.Map<String, String> names = new java.util.HashMap<>(java.util.Map.of("u-alice", "u-alice"));
        TimelineViewModel timeline = new TimelineViewModel(ResourceBundle.getBundle("i18n.messages"),
                id -> names.getOrDefault(id, id), ZoneOffset.UTC);
        var e1 = TestRuns.event("e1", 1_000, "incident_created", "Run started", "u-alice");
        var e2 = TestRuns.event("e2", 2_000, "status_updated", "Failover in progress", "u-alice");
        var e3 = TestRuns.event("e3", 3_000, "status_updated", "Failover done", "u-alice");
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2)));
        List<TimelineRow> before = List.copyOf(timeline.rows());
        List<String> changes = new java.util.ArrayList<>();
        timeline.rows().addListener((javafx.collections.ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "removed " + c.getRemovedSize() + " " : "")
                        + (c.wasAdded() ? "added " + c.getAddedSize() + " at " + c.getFrom() : ""));
            }
        });

        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2))); // the same again: no change
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2, e3)));

        assertEquals(List.of("added 1 at 2"), changes, "the shown entries stay, the new one joins at the bottom");
        assertEquals(before, timeline.rows().subList(0, 2));
        assertEquals("Failover done", timeline.rows().get(2).summary());

        names.put("u-alice", "Alice Archer");
        timeline.show(TestRuns.run(new TestRuns.RunSpec("r1", "Outage").events(e1, e2, e3)));
        assertEquals("Alice Archer", timeline.rows().get(0).author(), "a name loaded later replaces the id");
    }
}
