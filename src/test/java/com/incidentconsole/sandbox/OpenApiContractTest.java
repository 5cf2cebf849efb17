package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads that other tests do not make, so that the fixture validates them too, plus proof that the
 * fixture's validation bites: a response the spec forbids is reported, a recorded divergence is not.
 */
@BesideOtherTests
class OpenApiContractTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    final Api api = new Api(SANDBOX.baseUrl(), SANDBOX.control().credentials().token());

    PlaybookRun activeRun() {
        String alex = SANDBOX.control().defaultUser().id();
        return SANDBOX.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
    }

    @Test
    void runsListMatchesSpec() {
        JsonNode page = api.getJson(Api.PLUGIN + "/runs?per_page=3&page=0&statuses=InProgress&sort=name&direction=desc");
        for (String key : new String[] {"total_count", "page_count", "per_page", "has_more", "items"}) {
            assertTrue(page.has(key), key);
        }
    }

    @Test
    void runReadsMatchSpec() {
        PlaybookRun run = activeRun();
        api.getJson(Api.PLUGIN + "/runs/" + run.id());
        api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/metadata");
        api.getJson(Api.PLUGIN + "/runs/channel/" + run.channelId());
        api.getJson(Api.PLUGIN + "/runs/owners?team_id=" + run.teamId());
        api.getJson(Api.PLUGIN + "/runs/channels?team_id=" + run.teamId());
        api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/property_fields");
        api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/property_values");
        api.getJson(Api.PLUGIN + "/runs/" + run.id() + "/conditions");
    }

    @Test
    void playbookReadsMatchSpec() {
        JsonNode list = api.getJson(Api.PLUGIN + "/playbooks?team_id=" + activeRun().teamId() + "&per_page=5");
        api.getJson(Api.PLUGIN + "/playbooks/" + list.path("items").get(0).path("id").asText());
    }

    @Test
    void aResponseTheSpecForbidsIsReported() {
        SpecContract contract = new SpecContract();
        String path = Api.PLUGIN + "/runs/" + activeRun().id();
        ExchangeObserver.Exchange wrong = new ExchangeObserver.Exchange("GET", path, "",
                Map.of("Authorization", List.of("Bearer x")), "", 200,
                Map.of("Content-Type", List.of("application/json")), "{\"id\": 5, \"checklists\": \"none\"}");
        List<String> problems = contract.mismatches(wrong);
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).startsWith("GET " + path + " -> 200: validation.response.body"), problems.get(0));
    }

    @Test
    void aRecordedDivergenceIsNotReported() {
        SpecContract contract = new SpecContract();
        ExchangeObserver.Exchange finish = new ExchangeObserver.Exchange("PUT",
                Api.PLUGIN + "/runs/" + activeRun().id() + "/restore", "", Map.of("Authorization", List.of("Bearer x")),
                "", 200, Map.of("Content-Type", List.of("application/json")), "{\"status\":\"OK\"}");
        assertEquals(List.of(), contract.mismatches(finish));
    }
}
