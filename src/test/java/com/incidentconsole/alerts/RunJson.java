package com.incidentconsole.alerts;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;

/**
 * A run as the server sends it, edited field by field: each change gives a new record, the way the next
 * {@code playbook_run_updated} would. Through the app's own mapper, so defaults are the wire's.
 */
final class RunJson {

    static final JsonMapper JSON = WireJson.newMapper();

    private final ObjectNode tree;

    private RunJson(ObjectNode tree) {
        this.tree = tree;
    }

    /** An in-progress run with status updates every {@code reminderMinutes}, last one at {@code created}. */
    static RunJson run(String id, String owner, String reporter, String team, Instant created, long reminderMinutes) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("name", "Run " + id).put("owner_user_id", owner).put("reporter_user_id", reporter)
                .put("team_id", team).put("playbook_id", "pb-" + id)
                .put("current_status", PlaybookRun.STATUS_IN_PROGRESS).put("create_at", created.toEpochMilli())
                .put("update_at", created.toEpochMilli()).put("last_status_update_at", created.toEpochMilli())
                .put("status_update_enabled", true).put("previous_reminder", reminderMinutes * 60_000_000_000L)
                .put("reminder_timer_default_seconds", reminderMinutes * 60);
        t.putArray("timeline_events");
        t.putArray("checklists").addObject().put("id", "c1").put("title", "Triage").putArray("items");
        return new RunJson(t);
    }

    RunJson copy() {
        return new RunJson(tree.deepCopy());
    }

    RunJson set(String field, Object value) {
        RunJson next = copy();
        next.tree.set(field, JSON.valueToTree(value));
        return next;
    }

    RunJson updatedAt(Instant at) {
        return set("update_at", at.toEpochMilli());
    }

    RunJson item(String id, String title, String assignee, Instant assignedAt) {
        RunJson next = copy();
        ArrayNode items = (ArrayNode) next.tree.path("checklists").get(0).path("items");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                items.remove(i);
                break;
            }
        }
        items.addObject().put("id", id).put("title", title).put("state", "").put("assignee_id", assignee)
                .put("assignee_modified", assignedAt.toEpochMilli());
        return next;
    }

    RunJson event(String id, String type, Instant at, String subject, String creator) {
        RunJson next = copy();
        ((ArrayNode) next.tree.path("timeline_events")).addObject().put("id", id).put("event_type", type)
                .put("event_at", at.toEpochMilli()).put("create_at", at.toEpochMilli())
                .put("subject_user_id", subject).put("creator_user_id", creator);
        return next;
    }

    PlaybookRun record() {
        return JSON.convertValue(tree, PlaybookRun.class);
    }
}
