package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.User;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #11 point 4 for the run lifecycle routes: the real success status and the status for an
 * unknown run, a caller without permission (a user of another team), a finished run and a body
 * that does not decode, each from api/playbook_runs.go (the {@code checkEditPermissions}
 * middleware answers 500 for an unknown run, RunView/RunFinish handlers 403; retrospective routes
 * are exempt from the active-run check; {@code reminderReset} and {@code toggleStatusUpdates}
 * send undecodable bodies to {@code HandleError}: 500). {@code 0} = the route reads no body.
 */
@BesideOtherTests
class RunRouteStatusTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    private static final String UNKNOWN = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    record Route(String method, String rest, String body, int ok, int unknownRun, int refused, int finished,
                 int malformed) {
        @Override
        public String toString() {
            return method + " /runs/{id}" + rest;
        }
    }

    static Stream<Route> routes() {
        String dialog = "{\"type\":\"dialog_submission\",\"state\":\"\",\"submission\":{\"message\":\"x\","
                + "\"reminder\":\"60\"}}";
        return Stream.of(
                new Route("GET", "", null, 200, 403, 403, 200, 0),
                new Route("GET", "/status-updates", null, 200, 403, 403, 200, 0),
                new Route("PATCH", "", "{\"summary\":\"x\"}", 200, 500, 403, 400, 400),
                new Route("PUT", "/finish", null, 200, 403, 403, 200, 0),
                new Route("PUT", "/restore", null, 200, 403, 403, 200, 0),
                new Route("POST", "/status", "{\"message\":\"x\",\"reminder\":60}", 200, 500, 403, 400, 400),
                new Route("POST", "/update-status-dialog", dialog, 200, 500, 403, 400, 400),
                new Route("POST", "/request-update", null, 200, 403, 403, 200, 0),
                new Route("POST", "/reminder", "{\"new_reminder_seconds\":60}", 204, 500, 403, 400, 500),
                new Route("PUT", "/status-update-enabled", "{\"status_enabled\":true}", 200, 500, 403, 400, 500),
                new Route("PUT", "/retrospective-enabled", "{\"retrospective_enabled\":false}", 200, 500, 403, 200, 400),
                new Route("DELETE", "/timeline/{event}", null, 204, 500, 403, 400, 0),
                new Route("POST", "/retrospective", "{\"retrospective\":\"r\",\"metrics\":[]}", 200, 500, 403, 200, 400),
                new Route("POST", "/retrospective/publish", "{\"retrospective\":\"r\",\"metrics\":[]}", 200, 500, 403,
                        200, 400),
                new Route("POST", "/no-retrospective-button", null, 200, 500, 403, 200, 0),
                // finishDialog answers refusals and unknown runs inside the dialog: 200 {"error": ...}.
                new Route("POST", "/finish-dialog", "{}", 200, 200, 200, 200, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void answersAsTheRealHandler(Route route) {
        RunScene scene = new RunScene(SANDBOX);
        User stranger = SANDBOX.control().users().stream()
                .filter(u -> !SANDBOX.control().isTeamMember(scene.teamId, u.id()))
                .filter(u -> !u.username().equals("sysadmin")).findFirst().orElseThrow();
        Api strangerApi = scene.as(stranger);

        JsonNode fresh = scene.run();
        if (route.rest().equals("/restore")) {
            scene.alex.json("PUT", scene.path(fresh, "/finish"), null);
        }
        assertEquals(route.ok(), status(scene.alex, scene, fresh, route, route.body()), "success");

        JsonNode unknown = Api.tree("{\"id\":\"" + UNKNOWN + "\",\"timeline_events\":[{\"id\":\"" + UNKNOWN + "\"}]}");
        assertEquals(route.unknownRun(), status(scene.alex, scene, unknown, route, route.body()), "unknown run");

        JsonNode other = scene.run();
        assertEquals(route.refused(), status(strangerApi, scene, other, route, route.body()), "no permission");

        JsonNode finished = scene.run();
        scene.alex.json("PUT", scene.path(finished, "/finish"), null);
        assertEquals(route.finished(), status(scene.alex, scene, finished, route, route.body()), "finished run");

        if (route.malformed() != 0) {
            assertEquals(route.malformed(), status(scene.alex, scene, scene.run(), route, "{"), "malformed body");
        }
    }

    private static int status(Api api, RunScene scene, JsonNode run, Route route, String body) {
        String rest = route.rest().replace("{event}", run.path("timeline_events").get(0).path("id").asText());
        String payload = body == null ? null : body.replace("\"type\":", "\"user_id\":\"\",\"type\":");
        return api.send(route.method(), scene.path(run, rest), payload).statusCode();
    }
}
