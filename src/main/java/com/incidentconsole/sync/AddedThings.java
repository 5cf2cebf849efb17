package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids a run held when the user added something: the server gives an added item or checklist a new
 * id and answers with nothing, so "is an item with this title there that was not before" is how an
 * addition is recognised (ADR 0024). Stored with the action, so the answer survives a crash.
 */
record AddedThings(List<String> knownIds) {

    AddedThings {
        knownIds = List.copyOf(knownIds);
    }

    boolean isNew(String id) {
        return !knownIds.contains(id);
    }

    ArrayNode toJson(JsonMapper mapper) {
        ArrayNode array = mapper.createArrayNode();
        knownIds.forEach(array::add);
        return array;
    }

    static AddedThings from(JsonNode payload) {
        JsonNode ids = payload.get("known_ids");
        if (ids == null || !ids.isArray()) {
            throw new IllegalArgumentException("the stored action has no known_ids");
        }
        List<String> known = new ArrayList<>();
        ids.forEach(id -> known.add(id.asText()));
        return new AddedThings(known);
    }
}
