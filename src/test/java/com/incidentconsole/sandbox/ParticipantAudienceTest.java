package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.People.RUN_UPDATED;
import static com.incidentconsole.sandbox.People.audience;
import static com.incidentconsole.sandbox.People.drain;
import static com.incidentconsole.sandbox.People.gql;
import static com.incidentconsole.sandbox.People.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who receives what when people join, leave, follow or unfollow a run, as
 * {@code playbook_run_service.go} publishes it: run updates go to the run channel, plus user-targeted
 * copies only to the users {@code AddParticipants}, {@code RemoveParticipants}, {@code Follow} and
 * {@code Unfollow} name (when they are outside the channel). A follower outside the channel gets no
 * other run events.
 */
@BesideOtherTests
class ParticipantAudienceTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String ADD = "mutation AddRunParticipants($runID: String!, $userIDs: [String!]!, "
            + "$forceAddToChannel: Boolean = false) { addRunParticipants(runID: $runID, userIDs: $userIDs, "
            + "forceAddToChannel: $forceAddToChannel) }";
    static final String REMOVE = "mutation RemoveRunParticipants($runID: String!, $userIDs: [String!]!) "
            + "{ removeRunParticipants(runID: $runID, userIDs: $userIDs) }";

    final People people = new People(SANDBOX);

    @Test
    void aFollowerOutsideTheChannelGetsNoRunUpdatesButTheBotsDmOfTheStatusUpdate() throws Exception {
        People.Run run = people.freshRun("Follower outside");
        String follower = people.teamMembersOutside(run).get(0);
        people.api(follower).send("PUT", run.path("/followers"), null);
        try (WsProbe member = people.socket(people.alexId()); WsProbe outside = people.socket(follower)) {
            people.alex().json("PUT", run.path("/checklists/0/item/0/state"), "{\"new_state\":\"closed\"}");
            people.alex().json("POST", run.path("/status"), "{\"message\":\"Mitigated\",\"reminder\":600}");
            assertTrue(audience(drain(member)).contains(RUN_UPDATED));
            List<JsonNode> got = drain(outside);
            assertFalse(names(got).contains(RUN_UPDATED), "no run events outside the channel: " + names(got));
            // dmPostToRunFollowers: a copy of the status post, from the bot, in their DM channel.
            List<JsonNode> dms = got.stream().filter(e -> e.path("event").asText().equals("posted")).toList();
            assertEquals(1, dms.size(), names(got).toString());
            JsonNode post = Api.tree(dms.get(0).path("data").path("post").asText());
            assertEquals("Mitigated", post.path("message").asText());
            assertEquals("custom_run_update", post.path("type").asText());
            assertEquals("D", dms.get(0).path("data").path("channel_type").asText());
            assertEquals(people.botId(), post.path("user_id").asText());
        }
    }

    @Test
    void theAuthorOfAStatusUpdateIsNotDmedTheirOwnUpdate() throws Exception {
        People.Run run = people.freshRun("Author follows");
        people.alex().send("PUT", run.path("/followers"), null);
        try (WsProbe author = people.socket(people.alexId())) {
            people.alex().json("POST", run.path("/status"), "{\"message\":\"Mine\",\"reminder\":600}");
            List<JsonNode> got = drain(author);
            assertTrue(got.stream().filter(e -> e.path("event").asText().equals("posted"))
                    .noneMatch(e -> "D".equals(e.path("data").path("channel_type").asText())), names(got).toString());
        }
    }

    @Test
    void followAndUnfollowPublishTheRunToTheChannelAndACopyToTheUser() throws Exception {
        People.Run run = people.freshRun("Follow events");
        List<String> outside = people.teamMembersOutside(run);
        String follower = outside.get(0);
        try (WsProbe member = people.socket(people.alexId()); WsProbe user = people.socket(follower);
             WsProbe bystander = people.socket(outside.get(1))) {
            assertEquals(200, people.api(follower).send("PUT", run.path("/followers"), null).statusCode());
            List<JsonNode> copies = drain(user);
            assertEquals(List.of(RUN_UPDATED + "@user"), audience(copies));
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
            assertEquals(List.of(), audience(drain(bystander)));
            assertEquals(people.alex().getJson(run.path("")), People.payload(copies.get(0)));
            assertTrue(followers(run).contains(follower));

            assertEquals(200, people.api(follower).send("DELETE", run.path("/followers"), null).statusCode());
            assertEquals(List.of(RUN_UPDATED + "@user"), audience(drain(user)));
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
            assertEquals(List.of(), audience(drain(bystander)));
            assertFalse(followers(run).contains(follower));
        }
    }

    @Test
    void addedParticipantsJoinTheChannelFollowAndAreAnnouncedInOrder() throws Exception {
        People.Run run = people.freshRun("Add participant");
        List<String> outside = people.teamMembersOutside(run);
        String added = outside.get(0);
        try (WsProbe member = people.socket(people.alexId()); WsProbe user = people.socket(added);
             WsProbe bystander = people.socket(outside.get(1))) {
            JsonNode reply = gql(people.alex(), "AddRunParticipants", ADD, vars(run, added));
            assertEquals("", reply.path("data").path("addRunParticipants").asText("missing"));
            // Channel add (core user_added), Follow's update, then AddParticipants' own update.
            List<String> expected = List.of("user_added", RUN_UPDATED, RUN_UPDATED);
            assertEquals(expected, audience(drain(member)));
            assertEquals(expected, audience(drain(user)), "in the channel from user_added on");
            assertEquals(List.of(), audience(drain(bystander)));
        }
        JsonNode after = people.alex().getJson(run.path(""));
        assertTrue(contains(after.path("participant_ids"), added));
        assertTrue(followers(run).contains(added), "participating implies following (AddParticipants -> Follow)");
        JsonNode event = last(after.path("timeline_events"));
        assertEquals("participants_changed", event.path("event_type").asText());
        assertEquals("", event.path("summary").asText(), "copies are managed in the webapp");
        assertEquals(added, event.path("subject_user_id").asText());
        assertEquals(people.alexId(), event.path("creator_user_id").asText());
        assertEquals(Api.tree("{\"action\":\"joined\",\"requester\":\"alex.rivera\",\"users\":[\""
                + people.username(added) + "\"]}"), Api.tree(event.path("details").asText()));
    }

    @Test
    void addedParticipantsOutsideTheChannelGetTargetedCopies() throws Exception {
        People.Run run = people.freshRun("Add without channel");
        gql(people.alex(), "UpdateRun", "mutation UpdateRun($id: String!, $updates: RunUpdates!) "
                + "{ updateRun(id: $id, updates: $updates) }", "{\"id\":\"" + run.id()
                + "\",\"updates\":{\"createChannelMemberOnNewParticipant\":false}}");
        String added = people.teamMembersOutside(run).get(0);
        try (WsProbe member = people.socket(people.alexId()); WsProbe user = people.socket(added)) {
            gql(people.alex(), "AddRunParticipants", ADD, vars(run, added));
            assertEquals(List.of(RUN_UPDATED, RUN_UPDATED), audience(drain(member)));
            assertEquals(List.of(RUN_UPDATED + "@user", RUN_UPDATED + "@user"), audience(drain(user)));
        }
        assertFalse(people.channelMembers(run.channelId()).contains(added));
    }

    @Test
    void usersOutsideTheTeamAreSkippedAndNamedInABotPost() throws Exception {
        People.Run run = people.freshRun("Add outsider");
        String outsider = people.otherTeamUser(run);
        String added = people.teamMembersOutside(run).get(0);
        try (WsProbe member = people.socket(people.alexId())) {
            JsonNode reply = gql(people.alex(), "AddRunParticipants", ADD, "{\"runID\":\"" + run.id()
                    + "\",\"userIDs\":[\"" + outsider + "\",\"" + added + "\"]}");
            assertFalse(reply.has("errors"), reply.toString());
            List<JsonNode> events = drain(member);
            assertEquals(List.of("posted", "user_added", RUN_UPDATED, RUN_UPDATED), audience(events));
            JsonNode post = Api.tree(events.get(0).path("data").path("post").asText());
            assertEquals("Failed to invite the following users: @" + people.username(outsider) + ". ",
                    post.path("message").asText());
        }
        JsonNode after = people.alex().getJson(run.path(""));
        assertTrue(contains(after.path("participant_ids"), added));
        assertFalse(contains(after.path("participant_ids"), outsider));
    }

    @Test
    void removedParticipantsLeaveTheChannelAndStopFollowing() throws Exception {
        People.Run run = people.freshRun("Remove participant");
        String removed = people.teamMembersOutside(run).get(0);
        gql(people.alex(), "AddRunParticipants", ADD, vars(run, removed));
        try (WsProbe member = people.socket(people.alexId()); WsProbe user = people.socket(removed)) {
            JsonNode reply = gql(people.alex(), "RemoveRunParticipants", REMOVE, vars(run, removed));
            assertEquals("", reply.path("data").path("removeRunParticipants").asText("missing"));
            // Channel removal, RemoveParticipants' update (a copy for the removed user), then Unfollow's.
            assertEquals(List.of("user_removed", RUN_UPDATED, RUN_UPDATED), audience(drain(member)));
            assertEquals(List.of("user_removed@user", RUN_UPDATED + "@user", RUN_UPDATED + "@user"),
                    audience(drain(user)));
        }
        JsonNode after = people.alex().getJson(run.path(""));
        assertFalse(contains(after.path("participant_ids"), removed));
        assertFalse(followers(run).contains(removed));
        JsonNode event = last(after.path("timeline_events"));
        assertEquals("participants_changed", event.path("event_type").asText());
        assertEquals("left", Api.tree(event.path("details").asText()).path("action").asText());
    }

    @Test
    void theOwnerCannotBeRemovedAndAFinishedRunRefusesOthersWithItsOwnMessage() {
        People.Run run = people.freshRun("Remove owner");
        String spare = people.teamMembersOutside(run).get(0);
        JsonNode owner = gql(people.alex(), "RemoveRunParticipants", REMOVE, vars(run, people.alexId()));
        assertEquals(GENERIC, owner.path("errors").get(0).path("message").asText());
        people.alex().json("PUT", run.path("/finish"), null);
        JsonNode finished = gql(people.alex(), "AddRunParticipants", ADD, vars(run, spare));
        assertEquals("cannot modify a finished run: already ended",
                finished.path("errors").get(0).path("message").asText());
        assertEquals(List.of("addRunParticipants"), strings(finished.path("errors").get(0).path("path")));
        // Joining yourself needs only RunView, finished or not.
        JsonNode join = gql(people.api(spare), "AddRunParticipants", ADD, vars(run, spare));
        assertFalse(join.has("errors"), join.toString());
    }

    static final String GENERIC = "Error while executing your request";

    static String vars(People.Run run, String userId) {
        return "{\"runID\":\"" + run.id() + "\",\"userIDs\":[\"" + userId + "\"]}";
    }

    List<String> followers(People.Run run) {
        return strings(people.alex().getJson(run.path("/followers")));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static boolean contains(JsonNode array, String value) {
        return strings(array).contains(value);
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
