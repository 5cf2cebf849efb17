package com.incidentconsole.uitest;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made wire records for UI tests. Records are built from snake_case maps through the app's own
 * Jackson configuration, so tests name only the fields they care about and get server-like defaults.
 */
public final class TestRuns {

    private static final JsonMapper JSON = WireJson.newMapper();

    private TestRuns() {
    }

    public static User user(String id, String username, String first, String last) {
        return JSON.convertValue(Map.of("id", id, "username", username, "first_name", first, "last_name", last), User.class);
    }

    public static Playbook playbook(String id, String title) {
        return JSON.convertValue(Map.of("id", id, "title", title), Playbook.class);
    }

    public static ChecklistItem item(String id, String title, String state, String assigneeId, long dueDate, String command) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("title", title);
        fields.put("state", state);
        fields.put("assignee_id", assigneeId);
        fields.put("due_date", dueDate);
        fields.put("command", command);
        return JSON.convertValue(fields, ChecklistItem.class);
    }

    public static ChecklistItem item(String id, String title, String state) {
        return item(id, title, state, "", 0, "");
    }

    public static Checklist checklist(String id, String title, ChecklistItem... items) {
        return Checklist.of(id, title, Arrays.asList(items), 0);
    }

    public static TimelineEvent event(String id, long at, String type, String summary, String creatorId) {
        return JSON.convertValue(Map.of("id", id, "event_at", at, "event_type", type, "summary", summary,
                "creator_user_id", creatorId), TimelineEvent.class);
    }

    /** A run with the server's derived counters (task_total, task_completed) computed from its checklists. */
    public static PlaybookRun run(RunSpec spec) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", spec.id);
        fields.put("name", spec.name);
        fields.put("summary", spec.summary);
        fields.put("owner_user_id", spec.ownerId);
        fields.put("playbook_id", spec.playbookId);
        fields.put("current_status", spec.finished ? PlaybookRun.STATUS_FINISHED : PlaybookRun.STATUS_IN_PROGRESS);
        fields.put("create_at", spec.createAt);
        fields.put("update_at", spec.createAt);
        fields.put("end_at", spec.finished ? spec.createAt + 3_600_000 : 0);
        fields.put("last_status_update_at", spec.lastStatusUpdateAt);
        fields.put("participant_ids", spec.participants);
        fields.put("timeline_events", spec.events);
        fields.put("checklists", spec.checklists);
        fields.put("type", PlaybookRun.TYPE_PLAYBOOK);
        fields.put("status_update_enabled", spec.reminderMinutes > 0);
        fields.put("previous_reminder", spec.reminderMinutes * 60_000_000_000L);
        ObjectNode tree = JSON.valueToTree(fields);
        withCounters(tree, spec.checklists);
        return JSON.convertValue(tree, PlaybookRun.class);
    }

    public static PlaybookRun withItemState(PlaybookRun run, String itemId, String state, long at) {
        List<Checklist> checklists = new ArrayList<>();
        for (Checklist checklist : run.checklists()) {
            checklists.add(checklist.withItems(checklist.items().stream()
                    .map(i -> i.id().equals(itemId) ? i.withState(state, at) : i).toList(), at));
        }
        ObjectNode tree = JSON.valueToTree(run);
        tree.set("checklists", JSON.valueToTree(checklists));
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        withCounters(tree, checklists);
        return JSON.convertValue(tree, PlaybookRun.class);
    }

    public static PlaybookRun withOwner(PlaybookRun run, String ownerId, long at) {
        ObjectNode tree = JSON.valueToTree(run);
        tree.put("owner_user_id", ownerId);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return JSON.convertValue(tree, PlaybookRun.class);
    }

    /** The run finished ({@code Finished}) or in progress again, as the server shows it after the change. */
    public static PlaybookRun withStatus(PlaybookRun run, String status, long at) {
        ObjectNode tree = JSON.valueToTree(run);
        tree.put("current_status", status);
        tree.put("end_at", PlaybookRun.STATUS_FINISHED.equals(status) ? at : 0);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return JSON.convertValue(tree, PlaybookRun.class);
    }

    private static void withCounters(ObjectNode tree, List<Checklist> checklists) {
        long total = checklists.stream().flatMap(c -> c.items().stream()).filter(i -> !i.isHidden()).count();
        long done = checklists.stream().flatMap(c -> c.items().stream()).filter(i -> !i.isHidden() && !i.isOpen()).count();
        tree.put("task_total", total);
        tree.put("task_completed", done);
    }

    /** The fields a test sets on a run; everything else takes the server's empty defaults. */
    public static final class RunSpec {
        final String id;
        final String name;
        String summary = "";
        String ownerId = "";
        String playbookId = "";
        boolean finished;
        long createAt;
        long lastStatusUpdateAt;
        List<String> participants = List.of();
        List<TimelineEvent> events = List.of();
        List<Checklist> checklists = List.of();
        long reminderMinutes;

        public RunSpec(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public RunSpec summary(String text) { summary = text; return this; }
        public RunSpec owner(String id) { ownerId = id; return this; }
        public RunSpec playbook(String id) { playbookId = id; return this; }
        public RunSpec finished() { finished = true; return this; }
        public RunSpec createdAt(long at) { createAt = at; return this; }
        public RunSpec lastStatusUpdateAt(long at) { lastStatusUpdateAt = at; return this; }
        public RunSpec participants(String... ids) { participants = List.of(ids); return this; }
        public RunSpec events(TimelineEvent... list) { events = List.of(list); return this; }
        public RunSpec updateEvery(long minutes) { reminderMinutes = minutes; return this; }
        public RunSpec checklists(Checklist... list) { checklists = List.of(list); return this; }
    }
}
