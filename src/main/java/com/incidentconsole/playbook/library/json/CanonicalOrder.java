package com.incidentconsole.playbook.library.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Key order of the server's export. server/app/export.go builds the document, each checklist, item and metric
 * as a Go {@code map[string]interface{}}, and encoding/json writes map keys sorted; so those objects are sorted.
 * {@code properties} and {@code conditions} are Go structs (declared field order) with map-valued parts, so
 * they are left in the order the file has — we cannot know a struct's order for fields we have never seen.
 */
public final class CanonicalOrder {

    private CanonicalOrder() {
    }

    public static ObjectNode sorted(ObjectNode root) {
        ObjectNode out = sortKeys(root);
        for (String listKey : List.of("checklists", "metrics")) {
            JsonNode list = out.get(listKey);
            if (list instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof ObjectNode element) {
                        ObjectNode sortedElement = sortKeys(element);
                        if (listKey.equals("checklists") && sortedElement.get("items") instanceof ArrayNode items) {
                            for (int j = 0; j < items.size(); j++) {
                                if (items.get(j) instanceof ObjectNode item) {
                                    items.set(j, sortKeys(item));
                                }
                            }
                        }
                        array.set(i, sortedElement);
                    }
                }
            }
        }
        return out;
    }

    private static ObjectNode sortKeys(ObjectNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        ObjectNode out = object.objectNode();
        for (String key : keys) {
            out.set(key, object.get(key).deepCopy());
        }
        return out;
    }
}
