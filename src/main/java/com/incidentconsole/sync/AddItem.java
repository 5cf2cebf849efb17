package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Add an item below another ({@code n}): {@code POST …/checklists/{n}/add}, which appends (app
 * AddChecklistItem), then a move to just below the anchor. Not idempotent — each accepted request is one
 * more item — so never resent blind: an item with this title in this checklist whose id the run did not
 * hold when the user acted ({@code known_ids}) is this addition; none means it was not taken.
 *
 * @param afterItemId the item the new one goes below; {@code ""} for the end of the checklist
 * @param knownIds every item id of the run when the user acted
 */
public record AddItem(String runId, String addKey, String checklistId, String afterItemId, String title,
                      List<String> knownIds) implements Addition {

    private static final Logger LOG = Logger.getLogger(AddItem.class.getName());
    public static final String SUBJECT = "add-item:";
    private static final String SEPARATOR = "\u001f";

    static final ActionKind KIND = new ActionKind("item_add", 1, (runId, p, version) -> new AddItem(runId,
            ActionKind.required(p, "add_key"), ActionKind.required(p, "checklist_id"),
            p.path("after_item_id").asText(""), ActionKind.required(p, "title"), AddedThings.from(p).knownIds()));

    public AddItem {
        knownIds = List.copyOf(knownIds);
    }

    /** An addition to {@code run} as the user sees it now. */
    public static AddItem below(PlaybookRun run, String checklistId, String afterItemId, String title) {
        return new AddItem(run.id(), UUID.randomUUID().toString(), checklistId, afterItemId, title.strip(),
                ItemPosition.itemIds(run));
    }

    /** Where a pending addition goes, as its value names it. */
    public record Placement(String checklistId, String afterItemId, String title) {
    }

    public static Placement placement(String value) {
        String[] parts = value.split(SEPARATOR, -1);
        return new Placement(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + addKey);
    }

    @Override
    public String desiredValue() {
        return String.join(SEPARATOR, checklistId, afterItemId, title);
    }

    @Override
    public String description() {
        return "Add “" + title + "”";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return added(run).isPresent();
    }

    private Optional<ChecklistItem> added(PlaybookRun run) {
        AddedThings before = new AddedThings(knownIds);
        return ItemPosition.checklistIn(run, checklistId).flatMap(c -> c.items().stream()
                .filter(i -> before.isNew(i.id()) && i.title().strip().equals(title)).findFirst());
    }

    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (ItemPosition.checklistIn(run, checklistId).isEmpty()) {
            return Settlement.UNKNOWN; // the checklist went, and whatever was added with it
        }
        return isSettledIn(run) ? Settlement.TOOK_EFFECT : Settlement.NOT_TAKEN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        int c = ItemPosition.resolveChecklist(current, checklistId);
        transport.addItem(runId, c, title);
        if (!afterItemId.isEmpty()) {
            placeBelowAnchor(transport);
        }
    }

    /**
     * The item is added either way; only its place is at stake here, so a failure to move it leaves it
     * at the end of the checklist and is not the addition's failure (which would invite a resend).
     */
    private void placeBelowAnchor(ActionTransport transport) {
        try {
            PlaybookRun now = transport.fetchRun(runId);
            Optional<ItemPosition> mine = added(now).flatMap(i -> ItemPosition.find(now, i.id()));
            Optional<ItemPosition> anchor = ItemPosition.find(now, afterItemId);
            if (mine.isPresent() && anchor.isPresent() && mine.get().checklist() == anchor.get().checklist()
                    && mine.get().item() != anchor.get().item() + 1) {
                int to = mine.get().item() > anchor.get().item() ? anchor.get().item() + 1 : anchor.get().item();
                transport.moveItem(runId, mine.get().checklist(), mine.get().item(), mine.get().checklist(), to);
            }
        } catch (TransportError | ServerError e) {
            LOG.info(() -> "Added “" + title + "” but could not move it below its anchor: " + e.getMessage());
        }
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("add_key", addKey).put("checklist_id", checklistId)
                .put("after_item_id", afterItemId).put("title", title);
        node.set("known_ids", new AddedThings(knownIds).toJson(mapper));
        return node;
    }
}
