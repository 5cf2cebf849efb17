package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.UUID;

/**
 * Duplicate an item: {@code POST …/item/{i}/duplicate}; the server inserts a full copy under a new id
 * right after it (app DuplicateChecklistItem). Not idempotent, recognised like {@link AddItem}: an item
 * with the original's title, in its checklist, whose id the run did not hold when the user acted.
 */
public record DuplicateItem(String runId, String copyKey, String itemId, String itemTitle, List<String> knownIds)
        implements Addition {

    public static final String SUBJECT = "duplicate:";

    static final ActionKind KIND = new ActionKind("item_duplicate", 1, (runId, p, version) -> new DuplicateItem(
            runId, ActionKind.required(p, "copy_key"), ActionKind.required(p, "item_id"),
            ActionKind.required(p, "item_title"), AddedThings.from(p).knownIds()));

    public DuplicateItem {
        knownIds = List.copyOf(knownIds);
    }

    public static DuplicateItem of(PlaybookRun run, String itemId, String itemTitle) {
        return new DuplicateItem(run.id(), UUID.randomUUID().toString(), itemId, itemTitle, ItemPosition.itemIds(run));
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + copyKey);
    }

    /** The original's id: the copy shows right below it while pending. */
    @Override
    public String desiredValue() {
        return itemId;
    }

    @Override
    public String description() {
        return "Duplicate “" + itemTitle + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        AddedThings before = new AddedThings(knownIds);
        return ItemPosition.find(run, itemId).map(at -> run.checklists().get(at.checklist()).items().stream()
                .anyMatch(i -> before.isNew(i.id()) && i.title().equals(itemTitle))).orElse(false);
    }

    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (ItemPosition.find(run, itemId).isEmpty()) {
            return Settlement.UNKNOWN;
        }
        return isSettledIn(run) ? Settlement.TOOK_EFFECT : Settlement.NOT_TAKEN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        ItemPosition at = ItemPosition.resolve(current, itemId);
        transport.duplicateItem(runId, at.checklist(), at.item());
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("copy_key", copyKey).put("item_id", itemId)
                .put("item_title", itemTitle);
        node.set("known_ids", new AddedThings(knownIds).toJson(mapper));
        return node;
    }
}
