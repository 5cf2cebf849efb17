package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class WebSocketTest {

    SandboxFixture sandbox;
    SandboxServer server;
    Credentials c;
    Api api;
    PlaybookRun run;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        c = server.control().credentials();
        api = new Api(server.baseUrl(), c.token());
        String alex = server.control().defaultUser().id();
        run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** Changes the run's name: one run update event per call. */
    void touch(int k) {
        api.json("PATCH", Api.PLUGIN + "/runs/" + run.id(), "{\"name\":\"Renamed " + k + "\"}");
    }

    @Test
    void challengeAuthenticationPingAndStrictSeq() throws Exception {
        try (WsProbe ws = WsProbe.anonymous(server.baseUrl())) {
            ws.sendText("{\"seq\":1,\"action\":\"ping\"}");
            JsonNode refused = ws.next();
            assertEquals("FAIL", refused.path("status").asText());
            assertEquals("api.web_socket_router.not_authenticated.app_error", refused.path("error").path("id").asText());
            ws.sendText("{\"seq\":2,\"action\":\"authentication_challenge\",\"data\":{\"token\":\"" + c.token() + "\"}}");
            JsonNode hello = ws.next();
            assertEquals("hello", hello.path("event").asText());
            assertEquals(0, hello.path("seq").asLong());
            JsonNode ok = ws.next();
            assertEquals("OK", ok.path("status").asText());
            assertEquals(2, ok.path("seq_reply").asLong());
            ws.sendText("{\"seq\":3,\"action\":\"ping\"}");
            JsonNode pong = ws.next();
            assertEquals("pong", pong.path("data").path("text").asText());
            assertEquals("", pong.path("data").path("node_id").asText());
            assertEquals(SandboxServer.CURRENT_VERSION, pong.path("data").path("version").asText());
            assertTrue(pong.path("seq").isMissingNode());
            for (int k = 0; k < 3; k++) {
                touch(k);
                assertEquals(k + 1, ws.nextEvent("custom_playbooks_playbook_run_updated").path("seq").asLong());
            }
        }
    }

    @Test
    void resumeReplaysExactlyTheMissedEvents() throws Exception {
        String connectionId;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            connectionId = ws.next().path("data").path("connection_id").asText();
            for (int k = 0; k < 4; k++) {
                touch(k);
                ws.next();
            }
        }
        awaitNoLiveSockets();
        // The client claims it processed only up to seq 2: seq 3 and 4 must come again, nothing else.
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), c.token(), connectionId, 3)) {
            JsonNode first = ws.next();
            assertEquals(3, first.path("seq").asLong());
            assertTrue(Api.tree(first.path("data").path("payload").asText()).path("name").asText()
                    .equals("Renamed 2"));
            assertEquals(4, ws.next().path("seq").asLong());
            touch(9);
            assertEquals(5, ws.next().path("seq").asLong());
        }
    }

    @Test
    void unfillableGapGivesANewConnectionIdAndHello() throws Exception {
        String connectionId;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            connectionId = ws.next().path("data").path("connection_id").asText();
            touch(1);
            ws.next();
        }
        awaitNoLiveSockets();
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), c.token(), connectionId, 40)) {
            JsonNode hello = ws.next();
            assertEquals("hello", hello.path("event").asText());
            assertEquals(0, hello.path("seq").asLong());
            assertNotEquals(connectionId, hello.path("data").path("connection_id").asText());
        }
    }

    @Test
    void lostEventShowsAsSeqGapAndResumeRecoversIt() throws Exception {
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            String connectionId = ws.next().path("data").path("connection_id").asText();
            server.control().inject(FaultRule.loseEvents(1));
            touch(1);
            touch(2);
            JsonNode next = ws.next();
            assertEquals(2, next.path("seq").asLong());
            ws.close();
            awaitNoLiveSockets();
            try (WsProbe again = WsProbe.resume(server.baseUrl(), c.token(), connectionId, 1)) {
                assertEquals(1, again.next().path("seq").asLong());
                assertEquals(2, again.next().path("seq").asLong());
            }
        }
    }

    @Test
    void droppedSocketIsClosedByServer() throws Exception {
        server.control().inject(FaultRule.dropSocketEvery(2));
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            touch(1);
            ws.next();
            Integer code = ws.closes.poll(5, TimeUnit.SECONDS);
            assertNotNull(code);
            assertEquals(1001, code);
        }
    }

    @Test
    void malformedFrameFault() throws Exception {
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), c.token())) {
            ws.next();
            server.control().inject(FaultRule.malformedFrame());
            touch(1);
            JsonNode frame = ws.next();
            assertTrue(frame.isTextual(), "expected an unparseable frame, got " + frame);
            touch(2);
            assertEquals(2, ws.next().path("seq").asLong());
        }
    }

    @Test
    void unauthenticatedSocketIsClosedAfterFiveSeconds() throws Exception {
        try (WsProbe ws = WsProbe.anonymous(server.baseUrl())) {
            long started = System.nanoTime();
            Integer code = ws.closes.poll(8, TimeUnit.SECONDS);
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertNotNull(code, "socket was not closed");
            assertTrue(waited >= 4000, "closed too early: " + waited + " ms");
        }
    }

    @Test
    void outsiderAndChannelMemberGetTeamScopedPlaybookEventsOnlyForTheirTeams() throws Exception {
        String teamId = run.teamId();
        var outsider = server.control().users().stream()
                .filter(u -> !server.control().isTeamMember(teamId, u.id())).findFirst().orElseThrow();
        try (WsProbe member = WsProbe.withHeader(server.baseUrl(), c.token());
             WsProbe other = WsProbe.withHeader(server.baseUrl(), server.control().tokenFor(outsider.username()))) {
            member.next();
            other.next();
            assertEquals(204, api.send("DELETE", Api.PLUGIN + "/playbooks/" + run.playbookId(), null).statusCode());
            assertEquals("custom_playbooks_playbook_archived", member.next().path("event").asText());
            assertEquals(null, other.poll(java.time.Duration.ofMillis(300)));
        }
    }

    void awaitNoLiveSockets() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.control().liveSockets() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("socket still registered");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
    }
}
