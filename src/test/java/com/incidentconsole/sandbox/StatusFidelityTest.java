package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.Mutations.RUN_CREATED;
import static com.incidentconsole.sandbox.Mutations.RUN_UPDATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Status updates, reminders, finishing and creation against the plugin source (audit rows
 * H#4, H#5, H#6, H#11, M#12, M#19, M#21, M#24, M#28): REST answers and the exact events, in
 * order, for a channel member and a team member outside the channel.
 */
@BesideOtherTests
class StatusFidelityTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    final RunScene scene = new RunScene(SANDBOX);

    @Test
    void aStatusUpdateIsTheBotsPostWithTheRealPropsAndTwoRunUpdates() throws Exception {
        JsonNode run = scene.run();
        User outsider = scene.outsiders(run.path("channel_id").asText()).get(0);
        User alex = SANDBOX.control().defaultUser();
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token());
             WsProbe team = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().tokenFor(outsider.username()))) {
            JsonNode ok = scene.alex.json("POST", scene.path(run, "/status"),
                    "{\"message\":\"  {OWNER} drained eu-west ({SEQ})  \",\"reminder\":900}");
            assertEquals("OK", ok.path("status").asText());
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED, RUN_UPDATED), Sockets.names(events));
            assertEquals(List.of(), Sockets.names(Sockets.untilBarrier(team)), "not in the channel, not told");

            JsonNode post = Sockets.post(events.get(0));
            assertEquals(scene.botId, post.path("user_id").asText(), "bot.Post sets the bot as author");
            assertEquals("custom_run_update", post.path("type").asText());
            String display = (alex.firstName() + " " + alex.lastName()).strip();
            String expected = (alex.nickname().isEmpty() ? display : alex.nickname()) + " drained eu-west ("
                    + run.path("sequential_id").asText() + ")";
            assertEquals(expected, post.path("message").asText(), "trimmed, placeholders resolved");
            JsonNode props = post.path("props");
            assertEquals("alex.rivera", props.path("authorUsername").asText());
            assertEquals(run.path("id").asText(), props.path("playbookRunId").asText());
            assertEquals(run.path("name").asText(), props.path("runName").asText());
            assertEquals(run.path("task_total").asInt(), props.path("numTasks").asInt());
            assertEquals(0, props.path("numTasksChecked").asInt());
            assertEquals(scene.alexId, props.path("participantIds").get(0).asText());

            JsonNode first = Sockets.payload(events.get(1));
            assertFalse(first.path("timeline_events").toString().contains("status_updated"),
                    "SetNewReminder publishes before the timeline event exists");
            JsonNode second = Sockets.payload(events.get(2));
            JsonNode event = RunScene.lastTimeline(second);
            assertEquals("status_updated", event.path("event_type").asText());
            assertEquals("", event.path("summary").asText());
            assertEquals("", event.path("creator_user_id").asText());
            assertEquals(scene.alexId, event.path("subject_user_id").asText());
            assertEquals(post.path("id").asText(), event.path("post_id").asText());
        }
        JsonNode after = scene.get(run);
        assertEquals(SandboxFixture.NOW.toEpochMilli(), after.path("last_status_update_at").asLong());
        assertEquals(900L * 1_000_000_000L, after.path("previous_reminder").asLong());
        JsonNode updates = scene.alex.getJson(scene.path(run, "/status-updates"));
        Set<String> keys = new HashSet<>();
        updates.get(0).fieldNames().forEachRemaining(keys::add);
        assertEquals(Set.of("id", "create_at", "delete_at", "message", "author_user_name"), keys);
        assertEquals("alex.rivera", updates.get(0).path("author_user_name").asText(), "taken from props.authorUsername");
    }

    @Test
    void noReminderAtCreationThenTheFiredReminderIsDeletedByTheNextUpdate() throws Exception {
        JsonNode run = scene.run();
        SANDBOX.control().clock().advance(Duration.ofHours(2));
        assertEquals("", scene.get(run).path("reminder_post_id").asText(), "no reminder job before the first update");
        scene.alex.json("POST", scene.path(run, "/status"), "{\"message\":\"first\",\"reminder\":600}");
        SANDBOX.control().clock().advance(Duration.ofMinutes(11));
        String reminderId = scene.get(run).path("reminder_post_id").asText();
        JsonNode reminder = scene.alex.getJson("/api/v4/channels/" + run.path("channel_id").asText() + "/posts")
                .path("posts").path(reminderId);
        assertEquals(scene.botId, reminder.path("user_id").asText());
        assertEquals("custom_update_status", reminder.path("type").asText());
        assertEquals("@alex.rivera, please provide a status update for " + RunScene.link(run) + ".",
                reminder.path("message").asText());
        assertEquals("Update status", reminder.path("props").path("attachments").get(0).path("actions").get(0)
                .path("name").asText());
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            scene.alex.json("POST", scene.path(run, "/status"), "{\"message\":\"second\",\"reminder\":600}");
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", "post_deleted", RUN_UPDATED, RUN_UPDATED), Sockets.names(events));
            assertEquals(reminderId, Sockets.post(events.get(1)).path("id").asText());
        }
        assertEquals("", scene.get(run).path("reminder_post_id").asText());
    }

    @Test
    void snoozeWritesTheEventDeletesTheReminderAndRestartsTheCountdown() throws Exception {
        JsonNode run = scene.run();
        scene.alex.json("POST", scene.path(run, "/status"), "{\"message\":\"first\",\"reminder\":600}");
        SANDBOX.control().clock().advance(Duration.ofMinutes(11));
        String reminderId = scene.get(run).path("reminder_post_id").asText();
        assertFalse(reminderId.isEmpty());
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            assertEquals(204, scene.alex.send("POST", scene.path(run, "/reminder"), "{\"new_reminder_seconds\":1200}")
                    .statusCode());
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("post_deleted", RUN_UPDATED), Sockets.names(events));
            assertEquals(reminderId, Sockets.post(events.get(0)).path("id").asText());
        }
        JsonNode after = scene.get(run);
        assertEquals("", after.path("reminder_post_id").asText());
        assertEquals(1200L * 1_000_000_000L, after.path("previous_reminder").asLong());
        assertEquals(SANDBOX.control().clock().millis(), after.path("last_status_update_at").asLong());
        JsonNode snoozed = RunScene.lastTimeline(after);
        assertEquals("status_update_snoozed", snoozed.path("event_type").asText());
        assertEquals(after.path("reporter_user_id").asText(), snoozed.path("subject_user_id").asText());
        assertEquals("", snoozed.path("summary").asText());
        assertEquals("", snoozed.path("creator_user_id").asText());
    }

    @Test
    void finishRunInAStatusUpdateIsCheckedBeforeAnythingIsPosted() throws Exception {
        String strict = scene.playbook("Owner only", ",\"owner_group_only_actions\":true");
        User owner = scene.outsiders(scene.run().path("channel_id").asText()).get(0);
        JsonNode run = scene.run(strict, owner.id(), "");
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            HttpResponse<String> refused = scene.alex.send("POST", scene.path(run, "/status"),
                    "{\"message\":\"done\",\"reminder\":0,\"finish_run\":true}");
            assertEquals(403, refused.statusCode());
            assertEquals("{\"error\":\"Not authorized to finish this run\"}", refused.body());
            assertEquals(List.of(), Sockets.names(RunScene.of(run, Sockets.untilBarrier(member))));
            assertEquals(0, scene.get(run).path("status_posts").size());

            scene.as(owner).json("POST", scene.path(run, "/status"),
                    "{\"message\":\"done\",\"reminder\":0,\"finish_run\":true}");
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of("posted", RUN_UPDATED, RUN_UPDATED, "posted", RUN_UPDATED), Sockets.names(events));
            JsonNode finished = Sockets.post(events.get(3));
            assertEquals(scene.botId, finished.path("user_id").asText());
            assertEquals("@" + owner.username() + " marked " + RunScene.link(run) + " as finished.",
                    finished.path("message").asText());
        }
        JsonNode after = scene.get(run);
        assertEquals("Finished", after.path("current_status").asText());
        assertEquals(0, after.path("previous_reminder").asLong(), "finish_run sets the reminder to 0");
        JsonNode done = RunScene.lastTimeline(after);
        assertEquals("run_finished", done.path("event_type").asText());
        assertEquals("", done.path("summary").asText());
    }

    @Test
    void creationSnapshotsThePlaybookAndPublishesTheParticipantsFirst() throws Exception {
        JsonNode playbook = scene.alex.getJson(Api.PLUGIN + "/playbooks/" + scene.playbookId);
        JsonNode run;
        try (WsProbe member = Sockets.open(SANDBOX.baseUrl(), SANDBOX.control().credentials().token())) {
            run = scene.run(scene.playbookId, "", "");
            List<JsonNode> events = RunScene.of(run, Sockets.untilBarrier(member));
            assertEquals(List.of(RUN_UPDATED, RUN_UPDATED, RUN_CREATED), Sockets.names(events),
                    "Follow, then AddParticipants, then the handler's created event");
        }
        assertEquals(scene.alexId, run.path("owner_user_id").asText(), "no owner given: the creator");
        assertEquals(run.path("create_at").asLong(), run.path("last_status_update_at").asLong());
        assertEquals(playbook.path("retrospective_template").asText(), run.path("retrospective").asText());
        assertEquals(playbook.path("reminder_timer_default_seconds").asLong() * 1_000_000_000L,
                run.path("previous_reminder").asLong());
        assertEquals(List.of(scene.alexId), RunsListTest.ids(scene.alex.getJson(scene.path(run, "/followers"))));
        JsonNode timeline = run.path("timeline_events");
        assertEquals("incident_created", timeline.get(0).path("event_type").asText());
        assertEquals("", timeline.get(0).path("summary").asText());
        assertEquals("", timeline.get(0).path("creator_user_id").asText());
        assertEquals("user_joined_left", timeline.get(1).path("event_type").asText());
        assertEquals("", timeline.get(1).path("summary").asText());
        assertTrue(timeline.get(1).path("details").asText().contains("\"action\":\"joined\""));
    }

    @Test
    void postRunsFollowsTheHandlersRules() {
        String open = scene.alex.getJson("/api/v4/users/me/teams/" + scene.teamId + "/channels").findValues("id")
                .stream().map(JsonNode::asText).filter(id -> scene.alex.getJson("/api/v4/channels/" + id)
                        .path("name").asText().equals("town-square")).findFirst().orElseThrow();
        JsonNode linked = scene.run(scene.playbookId, scene.alexId, ",\"channel_id\":\"" + open + "\"");
        assertEquals(open, linked.path("channel_id").asText(), "channel_id links the existing channel");
        HttpResponse<String> checklist = scene.alex.send("POST", Api.PLUGIN + "/runs", "{\"name\":\"Triage\","
                + "\"owner_user_id\":\"" + scene.alexId + "\",\"channel_id\":\"" + open + "\"}");
        assertEquals(201, checklist.statusCode(), checklist.body());
        JsonNode list = Api.tree(checklist.body());
        assertEquals("channelChecklist", list.path("type").asText());
        assertEquals("Tasks", list.path("checklists").get(0).path("title").asText());
        assertEquals(scene.teamId, list.path("team_id").asText(), "team taken from the channel");
        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs", "{\"name\":\"x\",\"team_id\":\""
                + scene.teamId + "\"}").statusCode(), "a checklist needs a channel");
        HttpResponse<String> unknown = scene.alex.send("POST", Api.PLUGIN + "/runs", "{\"name\":\"x\",\"team_id\":\""
                + scene.teamId + "\",\"playbook_id\":\"aaaaaaaaaaaaaaaaaaaaaaaaaa\"}");
        assertEquals(500, unknown.statusCode(), "playbookService.Get fails: HandleError");
        String plain = scene.playbook("No template", "");
        assertEquals(400, scene.alex.send("POST", Api.PLUGIN + "/runs", "{\"name\":\"  \",\"team_id\":\""
                + scene.teamId + "\",\"playbook_id\":\"" + plain + "\"}").statusCode(), "blank name, no template");
        String templated = scene.playbook("Templated", ",\"run_number_prefix\":\"TPL\",\"channel_name_template\":"
                + "\"{SEQ} outage {unknown}\"");
        JsonNode named = scene.run(templated, "", "");
        assertEquals("TPL-00001 outage", named.path("name").asText(), "the template beats the typed name");
    }
}
