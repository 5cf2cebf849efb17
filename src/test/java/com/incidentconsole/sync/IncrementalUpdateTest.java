package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.WireJson;
import org.junit.jupiter.api.Test;

class IncrementalUpdateTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final IncrementalUpdate incremental = new IncrementalUpdate(mapper);

    private static final String RUN = """
            {"id":"run1","name":"Checkout latency spike","owner_user_id":"u1","update_at":1000,
             "current_status":"InProgress","task_total":3,"task_completed":0,
             "checklists":[
               {"id":"c1","title":"Triage","items_order":["i1","i2"],"items":[
                  {"id":"i1","title":"Page the on-call DBA","state":""},
                  {"id":"i2","title":"Open a bridge","state":""}]},
               {"id":"c2","title":"Resolve","items_order":["i3"],"items":[
                  {"id":"i3","title":"Roll back","state":""}]}],
             "timeline_events":[{"id":"t1","event_at":900,"event_type":"incident_created"}],
             "items_order":["c1","c2"]}
            """;

    private PlaybookRun run() throws Exception {
        return mapper.readValue(RUN, PlaybookRun.class);
    }

    private PlaybookRunUpdate update(String json) throws Exception {
        return mapper.readValue(json, PlaybookRunUpdate.class);
    }

    @Test
    void itemStateAndCountersChangeAsTheServerSays() throws Exception {
        PlaybookRun updated = incremental.apply(run(), update("""
                {"id":"run1","playbook_run_updated_at":2000,
                 "changed_fields":{"task_completed":1,
                   "checklists":[{"id":"c1","checklist_updated_at":2000,"fields":{},
                     "item_updates":[{"id":"i2","checklist_item_updated_at":2000,
                                      "fields":{"state":"closed","state_modified":2000}}]}],
                   "timeline_events":[{"id":"t2","event_at":2000,"event_type":"task_state_modified",
                                       "summary":"checked off checklist item **Open a bridge**"}]}}
                """)).orElseThrow();

        assertEquals(ChecklistItem.CLOSED, updated.item(0, 1).orElseThrow().state());
        assertEquals(ChecklistItem.OPEN, updated.item(0, 0).orElseThrow().state());
        assertEquals(1, updated.taskCompleted());
        assertEquals(2000, updated.updateAt());
        assertEquals(2, updated.timelineEvents().size());
        assertEquals("t2", updated.timelineEvents().get(1).id());
    }

    @Test
    void olderDeltaIsIgnored() throws Exception {
        assertTrue(incremental.apply(run(), update("""
                {"id":"run1","playbook_run_updated_at":500,"changed_fields":{"name":"stale"}}
                """)).isEmpty());
    }

    @Test
    void insertsDeletesAndReordersItemsAndChecklists() throws Exception {
        PlaybookRun updated = incremental.apply(run(), update("""
                {"id":"run1","playbook_run_updated_at":2000,
                 "changed_fields":{"items_order":["c2","c1","c3"],
                   "checklists":[
                     {"id":"c1","fields":{"title":"Triage now"},"item_deletes":["i1"],
                      "item_inserts":[{"id":"i9","title":"Post in #status","state":""}],
                      "items_order":["i9","i2"]},
                     {"id":"c3","fields":{"title":"Follow up"},
                      "item_inserts":[{"id":"i10","title":"Write the retro","state":""}]}]},
                 "timeline_event_deletes":["t1"]}
                """)).orElseThrow();

        assertEquals("Resolve", updated.checklists().get(0).title());
        assertEquals("Triage now", updated.checklists().get(1).title());
        assertEquals("Follow up", updated.checklists().get(2).title());
        assertEquals("i9", updated.checklists().get(1).items().get(0).id());
        assertEquals("i2", updated.checklists().get(1).items().get(1).id());
        assertEquals(0, updated.timelineEvents().size());
    }

    @Test
    void updateForAnUnknownItemAsksForARefetch() throws Exception {
        assertThrows(IncrementalUpdate.Mismatch.class, () -> incremental.apply(run(), update("""
                {"id":"run1","playbook_run_updated_at":2000,
                 "changed_fields":{"checklists":[{"id":"c1","item_updates":[{"id":"nope","fields":{"state":"closed"}}]}]}}
                """)));
    }
}
