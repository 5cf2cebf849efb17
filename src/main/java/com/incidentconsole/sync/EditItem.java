package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import java.util.function.Function;

/**
 * Edit an item's title, description and slash command together: {@code PUT …/item/{i}} replaces all
 * three (app EditChecklistItem), so the user's whole edit travels as one value and is compared as one.
 * Idempotent.
 */
public record EditItem(String runId, String itemId, String itemTitle, String title, String description,
                       String command) implements ItemFieldChange {

    public static final String SUBJECT = "edit:";
    /** Between the three fields of the value: a control character no one types into a title. */
    private static final String SEPARATOR = "\u001f";

    static final ActionKind KIND = new ActionKind("item_edit", 1, (runId, p, version) -> new EditItem(runId,
            ActionKind.required(p, "item_id"), p.path("item_title").asText(""), ActionKind.required(p, "title"),
            p.path("description").asText(""), p.path("command").asText("")));

    /** The three fields of an edit's value. */
    public record Fields(String title, String description, String command) {
    }

    public static String encode(String title, String description, String command) {
        return String.join(SEPARATOR, title, description, command);
    }

    public static Fields fields(String value) {
        String[] parts = value.split(SEPARATOR, -1);
        return new Fields(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
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
        return encode(title, description, command);
    }

    @Override
    public String description() {
        return title.equals(itemTitle) ? "Edit “" + itemTitle + "”" : "Rename “" + itemTitle + "” to “" + title + "”";
    }

    @Override
    public String fieldValue(ChecklistItem item) {
        return encode(item.title(), item.description(), item.command());
    }

    @Override
    public void sendAt(ActionTransport transport, ItemPosition at) {
        transport.editItem(runId, at.checklist(), at.item(), title, command, description);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle).put("title", title)
                .put("description", description).put("command", command);
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        Fields f = fields(value);
        return "“" + f.title() + "”" + (f.command().isEmpty() ? "" : " " + f.command());
    }
}
