package com.incidentconsole.playbook.library.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.MetricField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.diff.Change.ChangeKind;
import com.incidentconsole.playbook.library.diff.Change.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookDiffTest {

    private final PlaybookFile base = Fixtures.file(Fixtures.INCIDENT);

    @Test
    void sameDataInAnotherLayoutHasNoChanges() throws Exception {
        PlaybookFile reformatted = new PlaybookParser().parse(Fixtures.file(Fixtures.RELEASE).toCanonicalText());
        assertEquals(List.of(), PlaybookDiff.between(Fixtures.file(Fixtures.RELEASE), reformatted));
    }

    @Test
    void settingChangesShowOldAndNewValues() {
        PlaybookFile edited = base.with(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS, 7200L)
                .with(PlaybookSetting.AUTO_ARCHIVE_CHANNEL, true);
        assertEquals(List.of(
                new Change(Target.SETTING, ChangeKind.CHANGED, null, "reminder_timer_default_seconds",
                        "reminder_timer_default_seconds", "3600", "7200"),
                new Change(Target.SETTING, ChangeKind.CHANGED, null, "auto_archive_channel", "auto_archive_channel",
                        null, "true")), PlaybookDiff.between(base, edited));
    }

    @Test
    void itemEditsRenamesAddsRemovesAndMovesAreNamedPrecisely() {
        PlaybookFile edited = base
                .withItem(0, 1, ItemField.COMMAND, "/meet start")
                .withItem(0, 2, ItemField.TITLE, "Describe the situation")
                .withItemAdded(1, 1, "Check recent deploys")
                .withItemRemoved(2, 0)
                .withItemMoved(0, 0, 3, 0);
        String text = new DiffRenderer().render(PlaybookDiff.between(base, edited));
        assertEquals("""
                checklist “Setup for triage”
                  ~ item “Start bridge call” › command: "/zoom start" → "/meet start"
                  ~ item “Update description with current situation” renamed to “Describe the situation”
                checklist “Investigate cause”
                  + item “Check recent deploys”
                checklist “Resolution”
                  - item “Confirm issue has been resolved”
                checklist “Retrospective”
                  > item “Add on-call engineer to channel” moved from checklist “Setup for triage” to checklist “Retrospective”
                """, text);
    }

    @Test
    void checklistsAddedRemovedRenamedAndReordered() {
        PlaybookFile edited = base.withChecklistTitle(1, "Investigate")
                .withChecklistMoved(3, 0)
                .withChecklistRemoved(3)
                .withChecklistAdded(3, "Follow-up");
        List<Change> changes = PlaybookDiff.between(base, edited);
        String text = new DiffRenderer().render(changes);
        assertTrue(text.contains("> checklist “Retrospective” moved from position 4 to position 1"), text);
        assertTrue(text.contains("~ checklist “Investigate cause” renamed to “Investigate”"), text);
        assertTrue(text.contains("+ checklist “Follow-up” (0 items)"), text);
        assertTrue(text.contains("- checklist “Resolution” (3 items)"), text);
    }

    @Test
    void metricsAreMatchedByTitle() {
        PlaybookFile edited = base.withMetricRemoved(0).withMetric(0, MetricField.TARGET, 10L)
                .withMetricAdded("Revenue lost", "metric_currency");
        String text = new DiffRenderer().render(PlaybookDiff.between(base, edited));
        assertEquals("""
                metrics
                  ~ metric “Customers affected” › target: (absent) → 10
                  + metric “Revenue lost” (metric_currency)
                  - metric “Time to resolve” (metric_duration)
                """, text);
    }
}
