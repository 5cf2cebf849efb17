package com.incidentconsole.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
