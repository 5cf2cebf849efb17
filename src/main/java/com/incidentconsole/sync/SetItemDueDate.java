package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import java.time.Instant;
import java.util.function.Function;

/**
 * Set or clear ({@code 0}) a run item's due date: {@code PUT …/duedate} with {@code due_date}. In a
 * run the server stores it as given, absolute epoch ms (app SetDueDate; only a playbook's items hold
 * it relative to the run's start), so a relative entry ("in 30m") is made absolute before it is queued
 * — it means 30 minutes from when the user typed it, not from when a delayed send leaves. Idempotent.
 */
public record SetItemDueDate(String runId, String itemId, String itemTitle, long dueAt) implements ItemFieldChange {

    public static final String SUBJECT = "due:";

    static final ActionKind KIND = new ActionKind("item_due_date", 1, (runId, p, version) -> new SetItemDueDate(
            runId, ActionKind.required(p, "item_id"), p.path("item_title").asText(""), p.path("due_at").asLong(0)));

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
        return Long.toString(dueAt);
    }

    @Override
    public String description() {
        return dueAt <= 0 ? "Clear the due date of “" + itemTitle + "”"
                : "Set “" + itemTitle + "” due " + Instant.ofEpochMilli(dueAt);
    }

    @Override
    public String fieldValue(ChecklistItem item) {
        return Long.toString(item.dueDate());
    }

    @Override
    public void sendAt(ActionTransport transport, ItemPosition at) {
        transport.setItemDueDate(runId, at.checklist(), at.item(), dueAt);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle).put("due_at", dueAt);
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        long at = parse(value);
        return at <= 0 ? "no due date" : "due " + Instant.ofEpochMilli(at);
    }

    /** A due value as stored in {@link #desiredValue()}; 0 for none or unreadable. */
    public static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
