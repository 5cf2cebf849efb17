package com.incidentconsole.sync;

import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where an item is in a run: items are addressed by index on the wire, so this is resolved at sending. */
record ItemPosition(int checklist, int item) {

    static Optional<ChecklistItem> itemIn(PlaybookRun run, String itemId) {
        return find(run, itemId).flatMap(at -> run.item(at.checklist(), at.item()));
    }

    static Optional<ItemPosition> find(PlaybookRun run, String itemId) {
        for (int c = 0; c < run.checklists().size(); c++) {
            var items = run.checklists().get(c).items();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id().equals(itemId)) {
                    return Optional.of(new ItemPosition(c, i));
                }
            }
        }
        return Optional.empty();
    }

    /** The item's place now, or the refusal a user can read: the run finished, or the item is gone. */
    static ItemPosition resolve(PlaybookRun current, String itemId) {
        refuseFinished(current);
        return find(current, itemId)
                .orElseThrow(() -> new ActionFailure.ActionRejected("The item no longer exists on the server"));
    }

    /** The checklist's index now, by its id. */
    static Optional<Integer> checklistIndex(PlaybookRun run, String checklistId) {
        for (int c = 0; c < run.checklists().size(); c++) {
            if (run.checklists().get(c).id().equals(checklistId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static int resolveChecklist(PlaybookRun current, String checklistId) {
        refuseFinished(current);
        return checklistIndex(current, checklistId)
                .orElseThrow(() -> new ActionFailure.ActionRejected("The checklist no longer exists on the server"));
    }

    static Optional<Checklist> checklistIn(PlaybookRun run, String checklistId) {
        return checklistIndex(run, checklistId).map(run.checklists()::get);
    }

    /** Every item id of the run, as the user saw them: what an addition is told apart from. */
    static List<String> itemIds(PlaybookRun run) {
        return run.checklists().stream().flatMap(c -> c.items().stream()).map(ChecklistItem::id).toList();
    }

    static Stream<ChecklistItem> itemsOf(PlaybookRun run) {
        return run.checklists().stream().flatMap(c -> c.items().stream());
    }

    static void refuseFinished(PlaybookRun current) {
        if (current.isFinished()) {
            throw new ActionFailure.ActionRejected("The run is finished; restore it to change its checklists");
        }
    }
}
