package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.PlaybookRun;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sandbox responses checked against the plugin's OpenAPI file; known gaps are in {@link SpecDivergences}. */
class OpenApiContractTest {

    static SandboxServer server;
    static Api api;
    static String token;
    static OpenApiInteractionValidator validator;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxFixture.small());
        token = server.control().credentials().token();
        api = new Api(server.baseUrl(), token);
        String spec;
        try (var in = OpenApiContractTest.class.getResourceAsStream("/sandbox/playbooks-openapi.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    ValidationReport check(Request.Method method, String path, String body) {
        HttpResponse<String> r = api.send(method.name(), Api.PLUGIN + path, body);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, Api.PLUGIN + stripQuery(path))
                .withAuthorization("Bearer " + token)
                .withContentType("application/json");
        int q = path.indexOf('?');
        if (q > 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv[1]);
            }
        }
        if (body != null) {
            request.withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.statusCode())
                .withContentType(r.headers().firstValue("Content-Type").orElse("application/json"));
        if (!r.body().isEmpty()) {
            response.withBody(r.body());
        }
        return validator.validate(request.build(), response.build());
    }

    static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    PlaybookRun activeRun() {
        String alex = server.control().defaultUser().id();
        return server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .filter(r -> r.checklists().get(0).items().stream().anyMatch(i -> i.state().isEmpty()))
                .findFirst().orElseThrow();
    }

    @Test
    void runsListMatchesSpec() {
        ValidationReport report = check(Request.Method.GET, "/runs?per_page=3&page=0&statuses=InProgress", null);
        assertEquals(java.util.List.of(), SpecDivergences.unexplained(report));
        JsonNode page = api.getJson(Api.PLUGIN + "/runs?per_page=3");
        for (String key : new String[] {"total_count", "page_count", "per_page", "has_more", "items"}) {
            assertTrue(page.has(key), key);
        }
    }

    @Test
    void runAndMetadataMatchSpec() {
        PlaybookRun run = activeRun();
        ValidationReport report = check(Request.Method.GET, "/runs/" + run.id(), null);
        assertEquals(java.util.List.of(), SpecDivergences.unexplained(report));
        report = check(Request.Method.GET, "/runs/" + run.id() + "/metadata", null);
        assertEquals(java.util.List.of(), SpecDivergences.unexplained(report));
    }

    @Test
    void itemStateMatchesSpec() {
        PlaybookRun run = activeRun();
        int item = RunUpdatesTest.firstOpenItem(run);
        ValidationReport report = check(Request.Method.PUT, "/runs/" + run.id() + "/checklists/0/item/" + item
                + "/state", "{\"new_state\":\"closed\"}");
        assertEquals(java.util.List.of(), SpecDivergences.unexplained(report));
        assertEquals("closed", server.control().run(run.id()).orElseThrow().checklists().get(0).items().get(item)
                .state());
    }
}
