package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.People.RUN_UPDATED;
import static com.incidentconsole.sandbox.People.audience;
import static com.incidentconsole.sandbox.People.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /runs/{id}/owner} and {@code changeRunOwner} as {@code ChangeOwner} and {@code RunChangeOwner} do it. */
@BesideOtherTests
class OwnerChangeTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    final People people = new People(SANDBOX);

    @Test
    void theNewOwnerJoinsFollowsTakesOverOwnerTasksAndIsDmed() throws Exception {
        People.Run run = people.freshRun("Hand over");
        people.alex().json("PUT", run.path("/checklists/0/item/0/assignee"), "{\"assignee_type\":\"owner\"}");
        String next = people.teamMembersOutside(run).get(0);
        String name = people.username(next);
        try (WsProbe member = people.socket(people.alexId()); WsProbe owner = people.socket(next)) {
            JsonNode reply = people.alex().json("POST", run.path("/owner"), "{\"owner_id\":\"" + next + "\"}");
            assertEquals(0, reply.size(), "{}");
            assertEquals(List.of("user_added", RUN_UPDATED, RUN_UPDATED), audience(drain(member)));
            List<JsonNode> got = drain(owner);
            assertEquals(List.of("user_added", RUN_UPDATED, "direct_added", "posted", RUN_UPDATED), audience(got));
            assertEquals("@alex.rivera changed the owner for run: [Hand over](/playbooks/runs/" + run.id()
                    + ") from **@alex.rivera** to **@" + name + "**",
                    Api.tree(got.get(3).path("data").path("post").asText()).path("message").asText());
        }
        JsonNode after = people.alex().getJson(run.path(""));
        assertEquals(next, after.path("owner_user_id").asText());
        assertEquals(next, ChecklistFidelityTest.item(after, 0, 0).path("assignee_id").asText());
        assertTrue(ParticipantAudienceTest.contains(people.alex().getJson(run.path("/followers")), next));
        List<String> tail = new ArrayList<>();
        JsonNode events = after.path("timeline_events");
        for (int k = events.size() - 3; k < events.size(); k++) {
            tail.add(events.get(k).path("event_type").asText() + ":" + events.get(k).path("summary").asText());
        }
        String title = ChecklistFidelityTest.item(after, 0, 0).path("title").asText();
        assertEquals(List.of("participants_changed:", "assignee_changed:changed assignee of checklist item **" + title
                + "** from **@alex.rivera** to **@" + name + "**", "owner_changed:@alex.rivera to @" + name), tail);
    }

    @Test
    void sameOwnerIsANoOpAndBadOwnersAreRefusedAsTheServerDoes() throws Exception {
        People.Run run = people.freshRun("Owner errors");
        try (WsProbe member = people.socket(people.alexId())) {
            assertEquals(200, people.alex().send("POST", run.path("/owner"), "{\"owner_id\":\"" + people.alexId()
                    + "\"}").statusCode());
            assertEquals(List.of(), audience(drain(member)));
        }
        assertEquals(500, people.alex().send("POST", run.path("/owner"), "{\"owner_id\":\"" + "u".repeat(26) + "\"}")
                .statusCode());
        String outsider = people.otherTeamUser(run);
        HttpResponse<String> notMember = people.alex().send("POST", run.path("/owner"), "{\"owner_id\":\"" + outsider
                + "\"}");
        assertEquals(400, notMember.statusCode());
        assertEquals("user " + people.username(outsider) + " is not a member of the run's team and cannot be set as "
                + "owner: invalid owner", Api.tree(notMember.body()).path("error").asText());
        assertEquals(400, people.alex().send("POST", run.path("/owner"), "{oops").statusCode());
        people.alex().json("PUT", run.path("/finish"), null);
        HttpResponse<String> finished = people.alex().send("POST", run.path("/owner"), "{oops");
        assertEquals(400, finished.statusCode());
        assertEquals("cannot modify a finished run", Api.tree(finished.body()).path("error").asText(),
                "the finished check comes before the body is read");
    }

    @Test
    void playbookAdminsMayHandOverOwnerOnlyRunsOtherParticipantsMayNot() {
        People.Run base = people.freshRun("Admin base");
        List<String> outside = people.teamMembersOutside(base);
        String owner = outside.get(0);
        String helper = outside.get(1);
        String playbook = people.alex().json("POST", Api.PLUGIN + "/playbooks", "{\"title\":\"Owner only\",\"team_id\":\""
                + base.teamId() + "\",\"reminder_timer_default_seconds\":3600,\"owner_group_only_actions\":true,\"public\":true,\"create_public_playbook_run\":true,"
                + "\"checklists\":[{\"title\":\"One\",\"items\":[{\"title\":\"Do it\"}]}]}").path("id").asText();
        String runId = people.alex().json("POST", Api.PLUGIN + "/runs", "{\"name\":\"Owner only run\",\"owner_user_id\":\""
                + owner + "\",\"team_id\":\"" + base.teamId() + "\",\"playbook_id\":\"" + playbook + "\"}")
                .path("id").asText();
        String path = Api.PLUGIN + "/runs/" + runId + "/owner";
        People.gql(people.alex(), "AddRunParticipants", ParticipantAudienceTest.ADD,
                "{\"runID\":\"" + runId + "\",\"userIDs\":[\"" + helper + "\"]}");
        assertEquals(403, people.api(helper).send("POST", path, "{\"owner_id\":\"" + helper + "\"}").statusCode());
        assertEquals(200, people.alex().send("POST", path, "{\"owner_id\":\"" + people.alexId() + "\"}").statusCode(),
                "the playbook's admin may take over");
    }
}
