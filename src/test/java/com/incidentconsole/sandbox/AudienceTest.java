package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.Mutations.RUN_CREATED;
import static com.incidentconsole.sandbox.Mutations.RUN_UPDATED;
import static com.incidentconsole.sandbox.Mutations.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.Mutations.Mutation;
import com.incidentconsole.sandbox.Mutations.Reach;
import com.incidentconsole.sandbox.Mutations.Scene;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each mutation, three sockets: a member of the run's channel, a member of the run's team who is
 * not in the channel, and a user of another team. Asserts who receives which events, that run
 * payloads decode (twice) to the run {@code GET /runs/{id}} returns, and that each socket's
 * {@code seq} counts from hello = 0 without a gap (mattermost-core.md §1.6, §1.9).
 */
@BesideOtherTests
class AudienceTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String POSTED = "posted";
    static final String PLAYBOOK = "custom_playbooks_playbook_";

    static Stream<Mutation> mutations() {
        String item = "/checklists/0/item/0";
        return Stream.of(
                new Mutation("create run", s -> { }, s -> s.json("POST", Api.PLUGIN + "/runs", "{\"name\":\"Second\","
                        + "\"owner_user_id\":\"" + SANDBOX.control().defaultUser().id() + "\",\"team_id\":\""
                        + s.teamId() + "\",\"playbook_id\":\"" + s.playbookId() + "\"}"), Reach.CHANNEL,
                        // CreatePlaybookRun: the owner's Follow, then AddParticipants, then the handler's created event.
                        List.of(RUN_UPDATED, RUN_UPDATED, RUN_CREATED)),
                run("item state", s -> s.json("PUT", s.run(item + "/state"), "{\"new_state\":\"closed\"}")),
                run("item assignee", s -> s.json("PUT", s.run(item + "/assignee"),
                        "{\"assignee_id\":\"" + SANDBOX.control().defaultUser().id() + "\"}")),
                run("item skip", s -> s.expect(204, "PUT", s.run(item + "/skip"), null)),
                run("item restore", s -> s.expect(204, "PUT", s.run(item + "/skip"), null),
                        s -> s.expect(204, "PUT", s.run(item + "/restore"), null)),
                run("item add", s -> s.expect(201, "POST", s.run("/checklists/0/add"), "{\"title\":\"Call vendor\"}")),
                run("item edit", s -> s.expect(200, "PUT", s.run(item),
                        "{\"title\":\"Page the DBA\",\"command\":\"\",\"description\":\"now\"}")),
                run("item delete", s -> s.expect(204, "DELETE", s.run(item), null)),
                run("item move", s -> s.expect(200, "POST", s.run("/checklists/move-item"), "{\"source_checklist_idx\":0,"
                        + "\"source_item_idx\":0,\"dest_checklist_idx\":1,\"dest_item_idx\":0}")),
                run("checklist skip", s -> s.expect(204, "PUT", s.run("/checklists/0/skip"), null)),
                run("checklist restore", s -> s.expect(204, "PUT", s.run("/checklists/0/skip"), null),
                        s -> s.expect(204, "PUT", s.run("/checklists/0/restore"), null)),
                run("checklist duplicate", s -> s.expect(201, "POST", s.run("/checklists/0/duplicate"), null)),
                run("item duplicate", s -> s.expect(201, "POST", s.run(item + "/duplicate"), null)),
                run("item command", s -> s.json("PUT", s.run(item + "/command"), "{\"command\":\"/echo hi\"}")),
                run("item due date", s -> s.json("PUT", s.run(item + "/duedate"), "{\"due_date\":1800000000000}")),
                run("reminder snooze", s -> s.expect(204, "POST", s.run("/reminder"), "{\"new_reminder_seconds\":900}")),
                run("status updates off", s -> s.json("PUT", s.run("/status-update-enabled"),
                        "{\"status_enabled\":false}"), POSTED, RUN_UPDATED),
                run("retrospective off", s -> s.json("PUT", s.run("/retrospective-enabled"),
                        "{\"retrospective_enabled\":false}")),
                run("graphql updateRun", s -> s.graphQl("UpdateRun",
                        "($id: String!, $updates: RunUpdates!) { updateRun(id: $id, updates: $updates) }",
                        "{\"id\":\"" + s.runId() + "\",\"updates\":{\"summary\":\"via GraphQL\"}}")),
                run("checklist add", s -> s.expect(201, "POST", s.run("/checklists"), "{\"title\":\"Extra\",\"items\":[]}")),
                run("checklist rename", s -> s.expect(200, "PUT", s.run("/checklists/0/rename"), "{\"title\":\"Triage\"}")),
                run("checklist delete", s -> s.expect(201, "DELETE", s.run("/checklists/1"), null)),
                run("checklist move", s -> s.expect(200, "POST", s.run("/checklists/move"),
                        "{\"source_checklist_idx\":0,\"dest_checklist_idx\":1}")),
                // ChangeOwner: AddParticipants (channel add, Follow's update), then its own update.
                run("owner change", s -> s.json("POST", s.run("/owner"), "{\"owner_id\":\"" + s.spareUserId() + "\"}"),
                        "user_added", RUN_UPDATED, RUN_UPDATED),
                // UpdateStatus publishes in SetNewReminder and again after the timeline event.
                run("status update", s -> s.json("POST", s.run("/status"), "{\"message\":\"Mitigated\",\"reminder\":600}"),
                        POSTED, RUN_UPDATED, RUN_UPDATED),
                run("request update", s -> s.expect(200, "POST", s.run("/request-update"), null), POSTED, RUN_UPDATED),
                // The finish post, then the first retrospective reminder (retro on, unpublished).
                run("finish", s -> s.json("PUT", s.run("/finish"), null), POSTED, POSTED, RUN_UPDATED),
                run("restore", s -> s.json("PUT", s.run("/finish"), null), s -> s.json("PUT", s.run("/restore"), null),
                        POSTED, RUN_UPDATED),
                run("patch name and summary", s -> s.json("PATCH", s.run(""), "{\"name\":\"Disk\",\"summary\":\"db-3\"}")),
                run("timeline delete", s -> s.expect(204, "DELETE", s.run("/timeline/" + s.json("GET", s.run(""), null)
                        .path("timeline_events").get(0).path("id").asText()), null)),
                run("retrospective save", s -> s.expect(200, "POST", s.run("/retrospective"),
                        "{\"retrospective\":\"Went well\",\"metrics\":[]}")),
                run("retrospective publish", s -> s.expect(200, "POST", s.run("/retrospective/publish"),
                        "{\"retrospective\":\"Went well\",\"metrics\":[]}"), POSTED, RUN_UPDATED),
                run("retrospective cancel", s -> s.expect(200, "POST", s.run("/no-retrospective-button"), null),
                        POSTED, RUN_UPDATED),
                run("participants add", s -> s.graphQl("AddRunParticipants",
                        "($runID: String!, $userIDs: [String!]!) { addRunParticipants(runID: $runID, userIDs: $userIDs) }",
                        "{\"runID\":\"" + s.runId() + "\",\"userIDs\":[\"" + s.spareUserId() + "\"]}"),
                        "user_added", RUN_UPDATED, RUN_UPDATED),
                run("participants remove", s -> s.graphQl("AddRunParticipants",
                        "($runID: String!, $userIDs: [String!]!) { addRunParticipants(runID: $runID, userIDs: $userIDs) }",
                        "{\"runID\":\"" + s.runId() + "\",\"userIDs\":[\"" + s.spareUserId() + "\"]}"),
                        s -> s.graphQl("RemoveRunParticipants",
                        "($runID: String!, $userIDs: [String!]!) { removeRunParticipants(runID: $runID, userIDs: $userIDs) }",
                        "{\"runID\":\"" + s.runId() + "\",\"userIDs\":[\"" + s.spareUserId() + "\"]}"),
                        "user_removed", RUN_UPDATED, RUN_UPDATED),
                new Mutation("playbook create", s -> { }, s -> s.newPlaybook("Audience create"), Reach.TEAM,
                        List.of(PLAYBOOK + "created")),
                new Mutation("playbook archive", s -> s.newPlaybook("Audience archive"), s -> s.expect(204, "DELETE",
                        Api.PLUGIN + "/playbooks/" + s.playbookTitled("Audience archive"), null), Reach.TEAM,
                        List.of(PLAYBOOK + "archived")),
                new Mutation("playbook restore", s -> s.expect(204, "DELETE", Api.PLUGIN + "/playbooks/"
                        + s.newPlaybook("Audience restore"), null), s -> s.expect(204, "PUT", Api.PLUGIN + "/playbooks/"
                        + s.playbookTitled("Audience restore") + "/restore", null), Reach.TEAM,
                        List.of(PLAYBOOK + "restored")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void eachAudienceGetsWhatTheServerSends(Mutation mutation) throws Exception {
        Api alex = new Api(SANDBOX.baseUrl(), SANDBOX.control().credentials().token());
        Scene scene = freshRun(alex);
        mutation.setup().apply(scene);
        Set<String> inChannel = channelMembers(alex, scene);
        List<User> others = SANDBOX.control().users().stream().filter(u -> !inChannel.contains(u.id())).toList();
        User teamOnly = others.stream().filter(u -> SANDBOX.control().isTeamMember(scene.teamId(), u.id()))
                .filter(u -> !u.id().equals(scene.spareUserId())).findFirst().orElseThrow();
        User otherTeam = others.stream().filter(u -> !SANDBOX.control().isTeamMember(scene.teamId(), u.id()))
                .findFirst().orElseThrow();
        try (WsProbe member = open(SANDBOX.control().credentials().token());
             WsProbe team = open(SANDBOX.control().tokenFor(teamOnly.username()));
             WsProbe outsider = open(SANDBOX.control().tokenFor(otherTeam.username()))) {
            mutation.action().apply(scene);
            List<JsonNode> m = eventsUntilBarrier(member);
            List<JsonNode> t = eventsUntilBarrier(team);
            List<JsonNode> o = eventsUntilBarrier(outsider);
            List<String> expected = mutation.member().isEmpty() ? List.of(RUN_UPDATED) : mutation.member();
            assertEquals(expected, names(m), "channel member");
            assertEquals(mutation.reach() == Reach.TEAM ? expected : List.of(), names(t), "team member outside the channel");
            assertEquals(List.of(), names(o), "user of another team");
            // Earlier updates of one mutation carry intermediate states; the last one is the run as GET returns it.
            JsonNode lastUpdate = null;
            for (JsonNode e : m) {
                if (RUN_UPDATED.equals(e.path("event").asText())) {
                    lastUpdate = e;
                } else {
                    checkPayload(e, scene);
                }
            }
            if (lastUpdate != null && !mutation.name().equals("create run")) {
                checkPayload(lastUpdate, scene);
            }
        }
    }

    // A follower outside the channel gets no run events at all: ParticipantAudienceTest.

    /** Plugin payloads are a JSON string inside data (playbooks-api.md §7.1); they must name the right objects. */
    static void checkPayload(JsonNode event, Scene scene) {
        String name = event.path("event").asText();
        if (!name.startsWith("custom_playbooks_")) {
            return;
        }
        assertTrue(event.path("data").path("payload").isTextual(), "payload is a JSON string: " + event);
        JsonNode payload = Api.tree(event.path("data").path("payload").asText());
        if (name.equals(RUN_UPDATED)) {
            assertEquals(scene.api().getJson(scene.run("")), payload, "run_updated carries the run as GET returns it");
        } else if (name.equals(RUN_CREATED)) {
            String id = payload.path("playbook_run").path("id").asText();
            assertEquals(scene.api().getJson(Api.PLUGIN + "/runs/" + id), payload.path("playbook_run"));
        } else {
            assertEquals(scene.teamId(), payload.path("teamID").asText(), name);
        }
        assertEquals("", event.path("broadcast").path("user_id").asText(), "a broadcast, not a targeted copy");
    }

    static List<String> names(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").asText()).toList();
    }

    Scene freshRun(Api alex) {
        JsonNode playbook = alex.getJson(Api.PLUGIN + "/playbooks?search_term=incident").path("items").get(0);
        String teamId = playbook.path("team_id").asText();
        JsonNode run = alex.json("POST", Api.PLUGIN + "/runs", "{\"name\":\"Audience\",\"owner_user_id\":\""
                + SANDBOX.control().defaultUser().id() + "\",\"team_id\":\"" + teamId + "\",\"playbook_id\":\""
                + playbook.path("id").asText() + "\"}");
        Set<String> inChannel = channelMembers(alex, run.path("channel_id").asText());
        String spare = SANDBOX.control().users().stream().map(User::id)
                .filter(id -> !inChannel.contains(id) && SANDBOX.control().isTeamMember(teamId, id))
                .findFirst().orElseThrow();
        return new Scene(alex, run.path("id").asText(), teamId, playbook.path("id").asText(), spare);
    }

    static Set<String> channelMembers(Api api, Scene scene) {
        return channelMembers(api, api.getJson(scene.run("")).path("channel_id").asText());
    }

    static Set<String> channelMembers(Api api, String channelId) {
        Set<String> ids = new HashSet<>();
        api.getJson("/api/v4/channels/" + channelId + "/members").forEach(m -> ids.add(m.path("user_id").asText()));
        return ids;
    }

    static WsProbe open(String token) throws InterruptedException {
        WsProbe probe = WsProbe.withHeader(SANDBOX.baseUrl(), token);
        JsonNode hello = probe.next();
        assertEquals("hello", hello.path("event").asText());
        assertEquals(0, hello.path("seq").asLong());
        return probe;
    }

    /**
     * Events up to the reply to a ping sent now. The server publishes before it answers the HTTP
     * request and writes each socket's frames in order, so the reply comes after every event the
     * mutation caused: a barrier that needs no sleeping.
     */
    static List<JsonNode> eventsUntilBarrier(WsProbe probe) throws InterruptedException {
        probe.sendText("{\"seq\":900,\"action\":\"ping\"}");
        List<JsonNode> events = new ArrayList<>();
        long expectedSeq = 1;
        while (true) {
            JsonNode frame = probe.next();
            if (frame.path("seq_reply").asLong() == 900) {
                return events;
            }
            assertEquals(expectedSeq++, frame.path("seq").asLong(), "seq gap before " + frame);
            events.add(frame);
        }
    }
}
