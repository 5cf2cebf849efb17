package com.incidentconsole.playbook.library;

import java.util.List;

/** A read-only snapshot of one checklist of a playbook file, for display and for building edits. */
public record ChecklistView(String title, List<ItemView> items) {
    public ChecklistView {
        items = List.copyOf(items);
    }
}
