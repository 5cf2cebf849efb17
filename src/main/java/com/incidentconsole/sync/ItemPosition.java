package com.incidentconsole.sync;

import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

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
}
