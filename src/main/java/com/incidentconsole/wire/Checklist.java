package com.incidentconsole.wire;

import java.util.List;

/**
 * A checklist ("stage" in the console). Run checklists and items always carry ids; playbook ones
 * may not, so never key playbook items by id. {@code items_order} is recomputed by the server.
 */
public record Checklist(String id, String title, List<ChecklistItem> items, List<String> itemsOrder, long updateAt) {

    public Checklist {
        id = Lists.text(id);
        title = Lists.text(title);
        items = Lists.of(items);
        itemsOrder = Lists.of(itemsOrder);
    }

    public static Checklist of(String id, String title, List<ChecklistItem> items, long updateAt) {
        return new Checklist(id, title, items, items.stream().map(ChecklistItem::id).toList(), updateAt);
    }

    public Checklist withItems(List<ChecklistItem> newItems, long at) {
        return of(id, title, newItems, at);
    }

    /** Visible items that are open or in progress. */
    public long openCount() {
        return items.stream().filter(i -> !i.isHidden() && i.isOpen()).count();
    }
}
