package com.incidentconsole.playbook.library.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.playbook.library.ChecklistView;
import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.ItemView;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookMergeTest {

    private final PlaybookFile base = Fixtures.file(Fixtures.INCIDENT);

    @Test
    void nonConflictingChangesFromBothSidesAreCombined() {
        PlaybookFile mine = base.withItem(0, 2, ItemField.TITLE, "Describe the situation")
                .withItemAdded(1, 1, "Check recent deploys");
        PlaybookFile theirs = base.with(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS, 1800L)
                .withItem(0, 1, ItemField.COMMAND, "/meet start")
                .withChecklistAdded(4, "Follow-up")
                .withItemAdded(4, 0, "Send summary to stakeholders");

        MergeResult result = PlaybookMerge.merge(base, mine, theirs);

        assertTrue(result.isClean(), result.conflicts().toString());
        PlaybookFile merged = result.merged();
        assertEquals(1800, merged.number(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS));
        List<ChecklistView> lists = merged.checklists();
        assertEquals("Describe the situation", lists.get(0).items().get(2).title());
        assertEquals("/meet start", lists.get(0).items().get(1).command());
        assertEquals(List.of("Add suspected causes here and check off if eliminated", "Check recent deploys"),
                lists.get(1).items().stream().map(ItemView::title).toList());
        assertEquals("Follow-up", lists.get(4).title());
        assertEquals(5, lists.size());
    }

    @Test
    void sameFieldChangedDifferentlyIsAConflictAndKeepsMine() {
        PlaybookFile mine = base.withItem(0, 1, ItemField.COMMAND, "/meet start");
        PlaybookFile theirs = base.withItem(0, 1, ItemField.COMMAND, "/teams call");

        MergeResult result = PlaybookMerge.merge(base, mine, theirs);

        assertEquals(List.of(new Conflict("checklists[0].items[1].command",
                "checklist “Setup for triage” › item “Start bridge call” › command", "changed on both sides",
                "\"/zoom start\"", "\"/meet start\"", "\"/teams call\"", Side.MINE)), result.conflicts());
        assertEquals("/meet start", result.merged().checklists().get(0).items().get(1).command());
    }

    @Test
    void itemEditedOnOneSideAndDeletedOnTheOtherIsKeptAndReported() {
        PlaybookFile mine = base.withItemRemoved(2, 0);
        PlaybookFile theirs = base.withItem(2, 0, ItemField.DESCRIPTION, "Ask the reporter to confirm");

        MergeResult result = PlaybookMerge.merge(base, mine, theirs);

        assertEquals(1, result.conflicts().size());
        Conflict conflict = result.conflicts().get(0);
        assertEquals(Side.THEIRS, conflict.kept());
        assertTrue(conflict.description().contains("deleted here but edited on the server"));
        assertEquals("Ask the reporter to confirm", result.merged().checklists().get(2).items().get(0).description());
    }

    @Test
    void anItemMovedToAnotherChecklistOnOneSideKeepsTheEditMadeOnTheOther() {
        PlaybookFile mine = base.withItem(0, 1, ItemField.COMMAND, "/meet start");
        PlaybookFile theirs = base.withItemMoved(0, 1, 2, 0).withItem(2, 0, ItemField.DESCRIPTION, "Bridge");

        MergeResult result = PlaybookMerge.merge(base, mine, theirs);

        assertTrue(result.isClean(), result.conflicts().toString());
        List<ChecklistView> lists = result.merged().checklists();
        assertTrue(lists.get(0).items().stream().noneMatch(i -> i.title().equals("Start bridge call")));
        ItemView moved = lists.get(2).items().get(0);
        assertEquals("Start bridge call", moved.title());
        assertEquals("/meet start", moved.command());
        assertEquals("Bridge", moved.description());
    }

    @Test
    void deletionOnOneSideOfAnUntouchedItemApplies() {
        PlaybookFile mine = base.withItemRemoved(2, 0);
        MergeResult result = PlaybookMerge.merge(base, mine, base.withTitle("Incident response"));
        assertTrue(result.isClean());
        assertEquals(2, result.merged().checklists().get(2).items().size());
        assertEquals("Incident response", result.merged().title());
    }

    @Test
    void theSameItemAddedOnBothSidesAppearsOnce() {
        PlaybookFile mine = base.withItemAdded(1, 1, "Check recent deploys");
        PlaybookFile theirs = base.withItemAdded(1, 1, "Check recent deploys");
        MergeResult result = PlaybookMerge.merge(base, mine, theirs);
        assertTrue(result.isClean());
        assertEquals(2, result.merged().checklists().get(1).items().size());
    }

    @Test
    void reorderingOnTheServerIsKeptAlongsideLocalEdits() {
        PlaybookFile mine = base.withChecklistTitle(2, "Fix");
        PlaybookFile theirs = base.withChecklistMoved(3, 0);
        MergeResult result = PlaybookMerge.merge(base, mine, theirs);
        assertTrue(result.isClean(), result.conflicts().toString());
        assertEquals(List.of("Retrospective", "Setup for triage", "Investigate cause", "Fix"),
                result.merged().checklists().stream().map(ChecklistView::title).toList());
    }

    @Test
    void choosingTheirsForOneConflictKeepsEveryOtherChangeFromBothSides() {
        PlaybookFile mine = base.withItem(0, 1, ItemField.COMMAND, "/meet start").withTitle("Sev incidents")
                .withItem(0, 2, ItemField.DESCRIPTION, "Local description");
        PlaybookFile theirs = base.withItem(0, 1, ItemField.COMMAND, "/teams call")
                .withItem(0, 2, ItemField.DESCRIPTION, "Server description")
                .with(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS, 1800L);
        MergeResult first = PlaybookMerge.merge(base, mine, theirs);
        assertEquals(2, first.conflicts().size());
        Conflict command = first.conflicts().stream().filter(c -> c.path().endsWith("command")).findFirst()
                .orElseThrow();

        MergeResult resolved = PlaybookMerge.merge(base, mine, theirs,
                Resolution.of(java.util.Map.of(command.key(), Side.THEIRS)));

        assertEquals(List.of(Side.THEIRS, Side.MINE), resolved.conflicts().stream().map(Conflict::kept).toList());
        ItemView bridge = resolved.merged().checklists().get(0).items().get(1);
        assertEquals("/teams call", bridge.command());
        assertEquals("Local description", resolved.merged().checklists().get(0).items().get(2).description());
        assertEquals("Sev incidents", resolved.merged().title());
        assertEquals(1800, resolved.merged().number(PlaybookSetting.REMINDER_TIMER_DEFAULT_SECONDS));
    }

    @Test
    void takingTheirsWhereTheServerDeletedAnEditedItemDeletesIt() {
        PlaybookFile mine = base.withItem(2, 0, ItemField.DESCRIPTION, "Ask the reporter to confirm");
        PlaybookFile theirs = base.withItemRemoved(2, 0);

        MergeResult kept = PlaybookMerge.merge(base, mine, theirs);
        assertEquals(3, kept.merged().checklists().get(2).items().size(), "by default the edit survives");

        MergeResult deleted = PlaybookMerge.merge(base, mine, theirs, Resolution.all(Side.THEIRS));
        assertEquals(Side.THEIRS, deleted.conflicts().get(0).kept());
        assertEquals(base.checklists().get(2).items().subList(1, 3), deleted.merged().checklists().get(2).items());
    }

    @Test
    void aValueTheServerRemovedIsRemovedWhenTakingTheirs() {
        PlaybookFile mine = base.withItem(0, 1, ItemField.COMMAND, "/meet start");
        PlaybookFile theirs = base.withItem(0, 1, ItemField.COMMAND, "");
        MergeResult result = PlaybookMerge.merge(base, mine, theirs, Resolution.all(Side.THEIRS));
        assertEquals("", result.merged().checklists().get(0).items().get(1).command());
    }

    @Test
    void differentReorderingsTakeTheServerOrderWhenChosen() {
        PlaybookFile mine = base.withChecklistMoved(3, 0);
        PlaybookFile theirs = base.withChecklistMoved(0, 3);
        MergeResult byDefault = PlaybookMerge.merge(base, mine, theirs);
        assertEquals(1, byDefault.conflicts().size());
        assertEquals(titles(mine), titles(byDefault.merged()));

        MergeResult server = PlaybookMerge.merge(base, mine, theirs, Resolution.all(Side.THEIRS));
        assertEquals(titles(theirs), titles(server.merged()));
    }

    private static List<String> titles(PlaybookFile file) {
        return file.checklists().stream().map(ChecklistView::title).toList();
    }

    @Test
    void mergingUnchangedSidesGivesTheSameBytes() {
        PlaybookFile mine = Fixtures.file(Fixtures.RELEASE);
        MergeResult result = PlaybookMerge.merge(mine, mine, mine);
        assertTrue(result.isClean());
        assertEquals(Fixtures.text(Fixtures.RELEASE), result.merged().toText());
    }
}
