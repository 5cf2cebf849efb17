package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;

/** Small runs for sync tests, changed the way the server changes them (new state, later update_at). */
final class TestRunsFactory {

    private static final JsonMapper MAPPER = WireJson.newMapper();

    private TestRunsFactory() {
    }

    static PlaybookRun run(String id) {
        try {
            return MAPPER.readValue("""
                    {"id":"%s","name":"Checkout latency spike","owner_user_id":"u1","update_at":1000,
                     "current_status":"InProgress",
                     "checklists":[{"id":"c1","title":"Triage","items":[
                        {"id":"i1","title":"Page the on-call DBA","state":""},
                        {"id":"i2","title":"Open a bridge","state":""}]}]}
                    """.formatted(id), PlaybookRun.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PlaybookRun withItemState(PlaybookRun run, int c, int i, String state) {
        ObjectNode tree = MAPPER.valueToTree(run);
        ((ObjectNode) tree.withArray("checklists").get(c).withArray("items").get(i)).put("state", state);
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun withOwner(PlaybookRun run, String owner) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("owner_user_id", owner);
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    /**
     * Another user changes an item's state as the plugin records it: {@code state_modified} set, and a
     * {@code task_state_modified} event at that instant whose subject is the acting user.
     */
    static PlaybookRun changedBy(PlaybookRun run, int c, int i, String state, String userId, long at) {
        ObjectNode tree = MAPPER.valueToTree(run);
        ObjectNode item = (ObjectNode) tree.withArray("checklists").get(c).withArray("items").get(i);
        item.put("state", state).put("state_modified", at);
        event(tree, TimelineEvent.TASK_STATE_MODIFIED, "changed checklist item **" + item.path("title").asText() + "**",
                userId, at);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    /** Another user makes someone the owner (the plugin's event: subject = the acting user). */
    static PlaybookRun ownerChangedBy(PlaybookRun run, String newOwner, String userId, long at) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("owner_user_id", newOwner);
        event(tree, TimelineEvent.OWNER_CHANGED, "@someone to @someone-else", userId, at);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun finishedBy(PlaybookRun run, String userId, long at) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("current_status", PlaybookRun.STATUS_FINISHED).put("end_at", at);
        event(tree, TimelineEvent.RUN_FINISHED, "marked the run as finished", userId, at);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun restoredBy(PlaybookRun run, String userId, long at) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("current_status", PlaybookRun.STATUS_IN_PROGRESS).put("end_at", 0);
        event(tree, TimelineEvent.RUN_RESTORED, "restored the run", userId, at);
        tree.put("update_at", Math.max(at, run.updateAt() + 1));
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun withoutItem(PlaybookRun run, int c, int i) {
        ObjectNode tree = MAPPER.valueToTree(run);
        ((ArrayNode) tree.withArray("checklists").get(c).withArray("items")).remove(i);
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    // runops (ADR 0025)

    static PlaybookRun withParticipants(PlaybookRun run, String userId, boolean participating) {
        ObjectNode tree = MAPPER.valueToTree(run);
        ArrayNode ids = tree.putArray("participant_ids");
        run.participantIds().stream().filter(id -> !id.equals(userId)).forEach(ids::add);
        if (participating) {
            ids.add(userId);
        }
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun patched(PlaybookRun run, String name, String summary) {
        ObjectNode tree = MAPPER.valueToTree(run);
        if (name != null) {
            tree.put("name", name.strip());
        }
        if (summary != null) {
            tree.put("summary", summary.strip()).put("summary_modified_at", run.updateAt() + 1);
        }
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun ofPlaybook(PlaybookRun run, String playbookId) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("playbook_id", playbookId);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    static PlaybookRun started(String id, String teamId, String name, String reporter, long createAt) {
        ObjectNode tree = MAPPER.valueToTree(run(id));
        tree.put("team_id", teamId).put("name", name).put("reporter_user_id", reporter).put("owner_user_id", reporter)
                .put("playbook_id", "pb1")
                .put("create_at", createAt).put("update_at", createAt);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    private static void event(ObjectNode run, String type, String summary, String userId, long at) {
        ArrayNode events = run.withArray("timeline_events");
        events.addObject().put("id", "e" + events.size()).put("event_at", at).put("create_at", at)
                .put("event_type", type).put("summary", summary).put("subject_user_id", userId);
    }
}
