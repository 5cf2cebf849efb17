package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sync.IncrementalUpdate.Mismatch;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.TimelineEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The fast merge of a {@code playbook_run_updated_incremental} delta: patches the held run's records
 * directly and decodes only the values the delta carries. Everything the delta does not touch is
 * kept by reference — an item update rebuilds that item, its checklist and the run, and shares
 * every other checklist, item, timeline event and list with the held run.
 *
 * <p>It must give exactly what {@link DeltaOnTree} (the reference, playbooks-api.md §7.3) gives. It
 * follows the same steps in the same order, and where the tree's behaviour hinges on JSON details
 * that records no longer show — a key no record models, an id that is not a string, an entry that
 * is not an object — it {@linkplain Declined declines} and the caller uses the tree instead. Real
 * servers' deltas never take that way; it exists so that odd input cannot make the two disagree.
 */
final class DeltaOnRecords {

    private static final String CHECKLISTS = "checklists";
    private static final String TIMELINE_EVENTS = "timeline_events";
    private static final String STATUS_POSTS = "status_posts";
    private static final String ITEMS = "items";
    private static final String ITEMS_ORDER = "items_order";
    private static final String UPDATE_AT = "update_at";
    private static final String DELETE_AT = "delete_at";

    /** The delta needs the tree merge; not an error. Carries no stack trace: it is control flow. */
    static final class Declined extends Exception {
        Declined(String why) {
            super(why, null, false, false);
        }
    }

    private final RecordEditor<PlaybookRun> runs;
    private final RecordEditor<Checklist> checklists;
    private final RecordEditor<ChecklistItem> items;
    private final RecordEditor<TimelineEvent> events;
    private final RecordEditor<StatusPost> posts;

    DeltaOnRecords(JsonMapper mapper) {
        runs = new RecordEditor<>(PlaybookRun.class, mapper);
        checklists = new RecordEditor<>(Checklist.class, mapper);
        items = new RecordEditor<>(ChecklistItem.class, mapper);
        events = new RecordEditor<>(TimelineEvent.class, mapper);
        posts = new RecordEditor<>(StatusPost.class, mapper);
    }

    /** The merged run; the caller has already dropped stale deltas. */
    PlaybookRun apply(PlaybookRun held, PlaybookRunUpdate update) throws Mismatch, Declined {
        try {
            return merge(held, update);
        } catch (IOException | RuntimeException e) {
            // A value that does not decode, or a record constructor refusing one: the tree merge
            // reports it the way it always has (usually as a Mismatch).
            throw new Declined(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private PlaybookRun merge(PlaybookRun held, PlaybookRunUpdate update) throws Mismatch, Declined, IOException {
        RecordEditor<PlaybookRun>.Draft run = runs.edit(held);
        if (update.playbookRunUpdatedAt() > 0) {
            run.put(UPDATE_AT, update.playbookRunUpdatedAt());
        }
        List<Checklist> lists = withoutIds(held.checklists(), update.checklistDeletes(), Checklist::id);
        List<TimelineEvent> timeline = withoutIds(held.timelineEvents(), update.timelineEventDeletes(),
                TimelineEvent::id);
        List<StatusPost> statusPosts = withoutIds(held.statusPosts(), update.statusPostDeletes(), StatusPost::id);

        for (Map.Entry<String, JsonNode> field : update.changedFields().properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case CHECKLISTS -> lists = applyChecklists(lists, value);
                case TIMELINE_EVENTS -> timeline = upsertSorted(timeline, value, events, TimelineEvent::id,
                        TimelineEvent::deleteAt, "event_at", TimelineEvent::eventAt);
                case STATUS_POSTS -> statusPosts = upsertSorted(statusPosts, value, posts, StatusPost::id,
                        StatusPost::deleteAt, "create_at", StatusPost::createAt);
                case ITEMS_ORDER -> {
                    // The tree sets even a null or a non-list here and lets the final read judge it.
                    if (!value.isArray()) {
                        throw new Declined("items_order is not an array");
                    }
                    run.set(ITEMS_ORDER, value);
                    lists = reorder(lists, value, Checklist::id);
                }
                default -> {
                    // Like the tree: non-null values of keys the run has. A key the run record does
                    // not model is dropped by both (the tree never has it, so never sets it), which
                    // is also what a full playbook_run_updated does with it.
                    if (!value.isNull()) {
                        run.set(key, value);
                    }
                }
            }
        }
        return run.put(CHECKLISTS, lists).put(TIMELINE_EVENTS, timeline).put(STATUS_POSTS, statusPosts).build();
    }

    private List<Checklist> applyChecklists(List<Checklist> held, JsonNode updates)
            throws Mismatch, Declined, IOException {
        if (!updates.isArray()) {
            throw new Mismatch("changed_fields.checklists is not an array");
        }
        List<Checklist> result = new ArrayList<>(held);
        for (JsonNode update : updates) {
            String id = update.path("id").asText("");
            int at = indexOf(result, id, Checklist::id);
            if (at < 0) {
                // As in the tree: fields carry only the title, the update time is checklist_updated_at.
                result.add(new Checklist(id, "", List.of(), List.of(), update.path("checklist_updated_at").asLong(0)));
                at = result.size() - 1;
            }
            result.set(at, applyChecklist(result.get(at), update));
        }
        return result;
    }

    private Checklist applyChecklist(Checklist held, JsonNode update) throws Mismatch, Declined, IOException {
        RecordEditor<Checklist>.Draft checklist = checklists.edit(held);
        JsonNode fields = update.path("fields");
        if (fields.isObject()) {
            for (Map.Entry<String, JsonNode> f : fields.properties()) {
                String key = f.getKey();
                // items are never taken from fields; items_order is always rewritten below.
                if (key.equals(ITEMS) || key.equals(ITEMS_ORDER) || f.getValue().isNull()) {
                    continue;
                }
                if (!checklist.set(key, f.getValue())) {
                    throw new Declined("checklist field " + key + " is not modelled");
                }
            }
        }
        List<ChecklistItem> list = new ArrayList<>(held.items());
        for (JsonNode itemUpdate : update.path("item_updates")) {
            String itemId = itemUpdate.path("id").asText("");
            int at = indexOf(list, itemId, ChecklistItem::id);
            if (at < 0) {
                throw new Mismatch("update for unknown item " + itemId);
            }
            JsonNode itemFields = itemUpdate.path("fields");
            if (itemFields.isObject()) {
                RecordEditor<ChecklistItem>.Draft item = items.edit(list.get(at));
                for (Map.Entry<String, JsonNode> f : itemFields.properties()) {
                    if (!f.getValue().isNull() && !item.set(f.getKey(), f.getValue())) {
                        throw new Declined("item field " + f.getKey() + " is not modelled");
                    }
                }
                list.set(at, item.build());
            }
        }
        Set<String> deletes = new HashSet<>();
        update.path("item_deletes").forEach(d -> deletes.add(d.asText()));
        if (!deletes.isEmpty()) {
            list.removeIf(item -> deletes.contains(item.id()));
        }
        for (JsonNode insert : update.path("item_inserts")) {
            // The tree keeps an insert as raw JSON and matches later ids on it; only a string id
            // matches the same way once it is a record.
            if (!insert.isObject() || !insert.path("id").isTextual()) {
                throw new Declined("item insert without a string id");
            }
            if (indexOf(list, insert.get("id").asText(), ChecklistItem::id) < 0) {
                list.add(items.read(insert));
            }
        }
        JsonNode order = update.path(ITEMS_ORDER);
        if (order.isArray() && !order.isEmpty()) {
            checklist.set(ITEMS_ORDER, order);
            list = reorder(list, order, ChecklistItem::id);
        } else {
            checklist.put(ITEMS_ORDER, list.stream().map(ChecklistItem::id).toList());
        }
        return checklist.put(ITEMS, list).build();
    }

    /**
     * Timeline events and status posts: an entry merges into the held one with its id (a partial
     * entry keeps the held values it does not name), a new one is appended; then soft-deleted ones
     * leave — the server's own reads no longer show them — and the rest are sorted stably by time.
     */
    private static <T extends Record> List<T> upsertSorted(List<T> held, JsonNode entries, RecordEditor<T> editor,
                                                           Function<T, String> id, ToLongFunction<T> deleteAt,
                                                           String sortKey, ToLongFunction<T> sortValue)
            throws Declined, IOException {
        if (entries.isObject()) {
            throw new Declined("entries are an object, not a list");
        }
        List<T> result = new ArrayList<>(held);
        for (JsonNode entry : entries) {
            // The tree filters and sorts on the raw JSON; for these shapes that equals the records' values.
            if (!entry.isObject() || !entry.path("id").isTextual()
                    || !isLongOrAbsent(entry.get(DELETE_AT)) || !isLongOrAbsent(entry.get(sortKey))) {
                throw new Declined("entry is not an object with a string id and whole-number times");
            }
            int at = indexOf(result, entry.get("id").asText(), id);
            if (at >= 0) {
                ObjectNode merged = editor.tree(result.get(at));
                merged.setAll((ObjectNode) entry);
                result.set(at, editor.read(merged));
            } else {
                result.add(editor.read(entry));
            }
        }
        result.removeIf(e -> deleteAt.applyAsLong(e) != 0);
        result.sort(Comparator.comparingLong(sortValue));
        return result;
    }

    private static boolean isLongOrAbsent(JsonNode value) {
        return value == null || value.isNull() || (value.isIntegralNumber() && value.canConvertToLong());
    }

    private static <T> List<T> withoutIds(List<T> list, List<String> ids, Function<T, String> id) {
        if (ids.isEmpty()) {
            return list;
        }
        Set<String> gone = Set.copyOf(ids);
        return list.stream().filter(e -> !gone.contains(id.apply(e))).toList();
    }

    private static <T> int indexOf(List<T> list, String wanted, Function<T, String> id) {
        for (int i = 0; i < list.size(); i++) {
            if (wanted.equals(id.apply(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Stable sort by position in {@code order}; ids it does not list keep their order at the end. */
    private static <T> List<T> reorder(List<T> list, JsonNode order, Function<T, String> id) {
        Map<String, Integer> position = new HashMap<>();
        int i = 0;
        for (JsonNode entry : order) {
            position.putIfAbsent(entry.asText(), i++);
        }
        List<T> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(e -> position.getOrDefault(id.apply(e), Integer.MAX_VALUE)));
        return sorted;
    }
}
