package com.incidentconsole.checklist;

import com.incidentconsole.sync.AddChecklist;
import com.incidentconsole.sync.AddItem;
import com.incidentconsole.sync.ChecklistChange;
import com.incidentconsole.sync.DeleteItem;
import com.incidentconsole.sync.DuplicateItem;
import com.incidentconsole.sync.EditItem;
import com.incidentconsole.sync.MoveItem;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.RunItemCommand;
import com.incidentconsole.sync.SetItemAssignee;
import com.incidentconsole.sync.SetItemDueDate;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.sync.ActionTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checklists as the user made them: the server's, with every checklist action of mine that the server
 * has not confirmed applied on top — an assignee, a due date, an edit, a move, an added or duplicated item
 * (shown where it will land, under a placeholder id), a renamed or moved checklist. Deletions are marked,
 * not removed, so a refused delete stays visible with its reason. Which pending actions concern a row is
 * recorded too: the row shows their state (pending, failed, conflict). Headless; computed on every repaint.
 *
 * @param checklists what the screen shows
 * @param itemTargets per shown item id, the targets of my actions on it (its state's first)
 * @param checklistTargets per checklist id, the targets of my actions on the whole checklist
 * @param deleting item and checklist ids of my pending deletions
 */
record ChecklistPreview(List<Checklist> checklists, Map<String, List<ActionTarget>> itemTargets,
                        Map<String, List<ActionTarget>> checklistTargets, Set<String> deleting) {

    /** The id a not yet confirmed addition shows under. */
    static final String PLACEHOLDER = "pending:";

    static ChecklistPreview of(PlaybookRun run, List<PendingAction> pending) {
        List<List<ChecklistItem>> items = new ArrayList<>();
        List<Checklist> lists = new ArrayList<>(run.checklists());
        run.checklists().forEach(c -> items.add(new ArrayList<>(c.items())));
        Map<String, List<ActionTarget>> itemTargets = new HashMap<>();
        Map<String, List<ActionTarget>> checklistTargets = new HashMap<>();
        Set<String> deleting = new HashSet<>();
        List<PendingAction> mine = pending.stream().filter(p -> p.target().runId().equals(run.id()))
                .sorted(java.util.Comparator.comparing(PendingAction::startedAt)).toList();
        for (PendingAction p : mine) {
            String subject = p.target().subject();
            String value = p.desiredValue();
            if (subject.startsWith("item:")) {
                note(itemTargets, subject.substring("item:".length()), p.target());
            } else if (subject.startsWith(SetItemAssignee.SUBJECT)) {
                String id = subject.substring(SetItemAssignee.SUBJECT.length());
                change(items, id, it -> fields(it, value, it.dueDate(), it.title(), it.description(), it.command()));
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(SetItemDueDate.SUBJECT)) {
                String id = subject.substring(SetItemDueDate.SUBJECT.length());
                change(items, id, it -> fields(it, it.assigneeId(), SetItemDueDate.parse(value), it.title(),
                        it.description(), it.command()));
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(EditItem.SUBJECT)) {
                String id = subject.substring(EditItem.SUBJECT.length());
                EditItem.Fields f = EditItem.fields(value);
                change(items, id, it -> fields(it, it.assigneeId(), it.dueDate(), f.title(), f.description(), f.command()));
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(MoveItem.SUBJECT)) {
                String id = subject.substring(MoveItem.SUBJECT.length());
                move(lists, items, id, MoveItem.place(value));
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(DeleteItem.SUBJECT)) {
                String id = subject.substring(DeleteItem.SUBJECT.length());
                deleting.add(id);
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(RunItemCommand.SUBJECT)) {
                note(itemTargets, subject.substring(RunItemCommand.SUBJECT.length()), p.target());
            } else if (subject.startsWith(AddItem.SUBJECT)) {
                AddItem.Placement at = AddItem.placement(value);
                String id = PLACEHOLDER + subject;
                insertAfter(lists, items, at.checklistId(), at.afterItemId(), ChecklistItem.titled(at.title()), id);
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(DuplicateItem.SUBJECT)) {
                String id = PLACEHOLDER + subject;
                find(items, value).ifPresent(it -> {
                    int c = checklistOf(items, value);
                    insertAfter(lists, items, lists.get(c).id(), value, it, id);
                });
                note(itemTargets, id, p.target());
            } else if (subject.startsWith(AddChecklist.SUBJECT)) {
                String id = PLACEHOLDER + subject;
                lists.add(Checklist.of(id, value, List.of(), 0));
                items.add(new ArrayList<>());
                note(checklistTargets, id, p.target());
            } else {
                checklistChange(lists, items, checklistTargets, deleting, p);
            }
        }
        List<Checklist> shown = new ArrayList<>();
        for (int c = 0; c < lists.size(); c++) {
            Checklist base = lists.get(c);
            shown.add(new Checklist(base.id(), base.title(), items.get(c),
                    items.get(c).stream().map(ChecklistItem::id).toList(), base.updateAt()));
        }
        return new ChecklistPreview(List.copyOf(shown), itemTargets, checklistTargets, Set.copyOf(deleting));
    }

    private static void checklistChange(List<Checklist> lists, List<List<ChecklistItem>> items,
                                        Map<String, List<ActionTarget>> checklistTargets, Set<String> deleting,
                                        PendingAction p) {
        for (ChecklistChange.Change change : ChecklistChange.Change.values()) {
            if (!p.target().subject().startsWith(change.subject)) {
                continue;
            }
            String id = p.target().subject().substring(change.subject.length());
            note(checklistTargets, id, p.target());
            int c = indexOf(lists, id);
            if (c < 0) {
                return;
            }
            switch (change) {
                case RENAME -> {
                    Checklist old = lists.get(c);
                    lists.set(c, new Checklist(old.id(), p.desiredValue(), old.items(), old.itemsOrder(), old.updateAt()));
                }
                case DELETE -> deleting.add(id);
                case MOVE -> {
                    int to = Math.max(0, Math.min(lists.size() - 1, parse(p.desiredValue())));
                    lists.add(to, lists.remove(c));
                    items.add(to, items.remove(c));
                }
                case SKIP -> items.set(c, new ArrayList<>(items.get(c).stream()
                        .map(it -> it.withState(ChecklistChange.SKIPPED.equals(p.desiredValue())
                                ? ChecklistItem.SKIPPED : ChecklistItem.OPEN, it.updateAt())).toList()));
            }
            return;
        }
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void note(Map<String, List<ActionTarget>> map, String id, ActionTarget target) {
        map.computeIfAbsent(id, k -> new ArrayList<>()).add(target);
    }

    private static int indexOf(List<Checklist> lists, String checklistId) {
        for (int c = 0; c < lists.size(); c++) {
            if (lists.get(c).id().equals(checklistId)) {
                return c;
            }
        }
        return -1;
    }

    private static int checklistOf(List<List<ChecklistItem>> items, String itemId) {
        for (int c = 0; c < items.size(); c++) {
            if (items.get(c).stream().anyMatch(i -> i.id().equals(itemId))) {
                return c;
            }
        }
        return -1;
    }

    private static java.util.Optional<ChecklistItem> find(List<List<ChecklistItem>> items, String itemId) {
        return items.stream().flatMap(List::stream).filter(i -> i.id().equals(itemId)).findFirst();
    }

    private static void change(List<List<ChecklistItem>> items, String itemId,
                               java.util.function.UnaryOperator<ChecklistItem> edit) {
        for (List<ChecklistItem> list : items) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(itemId)) {
                    list.set(i, edit.apply(list.get(i)));
                }
            }
        }
    }

    private static void move(List<Checklist> lists, List<List<ChecklistItem>> items, String itemId, MoveItem.Place to) {
        int from = checklistOf(items, itemId);
        int dest = indexOf(lists, to.checklistId());
        if (from < 0 || dest < 0) {
            return;
        }
        ChecklistItem moved = find(items, itemId).orElseThrow();
        items.get(from).removeIf(i -> i.id().equals(itemId));
        List<ChecklistItem> target = items.get(dest);
        target.add(Math.max(0, Math.min(to.index(), target.size())), moved);
    }

    private static void insertAfter(List<Checklist> lists, List<List<ChecklistItem>> items, String checklistId,
                                    String afterItemId, ChecklistItem item, String id) {
        int c = indexOf(lists, checklistId);
        if (c < 0) {
            return;
        }
        List<ChecklistItem> list = items.get(c);
        int after = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(afterItemId)) {
                after = i;
            }
        }
        ChecklistItem placed = withId(item, id);
        if (after < 0) {
            list.add(placed);
        } else {
            list.add(after + 1, placed);
        }
    }

    private static ChecklistItem withId(ChecklistItem it, String id) {
        return new ChecklistItem(id, it.title(), it.state(), it.stateModified(), it.assigneeId(), it.assigneeModified(),
                it.assigneeType(), it.assigneePropertyFieldId(), it.command(), it.commandLastRun(), it.description(),
                it.lastSkipped(), it.dueDate(), it.taskActions(), it.conditionId(), it.conditionAction(),
                it.conditionReason(), it.updateAt());
    }

    private static ChecklistItem fields(ChecklistItem it, String assignee, long due, String title, String description,
                                        String command) {
        return new ChecklistItem(it.id(), title, it.state(), it.stateModified(), assignee, it.assigneeModified(),
                it.assigneeType(), it.assigneePropertyFieldId(), command, it.commandLastRun(), description,
                it.lastSkipped(), due, it.taskActions(), it.conditionId(), it.conditionAction(), it.conditionReason(),
                it.updateAt());
    }
}
