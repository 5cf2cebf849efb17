package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.Mutations.RUN_CREATED;
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
 * The dialog submissions of issue #11 point 3, posted as the webapp posts them
 * ({@code postStatusUpdate} in webapp/src/client.ts: a {@code dialog_submission} whose
 * {@code submission.reminder} is a string of seconds), answered as api/playbook_runs.go does.
 */
@BesideOtherTests
class DialogRoutesTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    final RunScene scene = new RunScene(SANDBOX);

    String dialog(String userId, String channelId, String state, String submission) {
        return "{\"type\":\"dialog_submission\",\"callback_id\":\"\",\"state\":" + state + ",\"cancelled\":false,"
                + "\"user_id\":\"" + userId + "\",\"channel_id\":\"" + channelId + "\",\"team_id\":\"" + scene.teamId
                + "\",\"submission\":" + submission + "}";
    }

    @Test
    void updateStatusDialogIsAStatusUpdate() throws Exception {
        JsonNode run = scene.run();
        String channel = run.path("channel_id").asText();
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            HttpResponse<String> r = scene.alex.send("POST", scene.path(run, "/update-status-dialog"),
                    dialog(scene.alexId, channel, "\"\"", "{\"message\":\"Rolled back\",\"reminder\":\"900\","
                            + "\"finish_run\":false}"));
            assertEquals(200, r.statusCode());
            assertEquals("", r.body());
            assertEquals(List.of("posted", RUN_UPDATED, RUN_UPDATED),
                    Sockets.names(RunScene.of(run, Sockets.untilBarrier(member))));
        }
        assertEquals(900L * 1_000_000_000L, scene.get(run).path("previous_reminder").asLong());
        assertEquals(400, scene.alex.send("POST", scene.path(run, "/update-status-dialog"), dialog(scene.alexId, channel,
                "\"\"", "{\"message\":5,\"reminder\":\"900\"}")).statusCode(), "message must be a string");
        assertEquals(500, scene.alex.send("POST", scene.path(run, "/update-status-dialog"), dialog(scene.alexId, channel,
                "\"\"", "{\"message\":\"x\",\"reminder\":\"\"}")).statusCode(), "strconv.Atoi(\"\") → HandleError");
        HttpResponse<String> noReminder = scene.alex.send("POST", scene.path(run, "/update-status-dialog"),
                dialog(scene.alexId, channel, "\"\"", "{\"message\":\"x\"}"));
        assertEquals(400, noReminder.statusCode());
        assertEquals("{\"error\":\"the reminder must be set and not 0\"}", noReminder.body());
        assertEquals(500, scene.alex.send("POST", Api.PLUGIN + "/runs/aaaaaaaaaaaaaaaaaaaaaaaaaa/update-status-dialog",
                dialog(scene.alexId, channel, "\"\"", "{\"message\":\"x\",\"reminder\":\"60\"}")).statusCode());

        String strict = scene.playbook("Owner only dialog", ",\"owner_group_only_actions\":true");
        User owner = scene.outsiders(channel).get(0);
        JsonNode owned = scene.run(strict, owner.id(), "");
        HttpResponse<String> finish = scene.alex.send("POST", scene.path(owned, "/update-status-dialog"),
                dialog(scene.alexId, owned.path("channel_id").asText(), "\"\"",
                        "{\"message\":\"done\",\"reminder\":\"0\",\"finish_run\":true}"));
        assertEquals(403, finish.statusCode(), "a refused finish stays a 403 so clients can enforce it");
    }

    @Test
    void finishDialogAnswersRefusalsInTheDialog() {
        JsonNode run = scene.run();
        User outsider = scene.outsiders(run.path("channel_id").asText()).get(0);
        String expected = "{\"error\":\"You don't have permission to finish this run.\"}\n"; // ReturnJSON ends with a newline
        HttpResponse<String> refused = scene.as(outsider).send("POST", scene.path(run, "/finish-dialog"), "{}");
        assertEquals(200, refused.statusCode());
        assertEquals(expected, refused.body());
        assertEquals(expected, scene.alex.send("POST", Api.PLUGIN + "/runs/aaaaaaaaaaaaaaaaaaaaaaaaaa/finish-dialog",
                "{}").body(), "an unknown run is not disclosed");
        HttpResponse<String> ok = scene.alex.send("POST", scene.path(run, "/finish-dialog"), "{}");
        assertEquals(200, ok.statusCode());
        assertEquals("", ok.body());
        assertEquals("Finished", scene.get(run).path("current_status").asText());
    }

    @Test
    void addToTimelineDialogRecordsThePostAsTheRealServiceDoes() throws Exception {
        JsonNode run = scene.run();
        String channel = run.path("channel_id").asText();
        JsonNode post = scene.alex.json("POST", "/api/v4/posts", "{\"channel_id\":\"" + channel
                + "\",\"message\":\"db-3 disk at 99%\"}");
        long updateAt = scene.get(run).path("update_at").asLong();
        SANDBOX.control().clock().advance(Duration.ofMinutes(3));
        String state = "\"{\\\"post_id\\\":\\\"" + post.path("id").asText() + "\\\"}\"";
        String submission = "{\"playbook_run\":\"" + run.path("id").asText() + "\",\"summary\":\"Disk alarm\"}";
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            HttpResponse<String> r = scene.alex.send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                    dialog(scene.alexId, channel, state, submission));
            assertEquals(200, r.statusCode());
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of(RUN_UPDATED), Sockets.names(events));
            assertEquals(SANDBOX.control().clock().millis(), Sockets.payload(events.get(0)).path("update_at").asLong(),
                    "the published copy carries the new update_at");
        }
        JsonNode after = scene.get(run);
        assertEquals(updateAt, after.path("update_at").asLong(), "the store's update_at is not touched");
        JsonNode event = RunScene.lastTimeline(after);
        assertEquals("event_from_post", event.path("event_type").asText());
        assertEquals("Disk alarm", event.path("summary").asText());
        assertEquals(post.path("create_at").asLong(), event.path("event_at").asLong());
        assertEquals(post.path("id").asText(), event.path("post_id").asText());
        assertEquals(scene.alexId, event.path("subject_user_id").asText());
        assertEquals(scene.alexId, event.path("creator_user_id").asText());

        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                dialog(scene.botId, channel, state, submission)).statusCode(), "user_id must be the caller");
        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                dialog(scene.alexId, channel, "\"not json\"", submission)).statusCode());
        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                dialog(scene.alexId, channel, "\"{}\"", submission)).statusCode(), "couldn't get post ID");
        assertEquals(500, scene.alex.send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                dialog(scene.alexId, channel, state, "{\"playbook_run\":\"aaaaaaaaaaaaaaaaaaaaaaaaaa\"}")).statusCode());
        User outsider = scene.outsiders(channel).get(0);
        assertEquals(403, scene.as(outsider).send("POST", Api.PLUGIN + "/runs/add-to-timeline-dialog",
                dialog(outsider.id(), channel, state, submission)).statusCode());
    }

    @Test
    void createFromDialogAnswers201WithoutABodyAndTellsTheClient() throws Exception {
        String from = scene.run().path("channel_id").asText();
        String state = "\"{\\\"post_id\\\":\\\"\\\",\\\"client_id\\\":\\\"console-1\\\"}\"";
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            HttpResponse<String> r = scene.alex.send("POST", Api.PLUGIN + "/runs/dialog", dialog(scene.alexId, from, state,
                    "{\"playbookID\":\"" + scene.playbookId + "\",\"playbookRunName\":\"Payments down\"}"));
            assertEquals(201, r.statusCode());
            assertEquals("", r.body());
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.startsWith("/api/v0/runs/"));
            JsonNode run = scene.alex.getJson(Api.PLUGIN + "/runs/" + location.substring("/api/v0/runs/".length()));
            List<JsonNode> events = Sockets.untilBarrier(member);
            List<JsonNode> mine = RunScene.of(run, events);
            assertEquals(List.of(RUN_UPDATED, RUN_UPDATED, "ephemeral_message", RUN_CREATED), Sockets.names(mine),
                    "the created event is sent a second after the reply, after the ephemeral post");
            JsonNode created = Sockets.payload(mine.get(3));
            assertEquals("console-1", created.path("client_id").asText());
            assertEquals(scene.alex.getJson("/api/v4/channels/" + run.path("channel_id").asText()).path("name").asText(),
                    created.path("channel_name").asText());
            JsonNode ephemeral = events.stream().filter(e -> e.path("event").asText().equals("ephemeral_message"))
                    .findFirst().orElseThrow();
            assertTrue(Sockets.post(ephemeral).path("message").asText().startsWith("Playbook run " + run.path("name")
                    .asText() + " started in ~"));
        }
        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs/dialog", dialog(scene.alexId, from, "\"\"",
                "{\"playbookID\":\"" + scene.playbookId + "\",\"playbookRunName\":\"x\"}")).statusCode(),
                "an empty state does not unmarshal");
        assertEquals(500, scene.alex.send("POST", Api.PLUGIN + "/runs/dialog", dialog(scene.alexId, from, state,
                "{\"playbookID\":\"aaaaaaaaaaaaaaaaaaaaaaaaaa\",\"playbookRunName\":\"x\"}")).statusCode());
    }
}
