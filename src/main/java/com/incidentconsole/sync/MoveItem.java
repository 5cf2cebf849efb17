package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Move an item to a place in a checklist: {@code POST …/checklists/move-item}. The place is the
 * checklist's id and the index the item should end up at, so sending it again when it is already there
 * is a no-op (settled, nothing sent); someone else moving it meanwhile is a conflict like any other change.
 *
 * @param index where the item should be in that checklist, counted after the move
 */
public record MoveItem(String runId, String itemId, String itemTitle, String checklistId, int index)
        implements ItemFieldChange {

    public static final String SUBJECT = "move:";

    static final ActionKind KIND = new ActionKind("item_move", 1, (runId, p, version) -> new MoveItem(runId,
            ActionKind.required(p, "item_id"), p.path("item_title").asText(""), ActionKind.required(p, "checklist_id"),
            p.path("index").asInt(0)));

    /** A place as the value names it. */
    public record Place(String checklistId, int index) {
    }

    public static Place place(String value) {
        int hash = value.lastIndexOf('#');
        if (hash < 0) {
            return new Place(value, 0);
        }
        try {
            return new Place(value.substring(0, hash), Integer.parseInt(value.substring(hash + 1)));
        } catch (NumberFormatException e) {
            return new Place(value.substring(0, hash), 0);
        }
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + itemId);
    }

    @Override
    public String desiredValue() {
        return checklistId + "#" + index;
    }

    @Override
    public String description() {
        return "Move “" + itemTitle + "” to position " + (index + 1);
    }

    /** Not used: a place depends on the run, not on the item alone. */
    @Override
    public String fieldValue(ChecklistItem item) {
        return "";
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return ItemPosition.find(run, itemId).map(at -> run.checklists().get(at.checklist()).id() + "#" + at.item());
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        ItemPosition from = ItemPosition.resolve(current, itemId);
        int to = ItemPosition.resolveChecklist(current, checklistId);
        int size = current.checklists().get(to).items().size();
        // The real server refuses an index past the end (within one checklist: past the last item).
        int last = to == from.checklist() ? size - 1 : size;
        transport.moveItem(runId, from.checklist(), from.item(), to, Math.max(0, Math.min(index, last)));
    }

    @Override
    public void sendAt(ActionTransport transport, ItemPosition at) {
        throw new IllegalStateException("moves are sent by send()");
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle)
                .put("checklist_id", checklistId).put("index", index);
    }
}
