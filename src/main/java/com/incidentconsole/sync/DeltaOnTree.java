package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sync.IncrementalUpdate.Mismatch;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference merge of a {@code playbook_run_updated_incremental} delta: the held run as a JSON
 * tree, patched key by key the way playbooks-api.md §7.3 describes, read back as a whole. It copies
 * the whole run twice per delta (~17 KB with its timeline), so {@link IncrementalUpdate} tries
 * {@link DeltaOnRecords} first and comes here only for what that one declines. It also is the
 * oracle the fast path is tested against ({@code IncrementalUpdateTest}, {@code FastDeltaProperty}):
 * whatever this class makes of a delta is, by definition, today's semantics.
 */
final class DeltaOnTree {

    private static final String CHECKLISTS = "checklists";
    private static final String TIMELINE_EVENTS = "timeline_events";
    private static final String STATUS_POSTS = "status_posts";
    private static final String ITEMS = "items";
    private static final String ITEMS_ORDER = "items_order";

    private final JsonMapper mapper;

    DeltaOnTree(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The merged run; the caller has already dropped stale deltas. */
    PlaybookRun apply(PlaybookRun held, PlaybookRunUpdate update) throws Mismatch {
        ObjectNode run = mapper.valueToTree(held);
        if (update.playbookRunUpdatedAt() > 0) {
            run.put("update_at", update.playbookRunUpdatedAt());
        }
        removeById(run, CHECKLISTS, update.checklistDeletes());
        removeById(run, TIMELINE_EVENTS, update.timelineEventDeletes());
        removeById(run, STATUS_POSTS, update.statusPostDeletes());

        ObjectNode changed = update.changedFields();
        for (Map.Entry<String, JsonNode> field : changed.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case CHECKLISTS -> applyChecklists(run, value);
                case TIMELINE_EVENTS -> upsertSorted(run, TIMELINE_EVENTS, value, "event_at");
                case STATUS_POSTS -> upsertSorted(run, STATUS_POSTS, value, "create_at");
                case ITEMS_ORDER -> {
                    run.set(ITEMS_ORDER, value);
                    reorderChecklists(run, value);
                }
                default -> {
                    // Only keys the run has and non-null values: null means "not sent" for the
                    // whole-array fields (property_fields may be null).
                    if (!value.isNull() && (run.has(key) || isOmittedWhenEmpty(key))) {
                        run.set(key, value);
                    }
                }
            }
        }
        try {
            return mapper.treeToValue(run, PlaybookRun.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Mismatch("the merged run is not a valid run: " + e.getMessage());
        }
    }

    private static boolean isOmittedWhenEmpty(String key) {
        return key.equals("property_fields") || key.equals("property_values");
    }

    private void applyChecklists(ObjectNode run, JsonNode updates) throws Mismatch {
        if (!updates.isArray()) {
            throw new Mismatch("changed_fields.checklists is not an array");
        }
        ArrayNode checklists = (ArrayNode) run.withArray(CHECKLISTS);
        for (JsonNode update : updates) {
            String id = update.path("id").asText("");
            ObjectNode checklist = findById(checklists, id);
            if (checklist == null) {
                checklist = mapper.createObjectNode();
                checklist.put("id", id);
                checklist.put("title", "");
                checklist.putArray(ITEMS);
                checklist.putArray(ITEMS_ORDER);
                // Its fields carry only the title; its own update_at comes as checklist_updated_at.
                checklist.put("update_at", update.path("checklist_updated_at").asLong(0));
                checklists.add(checklist);
            }
            applyChecklist(checklist, update);
        }
    }

    private void applyChecklist(ObjectNode checklist, JsonNode update) throws Mismatch {
        JsonNode fields = update.path("fields");
        if (fields.isObject()) {
            for (Map.Entry<String, JsonNode> f : fields.properties()) {
                if (!f.getKey().equals(ITEMS) && !f.getValue().isNull()) {
                    checklist.set(f.getKey(), f.getValue());
                }
            }
        }
        ArrayNode items = (ArrayNode) checklist.withArray(ITEMS);
        for (JsonNode itemUpdate : update.path("item_updates")) {
            String itemId = itemUpdate.path("id").asText("");
            ObjectNode item = findById(items, itemId);
            if (item == null) {
                throw new Mismatch("update for unknown item " + itemId);
            }
            JsonNode itemFields = itemUpdate.path("fields");
            if (itemFields.isObject()) {
                itemFields.properties().forEach(f -> {
                    if (!f.getValue().isNull()) {
                        item.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        Set<String> deletes = new HashSet<>();
        update.path("item_deletes").forEach(d -> deletes.add(d.asText()));
        removeWhere(items, deletes);
        for (JsonNode insert : update.path("item_inserts")) {
            if (findById(items, insert.path("id").asText("")) == null) {
                items.add(insert.deepCopy());
            }
        }
        JsonNode order = update.path(ITEMS_ORDER);
        if (order.isArray() && !order.isEmpty()) {
            checklist.set(ITEMS_ORDER, order);
            reorder(items, order);
        } else {
            ArrayNode recomputed = checklist.putArray(ITEMS_ORDER);
            items.forEach(i -> recomputed.add(i.path("id").asText("")));
        }
    }

    private static void reorderChecklists(ObjectNode run, JsonNode order) {
        if (order.isArray() && run.get(CHECKLISTS) instanceof ArrayNode checklists) {
            reorder(checklists, order);
        }
    }

    /** Sorts the array's objects by their id's position in {@code order}; ids not listed keep their place at the end. */
    private static void reorder(ArrayNode array, JsonNode order) {
        Map<String, Integer> position = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode id : order) {
            position.putIfAbsent(id.asText(), i++);
        }
        List<JsonNode> sorted = new ArrayList<>();
        array.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(n -> position.getOrDefault(n.path("id").asText(""), Integer.MAX_VALUE)));
        array.removeAll();
        sorted.forEach(array::add);
    }

    private static void upsertSorted(ObjectNode run, String key, JsonNode entries, String sortKey) {
        ArrayNode array = (ArrayNode) run.withArray(key);
        for (JsonNode entry : entries) {
            ObjectNode held = findById(array, entry.path("id").asText(""));
            if (held != null) {
                held.setAll((ObjectNode) entry);
            } else if (entry.isObject()) {
                array.add(entry.deepCopy());
            }
        }
        List<JsonNode> sorted = new ArrayList<>();
        array.forEach(n -> {
            // A soft-deleted entry is no longer part of the run, as the server's own reads show it.
            if (n.path("delete_at").asLong(0) == 0) {
                sorted.add(n);
            }
        });
        sorted.sort(Comparator.comparingLong(n -> n.path(sortKey).asLong(0)));
        array.removeAll();
        sorted.forEach(array::add);
    }

    private static void removeById(ObjectNode run, String key, List<String> ids) {
        if (!ids.isEmpty() && run.get(key) instanceof ArrayNode array) {
            removeWhere(array, Set.copyOf(ids));
        }
    }

    private static void removeWhere(ArrayNode array, Set<String> ids) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (ids.contains(array.get(i).path("id").asText(""))) {
                array.remove(i);
            }
        }
    }

    private static ObjectNode findById(ArrayNode array, String id) {
        for (JsonNode node : array) {
            if (node instanceof ObjectNode object && id.equals(object.path("id").asText(null))) {
                return object;
            }
        }
        return null;
    }
}
