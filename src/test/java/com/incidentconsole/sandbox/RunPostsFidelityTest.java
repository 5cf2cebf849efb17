package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.Mutations.RUN_UPDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retrospective, finish/restore/request-update/toggle posts, broadcasts, channel routes, timeline
 * delete and PATCH against the plugin source (audit rows H#3, H#7, H#8, M#18, M#20-M#23, L#31, L#38).
 */
@BesideOtherTests
class RunPostsFidelityTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    final RunScene scene = new RunScene(SANDBOX);

    @Test
    void cancellingTheRetrospectivePublishesTheCanonicalText() throws Exception {
        JsonNode run = scene.run();
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            HttpResponse<String> r = scene.alex.send("POST", scene.path(run, "/no-retrospective-button"), null);
            assertEquals(200, r.statusCode());
            assertEquals("null\n", r.body(), "ReturnJSON(w, nil, 200): json.Encoder ends with a newline");
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED), Sockets.names(events));
            JsonNode post = Sockets.post(events.get(0));
            assertEquals(scene.botId, post.path("user_id").asText());
            assertEquals("@channel Retrospective for " + RunScene.link(run) + " has been canceled by @alex.rivera\n",
                    post.path("message").asText());
        }
        JsonNode after = scene.get(run);
        assertEquals("No retrospective for this run.", after.path("retrospective").asText());
        assertEquals(SANDBOX.control().clock().millis(), after.path("retrospective_published_at").asLong());
        assertTrue(after.path("retrospective_was_canceled").asBoolean());
        JsonNode event = RunScene.lastTimeline(after);
        assertEquals("canceled_retrospective", event.path("event_type").asText());
        assertEquals("", event.path("summary").asText());
        assertEquals(scene.alexId, event.path("subject_user_id").asText());
    }

    @Test
    void publishingPostsTheCustomRetroWithItsProps() throws Exception {
        JsonNode run = scene.run();
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            assertEquals(200, scene.alex.send("POST", scene.path(run, "/retrospective/publish"),
                    "{\"retrospective\":\"Went well\",\"metrics\":[]}").statusCode());
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED), Sockets.names(events));
            JsonNode post = Sockets.post(events.get(0));
            assertEquals("custom_retro", post.path("type").asText());
            assertEquals(scene.botId, post.path("user_id").asText());
            assertEquals("null", post.path("props").path("metricsData").asText());
            assertEquals("Went well", post.path("props").path("retrospectiveText").asText());
            assertTrue(post.path("message").asText().startsWith("@channel Retrospective for " + RunScene.link(run)
                    + " has been published by @alex.rivera\n"));
        }
        assertEquals("published_retrospective", RunScene.lastTimeline(scene.get(run)).path("event_type").asText());
        assertEquals(400, scene.alex.send("POST", scene.path(run, "/retrospective/publish"), "{").statusCode());
    }

    @Test
    void onlyTheOwnerTogglesTheRetrospectiveAndTheFieldIsRequired() {
        User owner = scene.outsiders(scene.run().path("channel_id").asText()).get(0);
        JsonNode run = scene.run(scene.playbookId, owner.id(), "");
        HttpResponse<String> missing = scene.alex.send("PUT", scene.path(run, "/retrospective-enabled"), "{}");
        assertEquals(400, missing.statusCode());
        assertEquals("{\"error\":\"retrospective_enabled is required\"}", missing.body());
        assertEquals(403, scene.alex.send("PUT", scene.path(run, "/retrospective-enabled"),
                "{\"retrospective_enabled\":false}").statusCode(), "alex participates but does not own the run");
        assertTrue(scene.get(run).path("retrospective_enabled").asBoolean());
        assertEquals(200, scene.as(owner).send("PUT", scene.path(run, "/retrospective-enabled"),
                "{\"retrospective_enabled\":false}").statusCode());
        assertEquals("retrospective_disabled", RunScene.lastTimeline(scene.get(run)).path("event_type").asText());
    }

    @Test
    void finishRestoreRequestAndToggleAreBotPostsWithTheRealTexts() throws Exception {
        JsonNode run = scene.run();
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            scene.alex.json("PUT", scene.path(run, "/finish"), null);
            List<JsonNode> finish = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", "posted", RUN_UPDATED), Sockets.names(finish));
            assertEquals("@alex.rivera marked " + RunScene.link(run) + " as finished.",
                    Sockets.post(finish.get(0)).path("message").asText());
            JsonNode retro = Sockets.post(finish.get(1));
            assertEquals("custom_retro_rem_first", retro.path("type").asText());
            assertEquals("@channel Reminder to [fill out the retrospective](/playbooks/runs/" + run.path("id").asText()
                    + "/retrospective).", retro.path("message").asText());

            SANDBOX.control().clock().advance(Duration.ofMinutes(5));
            scene.alex.json("PUT", scene.path(run, "/restore"), null);
            List<JsonNode> restore = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED), Sockets.names(restore));
            assertEquals("@alex.rivera changed the status of " + RunScene.link(run) + " from Finished to In Progress.",
                    Sockets.post(restore.get(0)).path("message").asText());
            assertEquals(SANDBOX.control().clock().millis(), scene.get(run).path("last_status_update_at").asLong(),
                    "store.RestorePlaybookRun sets LastStatusUpdateAt");

            scene.alex.send("POST", scene.path(run, "/request-update"), null);
            List<JsonNode> request = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED), Sockets.names(request));
            JsonNode asked = Sockets.post(request.get(0));
            assertEquals(scene.botId, asked.path("user_id").asText());
            assertEquals("@here — @alex.rivera requested a status update for " + RunScene.link(run) + ". \n",
                    asked.path("message").asText());

            for (int k = 0; k < 2; k++) {
                scene.alex.json("PUT", scene.path(run, "/status-update-enabled"), "{\"status_enabled\":false}");
                List<JsonNode> toggle = RunScene.of(run, Sockets.untilBarrier(member));
                assertEquals(List.of("posted", RUN_UPDATED), Sockets.names(toggle), "no idempotency check, pass " + k);
                assertEquals("@alex.rivera disabled the status updates for " + RunScene.link(run),
                        Sockets.post(toggle.get(0)).path("message").asText());
            }
        }
    }

    @Test
    void broadcastsThreadPerChannelAndReportChannelsOfAnotherTeam() throws Exception {
        String town = channelNamed(scene.teamId, "town-square");
        String elsewhere = otherTeamTownSquare();
        String playbook = scene.playbook("Announced", ",\"broadcast_enabled\":true,\"broadcast_channel_ids\":[\""
                + town + "\",\"" + elsewhere + "\"]");
        JsonNode run = scene.run(playbook, scene.alexId, "");
        assertTrue(run.path("status_update_broadcast_channels_enabled").asBoolean());
        JsonNode first = lastPost(town);
        assertEquals("##### " + RunScene.link(run) + "\n@alex.rivera ran the [Announced](/playbooks/playbooks/"
                + playbook + ") playbook.", first.path("message").asText());
        assertEquals("", first.path("root_id").asText());
        assertEquals(scene.botId, first.path("user_id").asText());
        assertEquals("Failed to broadcast run creation to the configured channel.",
                lastPost(run.path("channel_id").asText()).path("message").asText());
        scene.alex.json("POST", scene.path(run, "/status"), "{\"message\":\"Mitigated\",\"reminder\":600}");
        JsonNode update = lastPost(town);
        assertEquals("Mitigated", update.path("message").asText());
        assertEquals("custom_run_update", update.path("type").asText());
        assertEquals(first.path("id").asText(), update.path("root_id").asText(), "threaded under the first broadcast");
    }

    @Test
    void channelRoutesNeedChannelReadAndListOnlyRunsInProgressNewestFirst() {
        JsonNode first = scene.run(scene.playbookId, scene.alexId, ",\"create_public_run\":false");
        String channel = first.path("channel_id").asText();
        SANDBOX.control().clock().advance(Duration.ofMinutes(1));
        JsonNode second = scene.run(scene.playbookId, scene.alexId, ",\"channel_id\":\"" + channel + "\"");
        User outsider = scene.outsiders(channel).get(0);
        HttpResponse<String> refused = scene.as(outsider).send("GET", Api.PLUGIN + "/runs/channel/" + channel + "/runs",
                null);
        assertEquals(403, refused.statusCode());
        assertEquals("{\"error\":\"Not authorized\"}", refused.body());
        assertEquals(403, scene.as(outsider).send("GET", Api.PLUGIN + "/runs/channel/" + channel, null).statusCode());
        assertEquals(403, scene.as(outsider).send("GET", Api.PLUGIN + "/runs?channel_id=" + channel, null).statusCode(),
                "getPlaybookRuns checks ChannelView for a channel filter");
        assertEquals(400, scene.alex.send("GET", Api.PLUGIN + "/runs?channel_id=nope", null).statusCode());
        assertEquals(List.of(second.path("id").asText(), first.path("id").asText()),
                runIds(Api.PLUGIN + "/runs/channel/" + channel + "/runs"));
        assertEquals(400, scene.alex.send("GET", Api.PLUGIN + "/runs/channel/" + channel, null).statusCode(),
                "two runs in the channel");
        scene.alex.json("PUT", scene.path(first, "/finish"), null);
        assertEquals(List.of(second.path("id").asText()),
                runIds(Api.PLUGIN + "/runs/channel/" + channel + "/runs"));
    }

    @Test
    void timelineDeleteCanRepeatAndPatchAlwaysStamps() throws Exception {
        JsonNode run = scene.run();
        String eventId = run.path("timeline_events").get(0).path("id").asText();
        long updateAt = scene.get(run).path("update_at").asLong();
        SANDBOX.control().clock().advance(Duration.ofMinutes(1));
        assertEquals(204, scene.alex.send("DELETE", scene.path(run, "/timeline/" + eventId), null).statusCode());
        assertEquals(204, scene.alex.send("DELETE", scene.path(run, "/timeline/" + eventId), null).statusCode(),
                "GetTimelineEvent has no delete_at filter");
        assertEquals(updateAt, scene.get(run).path("update_at").asLong(), "RemoveTimelineEvent stamps nothing");
        assertEquals(500, scene.alex.send("DELETE", scene.path(run, "/timeline/aaaaaaaaaaaaaaaaaaaaaaaaaa"), null)
                .statusCode());

        JsonNode patched = scene.alex.json("PATCH", scene.path(run, ""), "{\"summary\":\"  db-3 is full  \"}");
        assertEquals("db-3 is full", patched.path("summary").asText());
        SANDBOX.control().clock().advance(Duration.ofMinutes(1));
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            JsonNode again = scene.alex.json("PATCH", scene.path(run, ""), "{\"summary\":\"db-3 is full\"}");
            assertEquals(SANDBOX.control().clock().millis(), again.path("update_at").asLong(), "GraphqlUpdate stamps");
            assertEquals(List.of(RUN_UPDATED), Sockets.names(RunScene.of(run, Sockets.untilBarrier(member))));
        }
    }

    private List<String> runIds(String path) {
        List<String> ids = new java.util.ArrayList<>();
        scene.alex.getJson(path).forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private String channelNamed(String teamId, String name) {
        return scene.alex.getJson("/api/v4/users/me/teams/" + teamId + "/channels").findValues("id").stream()
                .map(JsonNode::asText).filter(id -> scene.alex.getJson("/api/v4/channels/" + id).path("name").asText()
                        .equals(name)).findFirst().orElseThrow();
    }

    private String otherTeamTownSquare() {
        JsonNode teams = scene.alex.getJson("/api/v4/users/me/teams");
        for (JsonNode team : teams) {
            if (!team.path("id").asText().equals(scene.teamId)) {
                return channelNamed(team.path("id").asText(), "town-square");
            }
        }
        throw new AssertionError("alex is in one team only");
    }

    private JsonNode lastPost(String channelId) {
        JsonNode page = scene.alex.getJson("/api/v4/channels/" + channelId + "/posts");
        return page.path("posts").path(page.path("order").get(0).asText());
    }
}
