package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Delete an item: {@code DELETE …/item/{i}}. The index is resolved from the item's id at sending, so a
 * replay after the item is already gone is settled without a request — never a delete of whatever
 * item has moved into that index meanwhile.
 */
public record DeleteItem(String runId, String itemId, String itemTitle) implements Action {

    public static final String SUBJECT = "delete:";
    static final String PRESENT = "present";
    static final String DELETED = "deleted";

    static final ActionKind KIND = new ActionKind("item_delete", 1, (runId, p, version) -> new DeleteItem(runId,
            ActionKind.required(p, "item_id"), p.path("item_title").asText("")));

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
        return DELETED;
    }

    @Override
    public String description() {
        return "Delete “" + itemTitle + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return ItemPosition.find(run, itemId).isEmpty();
    }

    /** Gone counts as settled (checked first), so "no value" never reads as a conflict here. */
    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(isSettledIn(run) ? DELETED : PRESENT);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        ItemPosition at = ItemPosition.resolve(current, itemId);
        transport.deleteItem(runId, at.checklist(), at.item());
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle);
    }
}
