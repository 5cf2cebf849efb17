package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DetectChangedFields} of the plugin (playbooks-api.md §7.3): which keys of a run changed,
 * expressed as a {@link PlaybookRunUpdate}. Works on JSON trees so that it compares exactly what
 * goes over the wire.
 */
public final class RunDiff {

    private static final List<String> SCALARS = List.of("name", "summary", "summary_modified_at", "owner_user_id",
            "reporter_user_id", "channel_id", "create_at", "end_at", "post_id", "current_status",
            "last_status_update_at", "reminder_post_id", "previous_reminder", "reminder_message_template",
            "reminder_timer_default_seconds", "status_update_enabled", "default_owner_id", "retrospective",
            "retrospective_published_at", "retrospective_enabled", "message_on_join",
            "retrospective_reminder_interval_seconds", "retrospective_was_canceled",
            "status_update_broadcast_channels_enabled", "status_update_broadcast_webhooks_enabled",
            "create_channel_member_on_new_participant", "remove_channel_member_on_removed_participant",
            "category_name", "type", "items_order", "run_number", "sequential_id", "task_total", "task_completed");
    private static final List<String> SETS = List.of("invited_user_ids", "invited_group_ids", "participant_ids",
            "broadcast_channel_ids", "webhook_on_creation_urls", "webhook_on_status_update_urls");
    private static final List<String> WHOLE_ARRAYS = List.of("metrics_data", "property_fields", "property_values");
    private static final List<String> ITEM_KEYS = List.of("title", "description", "state", "state_modified",
            "assignee_id", "assignee_modified", "assignee_type", "assignee_property_field_id", "command",
            "command_last_run", "due_date", "delete_at", "task_actions", "update_at", "condition_id",
            "condition_action", "condition_reason");

    private final ObjectMapper mapper;

    public RunDiff(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Empty when nothing a client can see changed (the server then sends nothing). */
    public Optional<PlaybookRunUpdate> diff(PlaybookRun before, PlaybookRun after) {
        ObjectNode old = mapper.valueToTree(before);
        ObjectNode now = mapper.valueToTree(after);
        ObjectNode changed = mapper.createObjectNode();
        for (String key : SCALARS) {
            if (!old.path(key).equals(now.path(key))) {
                changed.set(key, now.path(key));
            }
        }
        for (String key : SETS) {
            if (!asSet(old.path(key)).equals(asSet(now.path(key)))) {
                changed.set(key, now.path(key));
            }
        }
        for (String key : WHOLE_ARRAYS) {
            if (!old.path(key).equals(now.path(key))) {
                changed.set(key, now.has(key) ? now.get(key) : mapper.nullNode());
            }
        }
        List<String> eventDeletes = entries(old.path("timeline_events"), now.path("timeline_events"), changed,
                "timeline_events");
        List<String> postDeletes = entries(old.path("status_posts"), now.path("status_posts"), changed,
                "status_posts");
        List<String> checklistDeletes = checklists(old.path("checklists"), now.path("checklists"), changed);
        if (changed.isEmpty() && eventDeletes.isEmpty() && postDeletes.isEmpty() && checklistDeletes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlaybookRunUpdate(after.id(), after.updateAt(), changed, checklistDeletes,
                eventDeletes, postDeletes));
    }

    /** New entries and entries whose {@code delete_at} changed go into {@code changed}; vanished ids are returned. */
    private List<String> entries(JsonNode old, JsonNode now, ObjectNode changed, String key) {
        Map<String, JsonNode> oldById = byId(old);
        ArrayNode added = mapper.createArrayNode();
        Set<String> present = new HashSet<>();
        for (JsonNode entry : now) {
            String id = entry.path("id").asText();
            present.add(id);
            JsonNode previous = oldById.get(id);
            if (previous == null || !previous.path("delete_at").equals(entry.path("delete_at"))) {
                added.add(entry);
            }
        }
        if (!added.isEmpty()) {
            changed.set(key, added);
        }
        return oldById.keySet().stream().filter(id -> !present.contains(id)).toList();
    }

    private List<String> checklists(JsonNode old, JsonNode now, ObjectNode changed) {
        Map<String, JsonNode> oldById = byId(old);
        List<PlaybookRunUpdate.ChecklistUpdate> updates = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (JsonNode checklist : now) {
            String id = checklist.path("id").asText();
            present.add(id);
            checklistUpdate(oldById.get(id), checklist).ifPresent(updates::add);
        }
        if (!updates.isEmpty()) {
            changed.set("checklists", mapper.valueToTree(updates));
        }
        return oldById.keySet().stream().filter(id -> !present.contains(id)).toList();
    }

    private Optional<PlaybookRunUpdate.ChecklistUpdate> checklistUpdate(JsonNode old, JsonNode now) {
        String id = now.path("id").asText();
        long updatedAt = now.path("update_at").asLong();
        ObjectNode fields = mapper.createObjectNode();
        List<String> order = mapper.convertValue(now.path("items_order"),
                mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        if (old == null) {
            fields.set("title", now.path("title"));
            List<com.incidentconsole.wire.ChecklistItem> inserts = new ArrayList<>();
            now.path("items").forEach(i -> inserts.add(mapper.convertValue(i, com.incidentconsole.wire.ChecklistItem.class)));
            return Optional.of(new PlaybookRunUpdate.ChecklistUpdate(id, updatedAt, fields, List.of(), List.of(),
                    inserts, order));
        }
        for (String key : List.of("title", "update_at")) {
            if (!old.path(key).equals(now.path(key))) {
                fields.set(key, now.path(key));
            }
        }
        Map<String, JsonNode> oldItems = byId(old.path("items"));
        List<PlaybookRunUpdate.ItemUpdate> itemUpdates = new ArrayList<>();
        List<com.incidentconsole.wire.ChecklistItem> inserts = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (JsonNode item : now.path("items")) {
            String itemId = item.path("id").asText();
            present.add(itemId);
            JsonNode previous = oldItems.get(itemId);
            if (previous == null) {
                inserts.add(mapper.convertValue(item, com.incidentconsole.wire.ChecklistItem.class));
                continue;
            }
            ObjectNode itemFields = mapper.createObjectNode();
            for (String key : ITEM_KEYS) {
                if (!previous.path(key).equals(item.path(key))) {
                    itemFields.set(key, item.path(key));
                }
            }
            if (!itemFields.isEmpty()) {
                itemUpdates.add(new PlaybookRunUpdate.ItemUpdate(itemId, item.path("update_at").asLong(), itemFields));
            }
        }
        List<String> deletes = oldItems.keySet().stream().filter(i -> !present.contains(i)).toList();
        boolean reordered = !old.path("items_order").equals(now.path("items_order"));
        if (fields.isEmpty() && itemUpdates.isEmpty() && inserts.isEmpty() && deletes.isEmpty() && !reordered) {
            return Optional.empty();
        }
        return Optional.of(new PlaybookRunUpdate.ChecklistUpdate(id, updatedAt, fields, itemUpdates, deletes,
                inserts, reordered || !inserts.isEmpty() || !deletes.isEmpty() ? order : List.of()));
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(e -> map.put(e.path("id").asText(), e));
        return map;
    }

    private static Set<String> asSet(JsonNode array) {
        Set<String> set = new HashSet<>();
        array.forEach(e -> set.add(e.asText()));
        return set;
    }
}
