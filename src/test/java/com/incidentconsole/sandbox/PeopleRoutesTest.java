package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.testrun.BesideOtherTests;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every checklist, item, follower and owner route: the real success status, and the status for an
 * unknown run, a user without permission, a finished run and a malformed body. The checklist and item
 * routes sit behind {@code checkEditPermissions} (unknown run 500, no permission 403, finished 400);
 * follow/unfollow need only RunView; the owner route checks {@code RunChangeOwner} before it loads the
 * run (403) and reads the body last. Routes that never read the body ignore a malformed one; item
 * {@code run} and {@code duplicate} refuse any body (server/api/playbook_runs.go).
 */
@BesideOtherTests
class PeopleRoutesTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String ITEM = "/checklists/0/item/0";
    static final int IGNORED = -1;

    /** {@code body} may name the spare user with {@code SPARE}; {@code badBody} is the status for "{oops" (IGNORED: same as success). */
    record Route(String method, String suffix, String body, int success, int unknownRun, int finished, int badBody) {

        @Override
        public String toString() {
            return method + " " + suffix;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route("POST", "/checklists", "{\"title\":\"Extra\",\"items\":[]}", 201, 500, 400, 400),
                new Route("POST", "/checklists/move", "{\"source_checklist_idx\":0,\"dest_checklist_idx\":1}", 200, 500,
                        400, 400),
                new Route("POST", "/checklists/move-item", "{\"source_checklist_idx\":0,\"source_item_idx\":0,"
                        + "\"dest_checklist_idx\":1,\"dest_item_idx\":0}", 200, 500, 400, 400),
                new Route("DELETE", "/checklists/1", null, 201, 500, 400, IGNORED),
                new Route("PUT", "/checklists/0/rename", "{\"title\":\"Triage\"}", 200, 500, 400, 400),
                new Route("POST", "/checklists/0/duplicate", null, 201, 500, 400, IGNORED),
                new Route("PUT", "/checklists/0/skip", null, 204, 500, 400, IGNORED),
                new Route("PUT", "/checklists/0/restore", null, 204, 500, 400, IGNORED),
                new Route("POST", "/checklists/0/add", "{\"title\":\"Call vendor\"}", 201, 500, 400, 400),
                new Route("PUT", ITEM + "/state", "{\"new_state\":\"closed\"}", 200, 500, 400, 400),
                new Route("PUT", ITEM + "/assignee", "{\"assignee_id\":\"SPARE\"}", 200, 500, 400, 400),
                new Route("PUT", ITEM + "/duedate", "{\"due_date\":1800000000000}", 200, 500, 400, 400),
                new Route("PUT", ITEM + "/command", "{\"command\":\"/echo hi\"}", 200, 500, 400, 400),
                new Route("POST", ITEM + "/run", null, 200, 500, 400, 400),
                new Route("PUT", ITEM + "/skip", null, 204, 500, 400, IGNORED),
                new Route("PUT", ITEM + "/restore", null, 204, 500, 400, IGNORED),
                new Route("POST", ITEM + "/duplicate", null, 201, 500, 400, 400),
                new Route("PUT", ITEM, "{\"title\":\"Page the DBA\",\"command\":\"\",\"description\":\"\"}", 200, 500,
                        400, 400),
                new Route("DELETE", ITEM, null, 204, 500, 400, IGNORED),
                new Route("PUT", "/followers", null, 200, 403, 200, IGNORED),
                new Route("DELETE", "/followers", null, 200, 403, 200, IGNORED),
                new Route("POST", "/owner", "{\"owner_id\":\"SPARE\"}", 200, 403, 400, 400));
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Route r : routes()) {
            all.add(Arguments.of(r, "success"));
            all.add(Arguments.of(r, "unknown run"));
            all.add(Arguments.of(r, "no permission"));
            all.add(Arguments.of(r, "finished run"));
            all.add(Arguments.of(r, "malformed body"));
        }
        return all.stream();
    }

    final People people = new People(SANDBOX);

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void answersAsTheRealHandler(Route route, String situation) {
        People.Run run = people.freshRun("Route " + route);
        String spare = people.teamMembersOutside(run).get(0);
        // Item run needs a command to run.
        people.alex().json("PUT", run.path(ITEM + "/command"), "{\"command\":\"/echo ready\"}");
        String body = route.body() == null ? null : route.body().replace("SPARE", spare);
        BiFunction<Api, String, Integer> send = (api, path) -> api.send(route.method(), path, body).statusCode();
        int status = switch (situation) {
            case "success" -> send.apply(people.alex(), run.path(route.suffix()));
            case "unknown run" -> send.apply(people.alex(), Api.PLUGIN + "/runs/" + "a".repeat(26) + route.suffix());
            case "no permission" -> send.apply(people.api(people.otherTeamUser(run)), run.path(route.suffix()));
            case "finished run" -> {
                people.alex().json("PUT", run.path("/finish"), null);
                yield send.apply(people.alex(), run.path(route.suffix()));
            }
            default -> people.alex().send(route.method(), run.path(route.suffix()), "{oops").statusCode();
        };
        int expected = switch (situation) {
            case "success" -> route.success();
            case "unknown run" -> route.unknownRun();
            case "no permission" -> 403;
            case "finished run" -> route.finished();
            default -> route.badBody() == IGNORED ? route.success() : route.badBody();
        };
        assertEquals(expected, status, route + " " + situation);
    }
}
