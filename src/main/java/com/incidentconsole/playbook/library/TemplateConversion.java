package com.incidentconsole.playbook.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.json.CanonicalOrder;
import com.incidentconsole.playbook.library.json.TreeEdits;

/**
 * Turns a built-in template ({@code templates/*.json}: {@code {..., "template": {playbook draft}}}) or any full
 * playbook JSON into the export document the server would produce for it: {@code version: 1}, only exported
 * fields, zero values omitted, {@code channel_mode} omitted when {@code create_new_channel}, checklists and
 * metrics always present (rules from server/app/export.go, summarised in playbooks-api.md §8).
 */
public final class TemplateConversion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TemplateConversion() {
    }

    public static PlaybookFile toExport(JsonNode templateOrPlaybook) {
        JsonNode draft = templateOrPlaybook.has("template") ? templateOrPlaybook.get("template") : templateOrPlaybook;
        ObjectNode out = NODES.objectNode();
        for (PlaybookSetting setting : PlaybookSetting.values()) {
            JsonNode value = draft.get(setting.key());
            if (setting == PlaybookSetting.CHANNEL_MODE && value != null
                    && "create_new_channel".equals(value.asText())) {
                continue;
            }
            if (!TreeEdits.isZero(value)) {
                out.set(setting.key(), value.deepCopy());
            }
        }
        out.put("version", 1);
        ArrayNode checklists = out.putArray("checklists");
        for (JsonNode checklist : PlaybookFile.array(draft, "checklists")) {
            ObjectNode exported = checklists.addObject();
            copyNonZero(checklist, exported, "title");
            ArrayNode items = exported.putArray("items");
            for (JsonNode item : PlaybookFile.array(checklist, "items")) {
                ObjectNode exportedItem = items.addObject();
                for (ItemField field : ItemField.values()) {
                    copyNonZero(item, exportedItem, field.key());
                }
            }
        }
        ArrayNode metrics = out.putArray("metrics");
        for (JsonNode metric : PlaybookFile.array(draft, "metrics")) {
            ObjectNode exported = metrics.addObject();
            for (MetricField field : MetricField.values()) {
                copyNonZero(metric, exported, field.key());
            }
            // target is a Go null.Int: a valid 0 is not zero-valued, so the export keeps it.
            JsonNode target = metric.get("target");
            if (target != null && target.isNumber()) {
                exported.set("target", target.deepCopy());
            }
        }
        return PlaybookFile.of(CanonicalOrder.sorted(out));
    }

    private static void copyNonZero(JsonNode from, ObjectNode to, String key) {
        JsonNode value = from.get(key);
        if (!TreeEdits.isZero(value)) {
            to.set(key, value.deepCopy());
        }
    }
}
