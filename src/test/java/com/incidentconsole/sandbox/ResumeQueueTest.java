package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events published while a client is away are queued for its connection, as the core hub keeps
 * broadcasting to inactive conns (web_hub.go Hub.Start); a resume delivers them after the dead
 * queue with consecutive seq and no hello; a full send queue (256) loses the connection.
 */
@BesideOtherTests
class ResumeQueueTest {

    private static final String RUN_UPDATED = "custom_playbooks_playbook_run_updated";

    SandboxFixture sandbox;
    SandboxServer server;
    Api api;
    String token;
    PlaybookRun run;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
        token = server.control().credentials().token();
        api = new Api(server.baseUrl(), token);
        String alex = server.control().defaultUser().id();
        run = server.control().runs().stream().filter(r -> !r.isFinished() && r.ownerUserId().equals(alex))
                .findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    void rename(int k) {
        api.json("PATCH", Api.PLUGIN + "/runs/" + run.id(), "{\"name\":\"While away " + k + "\"}");
    }

    @Test
    void threeChangesMadeWhileAwayArriveInOrderOnResumeWithoutHello() throws Exception {
        String connectionId;
        long nextSeq;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), token)) {
            JsonNode hello = ws.next();
            connectionId = hello.path("data").path("connection_id").asText();
            rename(0);
            nextSeq = ws.nextEvent(RUN_UPDATED).path("seq").asLong() + 1;
        }
        awaitNoLiveSockets();
        for (int k = 1; k <= 3; k++) {
            rename(k);
        }
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), token, connectionId, nextSeq)) {
            for (int k = 1; k <= 3; k++) {
                JsonNode event = ws.next();
                assertEquals(RUN_UPDATED, event.path("event").asText(), "no hello, no other frame first");
                assertEquals(nextSeq + k - 1, event.path("seq").asLong());
                assertEquals("While away " + k,
                        Api.tree(event.path("data").path("payload").asText()).path("name").asText());
            }
            rename(4);
            assertEquals(nextSeq + 3, ws.next().path("seq").asLong(), "live events continue the same sequence");
        }
    }

    @Test
    void deadQueueReplayComesBeforeTheQueuedEvents() throws Exception {
        String connectionId;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), token)) {
            connectionId = ws.next().path("data").path("connection_id").asText();
            rename(0);
            ws.nextEvent(RUN_UPDATED);
        }
        awaitNoLiveSockets();
        rename(1);
        // The client claims it saw only the hello (seq 0): seq 1 is replayed, then the queued one is seq 2.
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), token, connectionId, 1)) {
            JsonNode replayed = ws.next();
            assertEquals(1, replayed.path("seq").asLong());
            assertEquals("While away 0", Api.tree(replayed.path("data").path("payload").asText()).path("name").asText());
            JsonNode queued = ws.next();
            assertEquals(2, queued.path("seq").asLong());
            assertEquals("While away 1", Api.tree(queued.path("data").path("payload").asText()).path("name").asText());
        }
    }

    @Test
    void queuedEventsStillRespectTheAudience() throws Exception {
        User outsider = server.control().users().stream()
                .filter(u -> !server.control().isTeamMember(run.teamId(), u.id())).findFirst().orElseThrow();
        String outsiderToken = server.control().tokenFor(outsider.username());
        String connectionId;
        long nextSeq;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), outsiderToken)) {
            JsonNode hello = ws.next();
            connectionId = hello.path("data").path("connection_id").asText();
            nextSeq = hello.path("seq").asLong() + 1;
        }
        awaitNoLiveSockets();
        rename(1);
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), outsiderToken, connectionId, nextSeq)) {
            assertNull(ws.poll(Duration.ofMillis(400)), "a run update of a channel the user is not in was queued");
        }
    }

    @Test
    void overflowingTheSendQueueLosesTheConnectionSoResumeGetsANewIdAndHello() throws Exception {
        String connectionId;
        long nextSeq;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), token)) {
            JsonNode hello = ws.next();
            connectionId = hello.path("data").path("connection_id").asText();
            nextSeq = hello.path("seq").asLong() + 1;
        }
        awaitNoLiveSockets();
        for (int k = 0; k <= 256; k++) {
            rename(k);
        }
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), token, connectionId, nextSeq)) {
            JsonNode hello = ws.next();
            assertEquals("hello", hello.path("event").asText());
            assertEquals(0, hello.path("seq").asLong());
            assertNotEquals(connectionId, hello.path("data").path("connection_id").asText());
            assertNull(ws.poll(Duration.ofMillis(300)), "nothing of the lost queue is delivered");
        }
    }

    @Test
    void aFullButNotOverflowingQueueIsDeliveredWhole() throws Exception {
        String connectionId;
        long nextSeq;
        try (WsProbe ws = WsProbe.withHeader(server.baseUrl(), token)) {
            JsonNode hello = ws.next();
            connectionId = hello.path("data").path("connection_id").asText();
            nextSeq = hello.path("seq").asLong() + 1;
        }
        awaitNoLiveSockets();
        for (int k = 0; k < 256; k++) {
            rename(k);
        }
        try (WsProbe ws = WsProbe.resume(server.baseUrl(), token, connectionId, nextSeq)) {
            for (int k = 0; k < 256; k++) {
                JsonNode event = ws.next();
                assertEquals(nextSeq + k, event.path("seq").asLong());
                assertEquals(RUN_UPDATED, event.path("event").asText());
            }
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
