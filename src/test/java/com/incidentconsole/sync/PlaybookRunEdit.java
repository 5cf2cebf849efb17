package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;

/** A run changed as a colleague or the server would change an item's fields, for the checklist kinds' tests. */
record PlaybookRunEdit(PlaybookRun run) {

    private static final JsonMapper MAPPER = WireJson.newMapper();

    PlaybookRun assign(int c, int i, String userId) {
        return change(c, i, item -> item.put("assignee_id", userId));
    }

    PlaybookRun lastRun(int c, int i, long at) {
        return change(c, i, item -> item.put("command_last_run", at));
    }

    private PlaybookRun change(int c, int i, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode tree = MAPPER.valueToTree(run);
        edit.accept((ObjectNode) tree.withArray("checklists").get(c).withArray("items").get(i));
        tree.put("update_at", run.updateAt() + 1);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }
}
