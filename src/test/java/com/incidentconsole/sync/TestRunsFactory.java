package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
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
}
