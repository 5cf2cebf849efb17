package com.incidentconsole.playbook.library.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.MetricField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.diff.TitleMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the body of {@code PUT /playbooks/{id}} from the server's current playbook and a playbook file.
 *
 * <p>PUT is a full replace (playbooks-api.md §9: omitted fields are reset), while a file holds only exported
 * fields with zero values omitted. So the body starts from the full server playbook (members, team, webhooks,
 * ids…), every exported field is set from the file — absent meaning zero, as in the export — and checklists,
 * items and metrics paired with the server's by title keep their non-exported parts (ids, task actions,
 * assignees), which a file cannot express and a push must not wipe.
 */
public final class ExportOverlay {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Set<String> NOT_PLAYBOOK_FIELDS = Set.of("version", "properties", "conditions", "id",
            "checklists", "metrics");

    public ObjectNode toFullPlaybook(ObjectNode serverPlaybook, PlaybookFile file) {
        ObjectNode body = serverPlaybook.deepCopy();
        ObjectNode doc = file.json();
        for (PlaybookSetting setting : PlaybookSetting.values()) {
            body.set(setting.key(), doc.has(setting.key()) ? doc.get(setting.key()) : zero(setting));
        }
        doc.fields().forEachRemaining(field -> {
            if (!NOT_PLAYBOOK_FIELDS.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        });
        body.set("checklists", checklists(serverPlaybook.path("checklists"), doc.path("checklists")));
        body.set("metrics", overlayList(serverPlaybook.path("metrics"), doc.path("metrics"),
                ExportOverlay::isMetricField));
        return body;
    }

    private static ArrayNode checklists(JsonNode server, JsonNode file) {
        ArrayNode out = NODES.arrayNode();
        int[] match = TitleMatcher.match(titles(server), titles(file));
        for (int j = 0; j < file.size(); j++) {
            JsonNode fromFile = file.get(j);
            ObjectNode checklist = match[j] >= 0 ? server.get(match[j]).deepCopy() : NODES.objectNode();
            checklist.put("title", fromFile.path("title").asText(""));
            JsonNode serverItems = match[j] >= 0 ? server.get(match[j]).path("items") : NODES.arrayNode();
            checklist.set("items", overlayList(serverItems, fromFile.path("items"), ExportOverlay::isItemField));
            out.add(checklist);
        }
        return out;
    }

    /** Elements of {@code file}, each laid over its title-paired server element; exported keys come from the file. */
    private static ArrayNode overlayList(JsonNode server, JsonNode file,
            Predicate<String> exported) {
        ArrayNode out = NODES.arrayNode();
        int[] match = TitleMatcher.match(titles(server), titles(file));
        for (int j = 0; j < file.size(); j++) {
            ObjectNode element = match[j] >= 0 ? server.get(match[j]).deepCopy() : NODES.objectNode();
            List<String> stale = new ArrayList<>();
            element.fieldNames().forEachRemaining(k -> {
                if (exported.test(k)) {
                    stale.add(k);
                }
            });
            element.remove(stale);
            file.get(j).fields().forEachRemaining(f -> element.set(f.getKey(), f.getValue()));
            out.add(element);
        }
        return out;
    }

    private static boolean isItemField(String key) {
        for (ItemField field : ItemField.values()) {
            if (field.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMetricField(String key) {
        for (MetricField field : MetricField.values()) {
            if (field.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode zero(PlaybookSetting setting) {
        return switch (setting.kind()) {
            case STRING -> NODES.textNode(setting == PlaybookSetting.CHANNEL_MODE ? "create_new_channel" : "");
            case BOOLEAN -> NODES.booleanNode(false);
            case NUMBER -> NODES.numberNode(0L);
            case STRING_LIST -> NODES.arrayNode();
        };
    }

    private static List<String> titles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("title").asText("")));
        return out;
    }
}
