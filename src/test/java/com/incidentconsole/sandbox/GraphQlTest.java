package com.incidentconsole.sandbox;

import static com.incidentconsole.sandbox.People.RUN_UPDATED;
import static com.incidentconsole.sandbox.People.audience;
import static com.incidentconsole.sandbox.People.drain;
import static com.incidentconsole.sandbox.People.gql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /query} with the documents the webapp sends (webapp/src/components/... and
 * webapp/src/graphql/runs.graphql at the pinned commit), answered as {@code graphql.go} and the
 * resolvers of {@code graphql_root_run.go} / {@code graphql_run.go} do.
 */
@BesideOtherTests
class GraphQlTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String GENERIC = "Error while executing your request";
    static final String UPDATE = "mutation UpdateRun($id: String!, $updates: RunUpdates!) "
            + "{ updateRun(id: $id, updates: $updates) }";
    static final String FAVORITE = "mutation SetRunFavorite($id: String!, $fav: Boolean!) "
            + "{ setRunFavorite(id: $id, fav: $fav) }";

    final People people = new People(SANDBOX);

    @Test
    void runStatusModalReadsTheRunThroughFragments() {
        People.Run run = people.freshRun("Modal read");
        String doc = "query RunStatusModal($runID: String!) { run(id: $runID) { id name teamID ...DefaultMessage "
                + "...ReminderTimer broadcastChannelIDs statusUpdateBroadcastChannelsEnabled "
                + "checklists { items { state } } followers } }\n"
                + "fragment DefaultMessage on Run { reminderMessageTemplate statusPosts { id createAt deleteAt } }\n"
                + "fragment ReminderTimer on Run { previousReminder reminderTimerDefaultSeconds }";
        JsonNode got = gql(people.alex(), "RunStatusModal", doc, "{\"runID\":\"" + run.id() + "\"}");
        JsonNode rest = people.alex().getJson(run.path(""));
        JsonNode r = got.path("data").path("run");
        assertFalse(got.has("errors"), got.toString());
        assertEquals(rest.path("name").asText(), r.path("name").asText());
        assertEquals(rest.path("team_id").asText(), r.path("teamID").asText());
        assertEquals(rest.path("previous_reminder").asLong(), r.path("previousReminder").asLong());
        assertTrue(r.path("previousReminder").isIntegralNumber(), "Go writes whole float64s without exponent");
        assertEquals(rest.path("reminder_timer_default_seconds").asLong(), r.path("reminderTimerDefaultSeconds").asLong());
        assertEquals(rest.path("checklists").get(0).path("items").size(),
                r.path("checklists").get(0).path("items").size());
        assertTrue(r.path("followers").isArray());
    }

    @Test
    void runReportsComputedFieldsAsTheResolversDo() throws Exception {
        People.Run run = people.freshRun("Computed fields");
        people.alex().json("PUT", run.path("/checklists/0/item/0/state"), "{\"new_state\":\"closed\"}");
        people.alex().send("PUT", run.path("/checklists/0/item/1/skip"), null);
        String doc = "query R($id: String!) { run(id: $id) { numTasks numTasksClosed lastUpdatedAt createAt "
                + "currentStatus type isFavorite playbook { title } participantIDs ownerUserID "
                + "timelineEvents { eventType } } }";
        JsonNode r = gql(people.alex(), "R", doc, "{\"id\":\"" + run.id() + "\"}").path("data").path("run");
        JsonNode rest = people.alex().getJson(run.path(""));
        int items = 0;
        for (JsonNode c : rest.path("checklists")) {
            items += c.path("items").size();
        }
        assertEquals(items, r.path("numTasks").asInt());
        assertEquals(2, r.path("numTasksClosed").asInt(), "closed and skipped both count in GraphQL");
        JsonNode events = rest.path("timeline_events");
        assertEquals(events.get(events.size() - 1).path("event_at").asLong(), r.path("lastUpdatedAt").asLong());
        assertEquals("InProgress", r.path("currentStatus").asText());
        assertEquals("playbook", r.path("type").asText());
        assertFalse(r.path("isFavorite").asBoolean());
        assertFalse(r.path("playbook").path("title").asText().isEmpty());
        assertEquals(people.alexId(), r.path("ownerUserID").asText());
    }

    @Test
    void favoritesAreStoredAndTheMutationAnswersTheRunId() {
        People.Run run = people.freshRun("Favorite");
        JsonNode set = gql(people.alex(), "SetRunFavorite", FAVORITE, "{\"id\":\"" + run.id() + "\",\"fav\":true}");
        assertEquals(run.id(), set.path("data").path("setRunFavorite").asText());
        String doc = "query R($id: String!) { run(id: $id) { isFavorite } }";
        assertTrue(gql(people.alex(), "R", doc, "{\"id\":\"" + run.id() + "\"}").path("data").path("run")
                .path("isFavorite").asBoolean());
        gql(people.alex(), "SetRunFavorite", FAVORITE, "{\"id\":\"" + run.id() + "\",\"fav\":false}");
        JsonNode again = gql(people.alex(), "SetRunFavorite", FAVORITE, "{\"id\":\"" + run.id() + "\",\"fav\":false}");
        assertEquals(GENERIC, again.path("errors").get(0).path("message").asText(), "Item is not favorited");
    }

    @Test
    void playbookLhsListsMyRunsAndTheTeamsPlaybooks() {
        People.Run run = people.freshRun("LHS run");
        String doc = "query PlaybookLHS($userID: String!, $teamID: String!, $types: [PlaybookRunType!]) { "
                + "runs (participantOrFollowerID: $userID, teamID: $teamID, sort: \"name\", statuses: [\"InProgress\"], "
                + "types: $types){ edges { node { id name isFavorite playbookID ownerUserID participantIDs followers "
                + "type } } } playbooks (teamID: $teamID, withMembershipOnly: true) { id title isFavorite public } }";
        JsonNode data = gql(people.alex(), "PlaybookLHS", doc, "{\"userID\":\"me\",\"teamID\":\"" + run.teamId()
                + "\",\"types\":[\"playbook\",\"channelChecklist\"]}").path("data");
        List<String> names = data.path("runs").path("edges").findValues("name").stream().map(JsonNode::asText).toList();
        assertTrue(names.contains("LHS run"), names.toString());
        assertEquals(names.stream().sorted().toList(), names, "sort: name");
        assertTrue(data.path("playbooks").size() > 0);
    }

    @Test
    void rhsRunsUsesAListLiteralWithAVariableAliasesAndNestedPlaybook() {
        People.Run run = people.freshRun("RHS run");
        String doc = "query RHSRuns($channelID: String!, $sort: String!, $direction: String!, $status: String!, "
                + "$first: Int, $after: String) { runs(channelID: $channelID, sort: $sort, direction: $direction, "
                + "statuses: [$status], first: $first, after: $after) { totalCount edges { node { id name "
                + "participantIDs ownerUserID playbookID playbook { title } numTasksClosed numTasks lastUpdatedAt type "
                + "currentStatus channelID teamID propertyFields { id name type attrs { sort_order: sortOrder "
                + "options { id name color } parent_id: parentID } } } } pageInfo { endCursor hasNextPage } } }";
        JsonNode reply = gql(people.alex(), "RHSRuns", doc, "{\"channelID\":\"" + run.channelId() + "\",\"sort\":"
                + "\"create_at\",\"direction\":\"DESC\",\"status\":\"InProgress\",\"first\":8}");
        assertFalse(reply.has("errors"), reply.toString());
        JsonNode node = reply.path("data").path("runs").path("edges").get(0).path("node");
        assertEquals(run.id(), node.path("id").asText());
        assertEquals(run.channelId(), node.path("channelID").asText());
        assertTrue(node.path("propertyFields").isArray());
        JsonNode badSort = gql(people.alex(), "RHSRuns", doc, "{\"channelID\":\"" + run.channelId() + "\",\"sort\":"
                + "\"bogus\",\"direction\":\"DESC\",\"status\":\"InProgress\"}");
        assertEquals(GENERIC, badSort.path("errors").get(0).path("message").asText(), "unsupported sort parameter");
    }

    @Test
    void firstActiveRunInChannelPagesByPageNumberCursors() {
        People.Run run = people.freshRun("Channel run");
        String doc = "query FirstActiveRunInChannel($channelID: String!) { runs(channelID: $channelID, "
                + "statuses: [\"InProgress\"], first: 1) { totalCount edges { cursor node { id name previousReminder "
                + "reminderTimerDefaultSeconds lastUpdatedAt createAt } } pageInfo { hasNextPage startCursor endCursor } } }";
        JsonNode runs = gql(people.alex(), "FirstActiveRunInChannel", doc, "{\"channelID\":\"" + run.channelId() + "\"}")
                .path("data").path("runs");
        assertEquals(1, runs.path("totalCount").asInt());
        JsonNode node = runs.path("edges").get(0).path("node");
        assertEquals(run.id(), node.path("id").asText());
        assertEquals(node.path("createAt").asLong(), node.path("lastUpdatedAt").asLong(),
                "runs skips timeline events, so lastUpdatedAt is the creation time");
        assertEquals("1", runs.path("edges").get(0).path("cursor").asText(), "the page count");
        assertEquals("0", runs.path("pageInfo").path("startCursor").asText());
        assertEquals("1", runs.path("pageInfo").path("endCursor").asText());
        assertFalse(runs.path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    void updateRunStoresWhatItIsGivenAndPublishesEvenWithoutAChange() throws Exception {
        People.Run run = people.freshRun("Update run");
        try (WsProbe member = people.socket(people.alexId())) {
            JsonNode reply = gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id()
                    + "\",\"updates\":{\"name\":\"\",\"summary\":\"via GraphQL\"}}");
            assertEquals(run.id(), reply.path("data").path("updateRun").asText());
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
            JsonNode rest = people.alex().getJson(run.path(""));
            assertEquals("", rest.path("name").asText(), "GraphqlUpdate does not refuse a blank name");
            assertEquals("via GraphQL", rest.path("summary").asText());
            gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id() + "\",\"updates\":{\"summary\":\"via GraphQL\"}}");
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)), "GraphqlUpdate always sends the run");
            gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id() + "\",\"updates\":{}}");
            assertEquals(List.of(), audience(drain(member)), "an empty setmap is a no-op");
        }
    }

    @Test
    void updateRunChecksWebhookUrlsChannelsAndFinishedRuns() {
        People.Run run = people.freshRun("Update checks");
        JsonNode webhook = gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id()
                + "\",\"updates\":{\"webhookOnStatusUpdateURLs\":[\"ftp://example.invalid/x\"]}}");
        assertEquals(GENERIC, webhook.path("errors").get(0).path("message").asText());
        JsonNode channel = gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id()
                + "\",\"updates\":{\"channelID\":\"" + "x".repeat(26) + "\"}}");
        assertEquals(GENERIC, channel.path("errors").get(0).path("message").asText());
        people.alex().json("PUT", run.path("/finish"), null);
        JsonNode finished = gql(people.alex(), "UpdateRun", UPDATE, "{\"id\":\"" + run.id()
                + "\",\"updates\":{\"summary\":\"late\"}}");
        JsonNode error = finished.path("errors").get(0);
        assertEquals("cannot modify a finished run: already ended", error.path("message").asText());
        assertEquals(Api.tree("[{\"line\":0,\"column\":0}]"), error.path("locations"));
        assertEquals(Api.tree("[\"updateRun\"]"), error.path("path"));
        assertTrue(finished.has("data") && finished.path("data").isNull(), finished.toString());
    }

    @Test
    void taskActionsAreValidatedAndStoredOnTheItem() throws Exception {
        People.Run run = people.freshRun("Task actions");
        String doc = "mutation UpdateRunTaskActions($runID: String!, $checklistNum: Float!, $itemNum: Float!, "
                + "$taskActions: [TaskActionUpdates!]!) { updateRunTaskActions(runID: $runID, checklistNum: "
                + "$checklistNum, itemNum: $itemNum, taskActions: $taskActions) }";
        String action = "{\"trigger\":{\"type\":\"keywords_by_users\",\"payload\":\"{\\\"keywords\\\":[\\\"done\\\"],"
                + "\\\"user_ids\\\":[]}\"},\"actions\":[{\"type\":\"mark_item_as_done\",\"payload\":"
                + "\"{\\\"enabled\\\":true}\"}]}";
        try (WsProbe member = people.socket(people.alexId())) {
            JsonNode ok = gql(people.alex(), "UpdateRunTaskActions", doc, "{\"runID\":\"" + run.id()
                    + "\",\"checklistNum\":0,\"itemNum\":0,\"taskActions\":[" + action + "]}");
            assertEquals("", ok.path("data").path("updateRunTaskActions").asText("missing"), ok.toString());
            assertEquals(List.of(RUN_UPDATED), audience(drain(member)));
        }
        JsonNode stored = people.alex().getJson(run.path("")).path("checklists").get(0).path("items").get(0)
                .path("task_actions").get(0);
        assertEquals("keywords_by_users", stored.path("trigger").path("type").asText());
        assertEquals("mark_item_as_done", stored.path("actions").get(0).path("type").asText());
        JsonNode unknown = gql(people.alex(), "UpdateRunTaskActions", doc, "{\"runID\":\"" + run.id()
                + "\",\"checklistNum\":0,\"itemNum\":0,\"taskActions\":[" + action.replace("keywords_by_users", "x") + "]}");
        assertEquals(GENERIC, unknown.path("errors").get(0).path("message").asText());
    }

    @Test
    void changeRunOwnerAnswersAnEmptyStringAndRefusesFinishedRunsWithItsMessage() {
        People.Run run = people.freshRun("GraphQL owner");
        String next = people.teamMembersOutside(run).get(0);
        String doc = "mutation ChangeRunOwner($runID: String!, $ownerID: String!) { changeRunOwner(runID: $runID, "
                + "ownerID: $ownerID) }";
        JsonNode ok = gql(people.alex(), "ChangeRunOwner", doc, "{\"runID\":\"" + run.id() + "\",\"ownerID\":\"" + next
                + "\"}");
        assertEquals("", ok.path("data").path("changeRunOwner").asText("missing"), ok.toString());
        assertEquals(next, people.alex().getJson(run.path("")).path("owner_user_id").asText());
        people.api(next).json("PUT", run.path("/finish"), null);
        JsonNode finished = gql(people.api(next), "ChangeRunOwner", doc, "{\"runID\":\"" + run.id()
                + "\",\"ownerID\":\"" + people.alexId() + "\"}");
        assertEquals("cannot modify a finished run: already ended",
                finished.path("errors").get(0).path("message").asText());
    }

    @Test
    void errorsKeepOnlyTheFirstWithLocationZeroAndTheGenericMessage() {
        JsonNode unknownField = gql(people.alex(), "Q", "query Q { run(id: \"x\") { nope } }", "{}");
        assertEquals(Api.tree("{\"errors\":[{\"message\":\"" + GENERIC + "\",\"locations\":[{\"line\":0,\"column\":0}]}]}"),
                unknownField, "a validation error: no data at all");
        JsonNode unknownRun = gql(people.alex(), "Q", "query Q { run(id: \"" + "a".repeat(26) + "\") { id } }", "{}");
        assertEquals(GENERIC, unknownRun.path("errors").get(0).path("message").asText());
        assertEquals(Api.tree("[\"run\"]"), unknownRun.path("errors").get(0).path("path"));
        assertTrue(unknownRun.path("data").path("run").isNull());
        JsonNode introspection = gql(people.alex(), "I", "query I { __schema { types { name } } }", "{}");
        assertEquals(GENERIC, introspection.path("errors").get(0).path("message").asText(),
                "production servers restrict introspection");
    }

    @Test
    void undecodableBodiesAndBlankOperationNamesGetAnEmpty200() {
        for (String body : List.of("{not json", "[1,2]", "{\"query\":5,\"operationName\":\"Q\"}",
                "{\"query\":\"query Q { runs { totalCount } }\"}")) {
            HttpResponse<String> r = people.alex().send("POST", Api.PLUGIN + "/query", body);
            assertEquals(200, r.statusCode(), body);
            assertEquals("", r.body(), body);
        }
    }
}
