package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class RunLifecycleTest {

    SandboxFixture sandbox;
    SandboxServer server;
    Credentials c;
    Api api;
    String alex;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small().withIncrementalUpdates(true));
        server = sandbox.server();
        c = server.control().credentials();
        api = new Api(server.baseUrl(), c.token());
        alex = server.control().defaultUser().id();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    String incidentPlaybook() {
        JsonNode playbooks = api.getJson(Api.PLUGIN + "/playbooks?search_term=incident");
        return playbooks.path("items").get(0).path("id").asText();
    }

    @Test
    void createRunMakesChannelAndAnnouncesIt() throws Exception {
        String playbookId = incidentPlaybook();
        String teamId = api.getJson(Api.PLUGIN + "/playbooks/" + playbookId).path("team_id").asText();
        // A channel_name_template beats the typed name (resolveRunName); this test wants the typed one.
        assertEquals(204, api.send("PATCH", Api.PLUGIN + "/playbooks/" + playbookId, "{\"channel_name_template\":\"\"}")
                .statusCode());
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            HttpResponse<String> r = api.send("POST", Api.PLUGIN + "/runs", "{\"name\":\"Disk full on db-3\","
                    + "\"owner_user_id\":\"" + alex + "\",\"team_id\":\"" + teamId + "\",\"playbook_id\":\""
                    + playbookId + "\"}");
            assertEquals(201, r.statusCode());
            JsonNode run = Api.tree(r.body());
            assertEquals("/api/v0/runs/" + run.path("id").asText(), r.headers().firstValue("Location").orElseThrow());
            assertEquals("InProgress", run.path("current_status").asText());
            assertEquals("incident_created", run.path("timeline_events").get(0).path("event_type").asText());
            assertTrue(run.path("task_total").asInt() > 0);
            JsonNode created = ws.nextEvent("custom_playbooks_playbook_run_created");
            assertEquals(run.path("id").asText(), Api.tree(created.path("data").path("payload").asText())
                    .path("playbook_run").path("id").asText());
            JsonNode channel = api.getJson("/api/v4/channels/" + run.path("channel_id").asText());
            assertEquals("Disk full on db-3", channel.path("display_name").asText());
            assertEquals(run.path("id").asText(), api.getJson(Api.PLUGIN + "/runs/channel/"
                    + run.path("channel_id").asText()).path("id").asText());
        }
    }

    @Test
    void statusUpdatePostsAndRecordsTimeline() throws Exception {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            JsonNode ok = api.json("POST", Api.PLUGIN + "/runs/" + run.id() + "/status",
                    "{\"message\":\"Mitigated, monitoring.\",\"reminder\":1800}");
            assertEquals("OK", ok.path("status").asText());
            JsonNode posted = ws.nextEvent("posted");
            assertEquals("Mitigated, monitoring.", Api.tree(posted.path("data").path("post").asText())
                    .path("message").asText());
            // SetNewReminder publishes the reminder change, then UpdateStatus the timeline event.
            JsonNode reminder = Api.tree(ws.nextEvent("custom_playbooks_playbook_run_updated_incremental")
                    .path("data").path("payload").asText());
            assertEquals(1800L * 1_000_000_000L, reminder.path("changed_fields").path("previous_reminder").asLong());
            JsonNode delta = Api.tree(ws.nextEvent("custom_playbooks_playbook_run_updated_incremental")
                    .path("data").path("payload").asText());
            JsonNode event = delta.path("changed_fields").path("timeline_events").get(0);
            assertEquals("status_updated", event.path("event_type").asText());
            assertEquals("", event.path("summary").asText(), "the server leaves the summary to the webapp");
            assertEquals("", event.path("creator_user_id").asText());
            assertEquals(alex, event.path("subject_user_id").asText());
            JsonNode updates = api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/status-updates");
            assertEquals("Mitigated, monitoring.", updates.get(0).path("message").asText());
            assertEquals("alex.rivera", updates.get(0).path("author_user_name").asText());
            assertEquals(400, api.send("POST", Api.PLUGIN + "/runs/" + run.id() + "/status",
                    "{\"message\":\"x\",\"reminder\":0}").statusCode());

            String eventId = delta.path("changed_fields").path("timeline_events").get(0).path("id").asText();
            assertEquals(204, api.send("DELETE", Api.PLUGIN + "/runs/" + run.id() + "/timeline/" + eventId, null)
                    .statusCode());
            JsonNode deletion = Api.tree(ws.nextEvent("custom_playbooks_playbook_run_updated_incremental")
                    .path("data").path("payload").asText());
            assertEquals(eventId, deletion.path("timeline_event_deletes").get(0).asText());
        }
    }

    @Test
    void advancingTheClockFiresTheStatusReminder() throws Exception {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        api.json("POST", Api.PLUGIN + "/runs/" + run.id() + "/status", "{\"message\":\"ok\",\"reminder\":600}");
        assertEquals("", server.control().run(run.id()).orElseThrow().reminderPostId());
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            server.control().clock().advance(java.time.Duration.ofMinutes(9));
            assertEquals("", server.control().run(run.id()).orElseThrow().reminderPostId());
            server.control().clock().advance(java.time.Duration.ofMinutes(2));
            JsonNode post = Api.tree(ws.nextEvent("posted").path("data").path("post").asText());
            assertEquals("custom_update_status", post.path("type").asText());
            assertEquals(post.path("id").asText(), server.control().run(run.id()).orElseThrow().reminderPostId());
        }
    }

    @Test
    void checklistEditsKeepIdsAndOrder() {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        String base = Api.PLUGIN + "/runs/" + run.id() + "/checklists";
        assertEquals(201, api.send("POST", base + "/0/add", "{\"title\":\"Page the DBA\"}").statusCode());
        PlaybookRun added = server.control().run(run.id()).orElseThrow();
        var items = added.checklists().get(0).items();
        assertEquals("Page the DBA", items.get(items.size() - 1).title());
        assertEquals(26, items.get(items.size() - 1).id().length());
        assertEquals(run.taskTotal() + 1, added.taskTotal());
        assertEquals(200, api.send("POST", base + "/move-item", "{\"source_checklist_idx\":0,\"source_item_idx\":"
                + (items.size() - 1) + ",\"dest_checklist_idx\":1,\"dest_item_idx\":0}").statusCode());
        PlaybookRun moved = server.control().run(run.id()).orElseThrow();
        assertEquals("Page the DBA", moved.checklists().get(1).items().get(0).title());
        assertEquals(moved.checklists().get(1).items().get(0).id(), moved.checklists().get(1).itemsOrder().get(0));
        assertEquals(204, api.send("DELETE", base + "/1/item/0", null).statusCode());
        assertEquals(201, api.send("POST", base, "{\"title\":\"Follow-up\"}").statusCode());
        PlaybookRun withChecklist = server.control().run(run.id()).orElseThrow();
        assertEquals("Follow-up", withChecklist.checklists().get(withChecklist.checklists().size() - 1).title());
        assertEquals(withChecklist.checklists().size(), withChecklist.itemsOrder().size());
        assertEquals(500, api.send("PUT", base + "/99/item/0/state", "{\"new_state\":\"closed\"}").statusCode());
        assertEquals(404, api.send("PUT", base + "/x/item/0/state", "{\"new_state\":\"closed\"}").statusCode());
    }

    @Test
    void participantsAreManagedThroughGraphQl() throws Exception {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        var newcomer = server.control().users().stream()
                .filter(u -> server.control().isTeamMember(run.teamId(), u.id()))
                .filter(u -> !run.participantIds().contains(u.id())).findFirst().orElseThrow();
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), server.control().tokenFor(newcomer.username()))) {
            ws.next();
            String add = "{\"operationName\":\"AddRunParticipants\",\"query\":\"mutation AddRunParticipants("
                    + "$runID: String!, $userIDs: [String!]!) { addRunParticipants(runID: $runID, userIDs: $userIDs) }\","
                    + "\"variables\":{\"runID\":\"" + run.id() + "\",\"userIDs\":[\"" + newcomer.id() + "\"]}}";
            JsonNode result = api.json("POST", Api.PLUGIN + "/query", add);
            assertEquals("", result.path("data").path("addRunParticipants").asText());
            assertEquals("user_added", ws.next().path("event").asText());
            JsonNode update = Api.tree(ws.nextEvent("custom_playbooks_playbook_run_updated_incremental")
                    .path("data").path("payload").asText());
            assertTrue(RunsListTest.ids(update.path("changed_fields").path("participant_ids"))
                    .contains(newcomer.id()));
            PlaybookRun after = server.control().run(run.id()).orElseThrow();
            assertTrue(after.participantIds().contains(newcomer.id()));
            assertEquals("participants_changed",
                    after.timelineEvents().get(after.timelineEvents().size() - 1).eventType());
            String remove = add.replace("AddRunParticipants", "RemoveRunParticipants")
                    .replace("addRunParticipants", "removeRunParticipants");
            api.json("POST", Api.PLUGIN + "/query", remove);
            assertTrue(!server.control().run(run.id()).orElseThrow().participantIds().contains(newcomer.id()));
            assertEquals("", api.send("POST", Api.PLUGIN + "/query", "{\"query\":\"{ x }\"}").body());
        }
    }

    @Test
    void graphQlUpdateRunAndPlaybookPatch() {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        String update = "{\"operationName\":\"UpdateRun\",\"query\":\"mutation UpdateRun($id: String!, $updates: "
                + "RunUpdates!) { updateRun(id: $id, updates: $updates) }\",\"variables\":{\"id\":\"" + run.id()
                + "\",\"updates\":{\"summary\":\"Root cause: expired cert\",\"broadcastChannelIDs\":[]}}}";
        // UpdateRun answers the run id (graphql_root_run.go UpdateRun returns playbookRun.ID).
        assertEquals(run.id(), api.json("POST", Api.PLUGIN + "/query", update).path("data").path("updateRun").asText());
        assertEquals("Root cause: expired cert", server.control().run(run.id()).orElseThrow().summary());

        String taken = api.getJson(Api.PLUGIN + "/playbooks/" + run.playbookId()).path("run_number_prefix").asText();
        String other = api.getJson(Api.PLUGIN + "/playbooks?team_id=" + run.teamId()).path("items").findValues("id")
                .stream().map(JsonNode::asText).filter(id -> !id.equals(run.playbookId())).findFirst().orElseThrow();
        assertEquals(409, api.send("PATCH", Api.PLUGIN + "/playbooks/" + other,
                "{\"run_number_prefix\":\"" + taken + "\"}").statusCode());
        assertEquals(400, api.send("PATCH", Api.PLUGIN + "/playbooks/" + other, "{\"title\":\"x\"}").statusCode());
        assertEquals(204, api.send("PATCH", Api.PLUGIN + "/playbooks/" + other,
                "{\"channel_name_template\":\"Incident: {name}\"}").statusCode());
        assertEquals(400, api.send("POST", Api.PLUGIN + "/runs/" + run.id() + "/checklists/0/item/1/run", "{}")
                .statusCode());
    }

    @Test
    void aStatusUpdateIsRepeatedInTheRunsBroadcastChannels() {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        String announce = api.getJson("/api/v4/users/me/teams/" + run.teamId() + "/channels").findValues("id").stream()
                .map(JsonNode::asText).filter(id -> !id.equals(run.channelId())).findFirst().orElseThrow();
        String update = "{\"operationName\":\"UpdateRun\",\"query\":\"mutation UpdateRun($id: String!, $updates: "
                + "RunUpdates!) { updateRun(id: $id, updates: $updates) }\",\"variables\":{\"id\":\"" + run.id()
                + "\",\"updates\":{\"broadcastChannelIDs\":[\"" + announce + "\"],"
                + "\"statusUpdateBroadcastChannelsEnabled\":true}}}";
        api.json("POST", Api.PLUGIN + "/query", update);

        assertEquals(200, api.send("POST", Api.PLUGIN + "/runs/" + run.id() + "/status",
                "{\"message\":\"Mitigated: traffic drained from eu-west\",\"reminder\":900}").statusCode());

        JsonNode posts = api.getJson("/api/v4/channels/" + announce + "/posts").path("posts");
        JsonNode repeated = java.util.stream.StreamSupport.stream(posts.spliterator(), false)
                .filter(p -> p.path("message").asText().equals("Mitigated: traffic drained from eu-west"))
                .findFirst().orElseThrow(() -> new AssertionError("no broadcast post in " + announce));
        assertEquals(run.id(), repeated.path("props").path("playbookRunId").asText());
        assertEquals("playbooks", server.control().users().stream()
                .filter(u -> u.id().equals(repeated.path("user_id").asText())).findFirst().orElseThrow().username(),
                "the plugin bot announces it");
    }

    @Test
    void playbookStatsCountTheRunsOfThatPlaybook() {
        String playbookId = incidentPlaybook();
        long inProgress = server.control().runs().stream()
                .filter(r -> r.playbookId().equals(playbookId) && !r.isFinished()).count();
        JsonNode stats = api.getJson(Api.PLUGIN + "/stats/playbook?playbook_id=" + playbookId);

        assertEquals(inProgress, stats.path("runs_in_progress").asLong());
        assertEquals(12, stats.path("runs_started_per_week").size());
        assertEquals(12, stats.path("runs_started_per_week_times").size());
        assertEquals(14, stats.path("active_runs_per_day").size());
        int metrics = api.getJson(Api.PLUGIN + "/playbooks/" + playbookId).path("metrics").size();
        assertEquals(metrics, stats.path("metric_overall_average").size());
        assertEquals(metrics, stats.path("metric_value_range").size());
        assertEquals(403, api.send("GET", Api.PLUGIN + "/stats/playbook?playbook_id=nosuchplaybook00000000000",
                null).statusCode(), "unknown or invisible playbooks are refused like any other");
        assertEquals(400, api.send("GET", Api.PLUGIN + "/stats/playbook", null).statusCode(),
                "parsePlaybookStatsFilters: playbook_id is required");
    }

    @Test
    void playbookArchiveIsAnnouncedToTheTeam() throws Exception {
        String playbookId = incidentPlaybook();
        String teamId = api.getJson(Api.PLUGIN + "/playbooks/" + playbookId).path("team_id").asText();
        // A channel_name_template beats the typed name (resolveRunName); this test wants the typed one.
        assertEquals(204, api.send("PATCH", Api.PLUGIN + "/playbooks/" + playbookId, "{\"channel_name_template\":\"\"}")
                .statusCode());
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            assertEquals(204, api.send("DELETE", Api.PLUGIN + "/playbooks/" + playbookId, null).statusCode());
            JsonNode archived = ws.nextEvent("custom_playbooks_playbook_archived");
            assertEquals(teamId, Api.tree(archived.path("data").path("payload").asText()).path("teamID").asText());
            JsonNode export = api.getJson(Api.PLUGIN + "/playbooks/" + playbookId + "/export");
            assertEquals(1, export.path("version").asInt());
            assertTrue(export.path("id").isMissingNode());
            HttpResponse<String> imported = api.send("POST", Api.PLUGIN + "/playbooks/import?team_id=" + teamId,
                    export.toString());
            assertEquals(201, imported.statusCode());
            String newId = Api.tree(imported.body()).path("id").asText();
            assertEquals(export.path("title").asText(), api.getJson(Api.PLUGIN + "/playbooks/" + newId)
                    .path("title").asText());
        }
    }

    @Test
    void statusUpdatesListNewestFirstWithAuthorNames() {
        PlaybookRun run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
        int before = api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/status-updates").size();
        api.json("POST", Api.PLUGIN + "/runs/" + run.id() + "/status", "{\"message\":\"first\",\"reminder\":600}");
        server.control().clock().advance(java.time.Duration.ofMinutes(1));
        api.json("POST", Api.PLUGIN + "/runs/" + run.id() + "/status", "{\"message\":\"second\",\"reminder\":600}");
        JsonNode updates = api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/status-updates");
        assertEquals(before + 2, updates.size());
        assertEquals("second", updates.get(0).path("message").asText());
        assertEquals("first", updates.get(1).path("message").asText());
        assertEquals("alex.rivera", updates.get(0).path("author_user_name").asText());
        for (int k = 1; k < updates.size(); k++) {
            assertTrue(updates.get(k - 1).path("create_at").asLong() >= updates.get(k).path("create_at").asLong());
        }
    }
}
