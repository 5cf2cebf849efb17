package com.incidentconsole.playbook.library.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.wire.WireJson;
import org.junit.jupiter.api.Test;

class PushPlannerTest {

    private final PushPlanner planner = new PushPlanner(new PlaybookParser());
    private final PlaybookFile pulled = Fixtures.file(Fixtures.INCIDENT);
    private final SyncRecord record = new SyncRecord("https://chat.example.com", "pb1", 1000,
            Fixtures.text(Fixtures.INCIDENT));

    @Test
    void unchangedOnBothSidesNeedsNothing() throws Exception {
        assertInstanceOf(PushPlan.NothingToPush.class, planner.plan(record, pulled, 1000, pulled));
    }

    @Test
    void localEditWithAQuietServerIsPushedAsIs() throws Exception {
        PlaybookFile mine = pulled.withTitle("Sev incidents");
        assertEquals(new PushPlan.Push(mine), planner.plan(record, mine, 1000, pulled));
    }

    @Test
    void serverOnlyChangeIsTakenNotOverwritten() throws Exception {
        PlaybookFile theirs = pulled.withItem(0, 1, ItemField.COMMAND, "/meet start");
        assertEquals(new PushPlan.TakeTheirs(theirs, 2000), planner.plan(record, pulled, 2000, theirs));
    }

    @Test
    void bothChangedMeansMerge() throws Exception {
        PlaybookFile mine = pulled.withTitle("Sev incidents");
        PlaybookFile theirs = pulled.withItem(0, 1, ItemField.COMMAND, "/meet start");
        PushPlan.Merge merge = assertInstanceOf(PushPlan.Merge.class, planner.plan(record, mine, 2000, theirs));
        assertTrue(merge.result().isClean());
        assertEquals("Sev incidents", merge.result().merged().title());
        assertEquals("/meet start", merge.result().merged().checklists().get(0).items().get(1).command());
    }

    @Test
    void overlayKeepsServerOnlyPartsAndResetsFieldsTheFileOmits() throws Exception {
        ObjectNode server = (ObjectNode) WireJson.newMapper().readTree("""
                {"id":"pb1","team_id":"t1","title":"Old","members":[{"user_id":"u1"}],"auto_archive_channel":true,
                 "checklists":[{"id":"cl1","title":"Setup for triage","items":[
                   {"id":"i1","title":"Start bridge call","command":"/zoom start","task_actions":[{"x":1}]}]}],
                 "metrics":[{"id":"m1","playbook_id":"pb1","title":"Time to resolve","type":"metric_duration"}]}
                """);
        PlaybookFile file = pulled.withItem(0, 1, ItemField.COMMAND, "/meet start");

        ObjectNode body = new ExportOverlay().toFullPlaybook(server, file);

        assertEquals("pb1", body.get("id").asText());
        assertEquals("t1", body.get("team_id").asText());
        assertEquals(1, body.get("members").size());
        assertEquals("Incident Resolution", body.get("title").asText());
        assertFalse(body.get(PlaybookSetting.AUTO_ARCHIVE_CHANNEL.key()).asBoolean(), "absent in file = zero");
        assertEquals("create_new_channel", body.get("channel_mode").asText());
        assertFalse(body.has("version"));
        ObjectNode item = (ObjectNode) body.get("checklists").get(0).get("items").get(1);
        assertEquals("i1", item.get("id").asText());
        assertEquals("/meet start", item.get("command").asText());
        assertEquals(1, item.get("task_actions").size());
        assertEquals("cl1", body.get("checklists").get(0).get("id").asText());
        assertEquals("m1", body.get("metrics").get(0).get("id").asText());
        assertEquals(14_400_000L, body.get("metrics").get(0).get("target").asLong());
    }
}
