package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.People.RUN_UPDATED;
import static com.incidentconsole.sandbox.People.audience;
import static com.incidentconsole.sandbox.People.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Checklist item behaviours as {@code playbook_runs.go} and {@code playbook_run_service.go} implement them. */
@BesideOtherTests
class ChecklistFidelityTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String ITEM = "/checklists/0/item/0";

    final People people = new People(SANDBOX);

    @Test
    void skipAndRestoreChangeOnlyTheStateAndWriteNoTimelineEvent() throws Exception {
        People.Run run = people.freshRun("Skip item");
        people.alex().json("PUT", run.path(ITEM + "/state"), "{\"new_state\":\"in_progress\"}");
        JsonNode before = people.alex().getJson(run.path(""));
        long stateModified = item(before, 0, 0).path("state_modified").asLong();
        int events = before.path("timeline_events").size();
        try (WsProbe member = people.socket(people.alexId())) {
            assertEquals(204, people.alex().send("PUT", run.path(ITEM + "/skip"), null).statusCode());
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
            JsonNode skipped = people.alex().getJson(run.path(""));
            assertEquals("skipped", item(skipped, 0, 0).path("state").asText());
            assertEquals(stateModified, item(skipped, 0, 0).path("state_modified").asLong());
            assertTrue(item(skipped, 0, 0).path("delete_at").asLong() > 0, "the skip time");
            assertEquals(events, skipped.path("timeline_events").size(), "SkipChecklistItem writes no timeline event");
            assertEquals(204, people.alex().send("PUT", run.path(ITEM + "/restore"), null).statusCode());
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
        }
        JsonNode restored = people.alex().getJson(run.path(""));
        assertEquals("", item(restored, 0, 0).path("state").asText());
        assertEquals(stateModified, item(restored, 0, 0).path("state_modified").asLong());
        assertEquals(events, restored.path("timeline_events").size());
    }

    @Test
    void assigneeModesAreExclusiveAndRolesResolveToTheOwner() {
        People.Run run = people.freshRun("Assignee modes");
        HttpResponse<String> both = people.alex().send("PUT", run.path(ITEM + "/assignee"),
                "{\"assignee_id\":\"" + people.alexId() + "\",\"assignee_type\":\"owner\"}");
        assertEquals(400, both.statusCode());
        assertEquals("assignee_id, assignee_type, and assignee_property_field_id are mutually exclusive",
                Api.tree(both.body()).path("error").asText());
        assertEquals(400, people.alex().send("PUT", run.path(ITEM + "/assignee"), "{\"assignee_type\":\"bogus\"}")
                .statusCode());
        assertEquals(400, people.alex().send("PUT", run.path(ITEM + "/assignee"),
                "{\"assignee_property_field_id\":\"" + "f".repeat(26) + "\"}").statusCode(), "no such field on the run");
        assertEquals(500, people.alex().send("PUT", run.path(ITEM + "/assignee"),
                "{\"assignee_id\":\"" + "u".repeat(26) + "\"}").statusCode(), "unknown user: the lookup fails");
        people.alex().json("PUT", run.path(ITEM + "/assignee"), "{\"assignee_type\":\"owner\"}");
        JsonNode after = people.alex().getJson(run.path(""));
        assertEquals(people.alexId(), item(after, 0, 0).path("assignee_id").asText());
        assertEquals("owner", item(after, 0, 0).path("assignee_type").asText());
        JsonNode event = last(after.path("timeline_events"));
        assertEquals("assignee_changed", event.path("event_type").asText());
        assertEquals("set assignee of checklist item **" + item(after, 0, 0).path("title").asText() + "** to owner",
                event.path("summary").asText());
        assertEquals(people.alexId(), event.path("subject_user_id").asText());
        assertEquals("", event.path("creator_user_id").asText());
    }

    @Test
    void theOwnerAssigningANewcomerMakesThemAParticipantAndDmsThem() throws Exception {
        People.Run run = people.freshRun("Assign newcomer");
        String newcomer = people.teamMembersOutside(run).get(0);
        try (WsProbe member = people.socket(people.alexId()); WsProbe assignee = people.socket(newcomer)) {
            people.alex().json("PUT", run.path(ITEM + "/assignee"), "{\"assignee_id\":\"" + newcomer + "\"}");
            assertEquals(List.of("user_added", RUN_UPDATED, RUN_UPDATED), audience(drain(member)));
            List<JsonNode> got = drain(assignee);
            assertEquals(List.of("user_added", RUN_UPDATED, "direct_added", "posted", RUN_UPDATED), audience(got));
            JsonNode dm = Api.tree(got.get(3).path("data").path("post").asText());
            String title = item(people.alex().getJson(run.path("")), 0, 0).path("title").asText();
            assertEquals("@alex.rivera assigned you the task **" + title + "** (previously assigned to No Assignee) "
                    + "for the run: [Assign newcomer](/playbooks/runs/" + run.id() + "?from=dm_assignedtask)\n"
                    + "   #taskassigned", dm.path("message").asText());
        }
        JsonNode after = people.alex().getJson(run.path(""));
        assertTrue(ParticipantAudienceTest.contains(after.path("participant_ids"), newcomer));
        assertTrue(ParticipantAudienceTest.contains(people.alex().getJson(run.path("/followers")), newcomer));
        assertTrue(last(after.path("timeline_events")).path("summary").asText().endsWith("from **No Assignee** to **@"
                + people.username(newcomer) + "**"));
    }

    @Test
    void aParticipantWhoIsNotTheOwnerCannotPullSomeoneIn() {
        People.Run run = people.freshRun("Assign by participant");
        List<String> outside = people.teamMembersOutside(run);
        String helper = outside.get(0);
        String stranger = outside.get(1);
        People.gql(people.alex(), "AddRunParticipants", ParticipantAudienceTest.ADD,
                ParticipantAudienceTest.vars(run, helper));
        people.api(helper).json("PUT", run.path(ITEM + "/assignee"), "{\"assignee_id\":\"" + stranger + "\"}");
        JsonNode after = people.alex().getJson(run.path(""));
        assertEquals(stranger, item(after, 0, 0).path("assignee_id").asText(), "the assignment itself stands");
        assertFalse(ParticipantAudienceTest.contains(after.path("participant_ids"), stranger));
    }

    @Test
    void duplicatesKeepTitlesAndStates() {
        People.Run run = people.freshRun("Duplicates");
        people.alex().json("PUT", run.path(ITEM + "/state"), "{\"new_state\":\"closed\"}");
        JsonNode before = people.alex().getJson(run.path(""));
        assertEquals(201, people.alex().send("POST", run.path("/checklists/0/duplicate"), null).statusCode());
        JsonNode after = people.alex().getJson(run.path(""));
        JsonNode copy = last(after.path("checklists"));
        assertEquals(before.path("checklists").get(0).path("title").asText(), copy.path("title").asText());
        assertEquals("closed", copy.path("items").get(0).path("state").asText());
        assertFalse(copy.path("items").get(0).path("id").asText().equals(item(before, 0, 0).path("id").asText()));
        assertEquals(201, people.alex().send("POST", run.path(ITEM + "/duplicate"), null).statusCode());
        JsonNode items = people.alex().getJson(run.path("")).path("checklists").get(0).path("items");
        assertEquals("closed", items.get(1).path("state").asText(), "the copy sits right after the item, state kept");
        assertEquals(items.get(0).path("title").asText(), items.get(1).path("title").asText());
        assertEquals(400, people.alex().send("POST", run.path(ITEM + "/duplicate"), "{}").statusCode(),
                "request body must be empty");
    }

    @Test
    void aChangedCommandForgetsWhenTheOldOneRanAndAnEmptyOneCannotRun() {
        People.Run run = people.freshRun("Commands");
        assertEquals(500, people.alex().send("POST", run.path(ITEM + "/run"), null).statusCode(),
                "no slash command: a plain error");
        people.alex().json("PUT", run.path(ITEM + "/command"), "{\"command\":\"/echo one\"}");
        people.alex().json("POST", run.path(ITEM + "/run"), null);
        assertTrue(item(people.alex().getJson(run.path("")), 0, 0).path("command_last_run").asLong() > 0);
        people.alex().json("PUT", run.path(ITEM + "/command"), "{\"command\":\"/echo one\"}");
        assertTrue(item(people.alex().getJson(run.path("")), 0, 0).path("command_last_run").asLong() > 0, "same command");
        people.alex().json("PUT", run.path(ITEM + "/command"), "{\"command\":\"/echo two\"}");
        assertEquals(0, item(people.alex().getJson(run.path("")), 0, 0).path("command_last_run").asLong());
    }

    @Test
    void aStateChangeIsRecordedWithTheStrippedTitleAndNoCreator() {
        People.Run run = people.freshRun("State event");
        assertEquals(201, people.alex().send("POST", run.path("/checklists/0/add"),
                "{\"title\":\"  **Page** the [DBA](https://example.invalid) & co  \"}").statusCode());
        JsonNode items = people.alex().getJson(run.path("")).path("checklists").get(0).path("items");
        int last = items.size() - 1;
        assertEquals("**Page** the [DBA](https://example.invalid) & co", items.get(last).path("title").asText(),
                "addChecklistItem trims the title");
        people.alex().json("PUT", run.path("/checklists/0/item/" + last + "/state"), "{\"new_state\":\"closed\"}");
        JsonNode event = last(people.alex().getJson(run.path("")).path("timeline_events"));
        assertEquals("checked off checklist item **Page the DBA & co**", event.path("summary").asText());
        assertEquals("{\"action\":\"check\",\"task\":\"Page the DBA \\u0026 co\"}", event.path("details").asText());
        assertEquals(people.alexId(), event.path("subject_user_id").asText());
        assertEquals("", event.path("creator_user_id").asText());
        assertEquals(400, people.alex().send("PUT", run.path("/checklists/0/item/0/state"), "{\"new_state\":\"done\"}")
                .statusCode());
    }

    static JsonNode item(JsonNode run, int n, int i) {
        return run.path("checklists").get(n).path("items").get(i);
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
