package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class RunUpdatesTest {

    SandboxFixture sandbox;
    SandboxServer server;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** An active run owned by the default user whose first checklist still has an open item. */
    PlaybookRun alexsActiveRun() {
        String alex = server.control().defaultUser().id();
        return server.control().runs().stream()
                .filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .filter(r -> r.checklists().get(0).items().stream().anyMatch(i -> i.state().isEmpty()))
                .findFirst().orElseThrow();
    }

    User outsiderOf(PlaybookRun run) {
        return server.control().users().stream()
                .filter(u -> !server.control().isTeamMember(run.teamId(), u.id())).findFirst().orElseThrow();
    }

    @Test
    void tickingAnItemUpdatesStateTimelineAndNotifiesChannelMembersOnly() throws Exception {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        Credentials c = server.control().credentials();
        PlaybookRun run = alexsActiveRun();
        int item = firstOpenItem(run);
        try (WsProbe member = WsProbe.withHeader(server.baseUrl(), c.token());
             WsProbe outsider = WsProbe.withHeader(server.baseUrl(),
                     server.control().tokenFor(outsiderOf(run).username()))) {
            JsonNode hello = member.next();
            assertEquals("hello", hello.path("event").asText());
            assertEquals(0, hello.path("seq").asLong());
            assertEquals(26, hello.path("data").path("connection_id").asText().length());
            assertEquals(server.control().defaultUser().id(), hello.path("broadcast").path("user_id").asText());
            assertEquals("hello", outsider.next().path("event").asText());

            Api api = new Api(server.baseUrl(), c.token());
            HttpResponse<String> r = api.send("PUT", Api.PLUGIN + "/runs/" + run.id() + "/checklists/0/item/" + item
                    + "/state", "{\"new_state\":\"closed\"}");
            assertEquals(200, r.statusCode());
            assertEquals("{}\n", r.body(), "ReturnJSON: json.Encoder ends the body with a newline");

            PlaybookRun after = server.control().run(run.id()).orElseThrow();
            assertEquals("closed", after.checklists().get(0).items().get(item).state());
            assertEquals(run.taskCompleted() + 1, after.taskCompleted());
            var event = after.timelineEvents().get(after.timelineEvents().size() - 1);
            assertEquals("task_state_modified", event.eventType());
            assertTrue(event.details().contains("\"action\":\"check\""));
            assertTrue(event.summary().startsWith("checked off checklist item **"));

            JsonNode update = member.next();
            assertEquals("custom_playbooks_playbook_run_updated", update.path("event").asText());
            assertEquals(1, update.path("seq").asLong());
            assertTrue(update.path("data").path("payload").isTextual());
            JsonNode payload = Api.tree(update.path("data").path("payload").asText());
            assertEquals("closed", payload.path("checklists").get(0).path("items").get(item).path("state").asText());
            assertEquals(after.taskCompleted(), payload.path("task_completed").asInt());
            assertNull(outsider.poll(Duration.ofMillis(300)));
        }
    }

    @Test
    void incrementalModeSendsOnlyTheItemDelta() throws Exception {
        sandbox = SandboxFixture.start(SandboxFixture.small().withIncrementalUpdates(true));
        server = sandbox.server();
        Credentials c = server.control().credentials();
        PlaybookRun run = alexsActiveRun();
        int item = firstOpenItem(run);
        try (WsProbe member = WsProbe.withHeader(server.baseUrl(), c.token())) {
            member.next();
            new Api(server.baseUrl(), c.token()).json("PUT", Api.PLUGIN + "/runs/" + run.id() + "/checklists/0/item/"
                    + item + "/state", "{\"new_state\":\"in_progress\"}");
            JsonNode update = member.nextEvent("custom_playbooks_playbook_run_updated_incremental");
            JsonNode delta = Api.tree(update.path("data").path("payload").asText());
            assertEquals(run.id(), delta.path("id").asText());
            JsonNode checklist = delta.path("changed_fields").path("checklists").get(0);
            JsonNode itemUpdate = checklist.path("item_updates").get(0);
            assertEquals(run.checklists().get(0).items().get(item).id(), itemUpdate.path("id").asText());
            assertEquals("in_progress", itemUpdate.path("fields").path("state").asText());
            assertEquals(1, delta.path("changed_fields").path("timeline_events").size());
            assertTrue(delta.path("changed_fields").path("name").isMissingNode());
        }
    }

    @Test
    void ownerChangeAndFinishedRunRejection() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        Credentials c = server.control().credentials();
        Api api = new Api(server.baseUrl(), c.token());
        PlaybookRun run = alexsActiveRun();
        String newOwner = run.participantIds().stream().filter(p -> !p.equals(run.ownerUserId())).findFirst()
                .orElseThrow();
        HttpResponse<String> r = api.send("POST", Api.PLUGIN + "/runs/" + run.id() + "/owner",
                "{\"owner_id\":\"" + newOwner + "\"}");
        assertEquals(200, r.statusCode());
        assertEquals("{}\n", r.body(), "ReturnJSON: json.Encoder ends the body with a newline");
        PlaybookRun changed = server.control().run(run.id()).orElseThrow();
        assertEquals(newOwner, changed.ownerUserId());
        assertEquals("owner_changed", changed.timelineEvents().get(changed.timelineEvents().size() - 1).eventType());

        assertEquals("OK", api.json("PUT", Api.PLUGIN + "/runs/" + run.id() + "/finish", null).path("status").asText());
        HttpResponse<String> denied = api.send("PUT", Api.PLUGIN + "/runs/" + run.id() + "/checklists/0/item/0/state",
                "{\"new_state\":\"closed\"}");
        assertEquals(400, denied.statusCode());
        assertEquals("cannot modify a finished run", Api.tree(denied.body()).path("error").asText());
    }

    @Test
    void injectedFailureLeavesStateUnchanged() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        Credentials c = server.control().credentials();
        PlaybookRun run = alexsActiveRun();
        int item = firstOpenItem(run);
        server.control().inject(FaultRule.failNext(1, "PUT", ".*/item/\\d+/state", 500,
                "{\"error\":\"sandbox says no\"}"));
        Api api = new Api(server.baseUrl(), c.token());
        String path = Api.PLUGIN + "/runs/" + run.id() + "/checklists/0/item/" + item + "/state";
        HttpResponse<String> failed = api.send("PUT", path, "{\"new_state\":\"closed\"}");
        assertEquals(500, failed.statusCode());
        assertEquals("sandbox says no", Api.tree(failed.body()).path("error").asText());
        assertEquals(run, server.control().run(run.id()).orElseThrow());
        assertEquals(200, api.send("PUT", path, "{\"new_state\":\"closed\"}").statusCode());
    }

    @Test
    void rateLimitFaultHasRealHeaders() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        server.control().inject(FaultRule.rateLimit(1, "GET", ".*/runs", Duration.ofSeconds(3)));
        HttpResponse<String> r = new Api(server.baseUrl(), server.control().credentials().token())
                .get(Api.PLUGIN + "/runs");
        assertEquals(429, r.statusCode());
        assertEquals("limit exceeded\n", r.body());
        assertEquals("3", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("0", r.headers().firstValue("X-Ratelimit-Remaining").orElseThrow());
    }

    static int firstOpenItem(PlaybookRun run) {
        var items = run.checklists().get(0).items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).state().isEmpty()) {
                return i;
            }
        }
        return 0;
    }
}
