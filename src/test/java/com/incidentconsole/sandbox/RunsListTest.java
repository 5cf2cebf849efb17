package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class RunsListTest {

    static SandboxFixture sandbox;
    static SandboxServer server;
    static Api alex;
    static String alexId;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        alex = new Api(server.baseUrl(), server.control().credentials().token());
        alexId = server.control().defaultUser().id();
    }

    @AfterEach
    void exchangesMatchSpec() {
        sandbox.assertAllExchangesMatchSpec();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void pagesCountAndHasMore() {
        JsonNode all = alex.getJson(Api.PLUGIN + "/runs");
        long total = all.path("total_count").asLong();
        assertTrue(total > 10);
        assertEquals(1000, all.path("per_page").asInt());
        JsonNode page0 = alex.getJson(Api.PLUGIN + "/runs?per_page=5&page=0");
        assertEquals(5, page0.path("items").size());
        assertEquals(total, page0.path("total_count").asLong());
        assertEquals((total + 4) / 5, page0.path("page_count").asLong());
        assertTrue(page0.path("has_more").asBoolean());
        long last = (total - 1) / 5;
        JsonNode lastPage = alex.getJson(Api.PLUGIN + "/runs?per_page=5&page=" + last);
        assertFalse(lastPage.path("has_more").asBoolean());
        assertEquals(total - last * 5, lastPage.path("items").size());
    }

    @Test
    void filtersByStatusOwnerParticipantAndSearch() {
        JsonNode active = alex.getJson(Api.PLUGIN + "/runs?statuses=InProgress");
        active.path("items").forEach(r -> assertEquals("InProgress", r.path("current_status").asText()));
        JsonNode both = alex.getJson(Api.PLUGIN + "/runs?statuses=InProgress&statuses=Finished");
        assertEquals(alex.getJson(Api.PLUGIN + "/runs").path("total_count"), both.path("total_count"));
        JsonNode mine = alex.getJson(Api.PLUGIN + "/runs?owner_user_id=me");
        assertTrue(mine.path("total_count").asLong() > 0);
        mine.path("items").forEach(r -> assertEquals(alexId, r.path("owner_user_id").asText()));
        JsonNode participating = alex.getJson(Api.PLUGIN + "/runs?participant_id=me");
        participating.path("items").forEach(r -> assertTrue(ids(r.path("participant_ids")).contains(alexId)));
        assertTrue(participating.path("total_count").asLong() >= mine.path("total_count").asLong());
        String name = active.path("items").get(0).path("name").asText();
        String term = name.substring(0, Math.min(8, name.length())).toLowerCase();
        JsonNode found = alex.getJson(Api.PLUGIN + "/runs?search_term=" + term.replace(" ", "%20"));
        assertTrue(found.path("total_count").asLong() >= 1);
        found.path("items").forEach(r -> assertTrue(r.path("name").asText().toLowerCase().contains(term)));
        assertEquals(400, alex.get(Api.PLUGIN + "/runs?statuses=Done").statusCode());
    }

    @Test
    void sortsByNameDescending() {
        JsonNode runs = alex.getJson(Api.PLUGIN + "/runs?sort=name&direction=desc&per_page=50");
        List<String> names = new ArrayList<>();
        runs.path("items").forEach(r -> names.add(r.path("name").asText()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, names);
    }

    @Test
    void userOfAnotherTeamSeesOnlyTheirTeamsRuns() {
        User outsider = server.control().users().stream()
                .filter(u -> !u.id().equals(alexId))
                .filter(u -> server.control().runs().stream().anyMatch(r -> !server.control()
                        .isTeamMember(r.teamId(), u.id())))
                .findFirst().orElseThrow();
        Api api = new Api(server.baseUrl(), server.control().tokenFor(outsider.username()));
        api.getJson(Api.PLUGIN + "/runs").path("items").forEach(r ->
                assertTrue(server.control().isTeamMember(r.path("team_id").asText(), outsider.id())));
        String hidden = server.control().runs().stream()
                .filter(r -> !server.control().isTeamMember(r.teamId(), outsider.id())).findFirst().orElseThrow().id();
        assertEquals(403, api.get(Api.PLUGIN + "/runs/" + hidden).statusCode());
        assertEquals(403, api.get(Api.PLUGIN + "/runs/" + "a".repeat(26)).statusCode());
    }

    @Test
    void timeTypeTeamAndPlaybookFiltersAgreeWithTheData() {
        long now = SandboxFixture.NOW.toEpochMilli();
        long weekAgo = now - 7 * 86_400_000L;
        alex.getJson(Api.PLUGIN + "/runs?omit_ended=true").path("items")
                .forEach(r -> assertEquals(0, r.path("end_at").asLong()));
        alex.getJson(Api.PLUGIN + "/runs?started_gte=" + weekAgo).path("items")
                .forEach(r -> assertTrue(r.path("create_at").asLong() >= weekAgo));
        alex.getJson(Api.PLUGIN + "/runs?started_lt=" + weekAgo).path("items")
                .forEach(r -> assertTrue(r.path("create_at").asLong() < weekAgo));
        alex.getJson(Api.PLUGIN + "/runs?active_gte=" + weekAgo).path("items").forEach(r ->
                assertTrue(r.path("end_at").asLong() == 0 || r.path("end_at").asLong() >= weekAgo));
        alex.getJson(Api.PLUGIN + "/runs?since=" + weekAgo).path("items").forEach(r ->
                assertTrue(r.path("update_at").asLong() >= weekAgo || r.path("create_at").asLong() >= weekAgo
                        || r.path("end_at").asLong() >= weekAgo));
        JsonNode any = alex.getJson(Api.PLUGIN + "/runs?per_page=1").path("items").get(0);
        String team = any.path("team_id").asText();
        String playbook = any.path("playbook_id").asText();
        alex.getJson(Api.PLUGIN + "/runs?team_id=" + team + "&playbook_id=" + playbook).path("items").forEach(r -> {
            assertEquals(team, r.path("team_id").asText());
            assertEquals(playbook, r.path("playbook_id").asText());
        });
        assertEquals(alex.getJson(Api.PLUGIN + "/runs").path("total_count"),
                alex.getJson(Api.PLUGIN + "/runs?types=playbook").path("total_count"));
        alex.getJson(Api.PLUGIN + "/runs?participant_or_follower_id=me").path("items")
                .forEach(r -> assertTrue(ids(r.path("participant_ids")).contains(alexId)));
        assertEquals(400, alex.get(Api.PLUGIN + "/runs?since=yesterday").statusCode());
        assertEquals(400, alex.get(Api.PLUGIN + "/runs?sort=colour").statusCode());
        assertEquals(400, alex.get(Api.PLUGIN + "/runs?team_id=nope").statusCode());
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
