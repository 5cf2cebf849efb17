package com.incidentconsole.client;

import static com.incidentconsole.client.Recorder.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol rules of the stream against a scripted server: exact frames, exact reconnect URLs. */
class EventStreamTest {

    private static final String TOKEN = "stream-t0ken";
    private static final String CONN = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ZERO, Duration.ofSeconds(30));

    private FakeSocketServer server;
    private Recorder recorder;
    private EventStream stream;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeSocketServer().begin();
        recorder = new Recorder();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (stream != null) {
            stream.close();
        }
        server.stop(1000);
        assertFalse(recorder.sawTwoThreads, "all callbacks on one thread");
    }

    private EventStream start(StreamSettings settings) {
        stream = new EventStream(server.uri(), TOKEN, WireJson.newMapper(), recorder, settings);
        stream.start();
        return stream;
    }

    /** Connects, checks the handshake, and completes it with a hello. */
    private WebSocket connectLive() throws Exception {
        FakeSocketServer.Opened first = server.nextConnection();
        first.conn().send(FakeSocketServer.hello(CONN));
        Recorder.Hello hello = next(recorder.hellos);
        assertTrue(hello.newConnectionId());
        assertEquals(CONN, hello.data().connectionId());
        recorder.awaitState(StreamState.LIVE);
        return first.conn();
    }

    @Test
    void authenticatesTheUpgradeAndWithAChallenge() throws Exception {
        start(FAST);
        FakeSocketServer.Opened first = server.nextConnection();
        assertEquals("Bearer " + TOKEN, first.authorization());
        assertEquals("/api/v4/websocket?connection_id=&sequence_number=0", first.resource());
        JsonNode challenge = next(server.received);
        assertEquals(1, challenge.path("seq").asLong());
        assertEquals("authentication_challenge", challenge.path("action").asText());
        assertEquals(TOKEN, challenge.path("data").path("token").asText());
        JsonNode ping = next(server.received);
        assertEquals(2, ping.path("seq").asLong());
        assertEquals("ping", ping.path("action").asText());
        assertEquals(StreamState.CONNECTING, next(recorder.states));
        assertNull(recorder.states.poll(), "not LIVE before hello");
    }

    @Test
    void aSeqGapReconnectsAtOnceAndResumesWhereItLeftOff() throws Exception {
        start(FAST);
        WebSocket first = connectLive();
        first.send(FakeSocketServer.event("posted", 1));
        first.send(FakeSocketServer.event("posted", 3));
        assertEquals(1, next(recorder.events).seq());
        assertGaveUp(EventStream.CLOSE_MISSED_EVENTS);

        FakeSocketServer.Opened second = server.nextConnection();
        assertEquals("/api/v4/websocket?connection_id=" + CONN + "&sequence_number=2&disconnect_err_code=4001",
                second.resource(), "resumes, and says why the last socket ended, as the JS client does");
        // The server replays from the requested seq, then a late duplicate must be dropped.
        second.conn().send(FakeSocketServer.event("posted", 2));
        second.conn().send(FakeSocketServer.event("posted", 3));
        second.conn().send(FakeSocketServer.event("posted", 2));
        second.conn().send(FakeSocketServer.event("posted", 4));
        Recorder.Hello resumed = next(recorder.hellos);
        assertFalse(resumed.newConnectionId());
        assertEquals(CONN, resumed.data().connectionId());
        assertEquals(List.of(2L, 3L, 4L), List.of(next(recorder.events).seq(), next(recorder.events).seq(),
                next(recorder.events).seq()));
        assertNull(recorder.events.poll(200, TimeUnit.MILLISECONDS), "the duplicate seq 2 is dropped");
    }

    @Test
    void aNewConnectionIdAfterReconnectAsksForAResync() throws Exception {
        start(FAST);
        WebSocket first = connectLive();
        first.close(1001, "going away");
        FakeSocketServer.Opened second = server.nextConnection();
        assertTrue(second.resource().contains("connection_id=" + CONN + "&sequence_number=1"), second.resource());
        String renewed = "bbbbbbbbbbbbbbbbbbbbbbbbbb";
        second.conn().send(FakeSocketServer.hello(renewed));
        Recorder.Hello hello = next(recorder.hellos);
        assertTrue(hello.newConnectionId());
        assertEquals(renewed, hello.data().connectionId());
        second.conn().send(FakeSocketServer.event("posted", 1));
        assertEquals(1, next(recorder.events).seq());
    }

    @Test
    void aMalformedFrameIsReportedOnceAndTheStreamCarriesOn() throws Exception {
        start(FAST);
        WebSocket conn = connectLive();
        conn.send("{this is not json");
        conn.send(FakeSocketServer.event("posted", 1));
        conn.send("[1,2,3]");
        conn.send("{\"event\":\"posted\",\"data\":{}}");
        conn.send(FakeSocketServer.event("posted", 2));
        assertEquals(1, next(recorder.events).seq());
        assertEquals(2, next(recorder.events).seq());
        assertTrue(next(recorder.malformed).startsWith("not JSON"));
        assertEquals("not a JSON object", next(recorder.malformed));
        assertTrue(next(recorder.malformed).contains("without a valid seq"));
        assertNull(recorder.malformed.poll());
        assertEquals(StreamState.LIVE, stream.state());
        assertNull(server.opened.poll(), "no reconnect for a bad frame");
    }

    @Test
    void aFirstFrameThatIsNotTheHelloReconnectsWithBackoffAndTheNextHelloGoesLive() throws Exception {
        start(FAST);
        FakeSocketServer.Opened first = server.nextConnection();
        first.conn().send("{garbled hello");
        assertGaveUp(EventStream.CLOSE_MISSED_EVENTS);
        recorder.awaitState(StreamState.RECONNECTING);
        assertTrue(recorder.reasons.stream().anyMatch(r -> r.contains("first frame was not its hello")),
                recorder.reasons::toString);

        FakeSocketServer.Opened second = server.nextConnection();
        assertEquals("/api/v4/websocket?connection_id=&sequence_number=0&disconnect_err_code=4001", second.resource(),
                "a fresh connection: there was no hello to resume");
        second.conn().send(FakeSocketServer.hello(CONN));
        assertTrue(next(recorder.hellos).newConnectionId());
        recorder.awaitState(StreamState.LIVE);
    }

    @Test
    void anEventInPlaceOfTheHelloReconnects() throws Exception {
        start(FAST);
        server.nextConnection().conn().send(FakeSocketServer.event("custom_playbooks_playbook_run_updated", 2));
        assertGaveUp(EventStream.CLOSE_MISSED_EVENTS);
        FakeSocketServer.Opened second = server.nextConnection();
        assertTrue(second.resource().endsWith("disconnect_err_code=4001"), second.resource());
        second.conn().send(FakeSocketServer.hello(CONN));
        assertTrue(next(recorder.hellos).newConnectionId());
        assertNull(recorder.events.poll(), "the event before the hello is not passed on");
    }

    @Test
    void noHelloWithinTheTimeoutReconnectsInsteadOfConnectingForever() throws Exception {
        start(FAST.withHelloTimeout(Duration.ofMillis(300)));
        server.nextConnection(); // upgraded, and then nothing
        recorder.awaitState(StreamState.RECONNECTING);
        assertTrue(recorder.reasons.stream().anyMatch(r -> r.contains("no hello from the server within 300 ms")),
                recorder.reasons::toString);
        server.nextConnection().conn().send(FakeSocketServer.hello(CONN));
        recorder.awaitState(StreamState.LIVE);
    }

    @Test
    void aServerDropReconnectsWithBackoffAndResumesSilently() throws Exception {
        start(FAST);
        WebSocket first = connectLive();
        first.send(FakeSocketServer.event("posted", 1));
        assertEquals(1, next(recorder.events).seq());
        first.close(1001, "restart");
        recorder.awaitState(StreamState.RECONNECTING);
        FakeSocketServer.Opened second = server.nextConnection();
        assertReportsClose(second, 1001);
        // Nothing was missed: the server sends nothing, the pong confirms the resume.
        Recorder.Hello resumed = next(recorder.hellos);
        assertFalse(resumed.newConnectionId());
        recorder.awaitState(StreamState.LIVE);

        second.conn().close(1012, "restart");
        FakeSocketServer.Opened third = server.nextConnection();
        assertReportsClose(third, 1012); // the code of the socket that just ended, not the older 1001
    }

    /**
     * The reconnect resumes at the right event and reports the close code the server sent. Java-WebSocket
     * 1.6.0 reports about one server-initiated close in 150–400 as 1006 (abnormal) instead, with this
     * project's frame reader or the library's own (measured with a repeated test): what a browser also says
     * when the close handshake does not finish, so that is the one other code accepted.
     */
    private static void assertReportsClose(FakeSocketServer.Opened reconnect, int serverCode) {
        String resource = reconnect.resource();
        assertTrue(resource.endsWith("sequence_number=2&disconnect_err_code=" + serverCode)
                || resource.endsWith("sequence_number=2&disconnect_err_code=" + EventStream.CLOSE_ABNORMAL), resource);
    }

    @Test
    void aServerThatFallsSilentIsNoticedWithinThePingIntervalAndTheTimeoutThenResumed() throws Exception {
        server.stop(1000);
        server = FakeSocketServer.silenceable().begin();
        Duration ping = Duration.ofMillis(600);
        Duration pong = Duration.ofMillis(300);
        start(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO, ping, pong));
        WebSocket first = connectLive();
        first.send(FakeSocketServer.event("posted", 1));
        assertEquals(1, next(recorder.events).seq());
        awaitPings(2); // the first was answered, so what follows is the silence, not a lost pong

        server.goSilent(); // TCP stays up: no close, no reset, just nothing any more
        long silentSince = System.nanoTime();
        recorder.awaitState(StreamState.RECONNECTING);
        Duration noticedAfter = Duration.ofNanos(System.nanoTime() - silentSince);
        assertTrue(recorder.reasons.stream().anyMatch(r -> r.contains("no reply from the server")), recorder.reasons::toString);
        // At most one interval until the next ping, then the timeout; one more second for a busy machine.
        assertTrue(noticedAfter.compareTo(ping.plus(pong).plusSeconds(1)) < 0, "noticed after " + noticedAfter);

        FakeSocketServer.Opened second = server.nextConnection();
        assertEquals("/api/v4/websocket?connection_id=" + CONN + "&sequence_number=2&disconnect_err_code=4000",
                second.resource());
        second.conn().send(FakeSocketServer.event("posted", 2)); // the server replays what the silence ate
        assertFalse(next(recorder.hellos).newConnectionId(), "resumed, no resync needed");
        assertEquals(2, next(recorder.events).seq());
        recorder.awaitState(StreamState.LIVE);
        assertNull(server.closeCodes.poll(), "the silent socket never got to tell the server anything");
    }

    private void awaitPings(int count) throws InterruptedException {
        for (int seen = 0; seen < count; ) {
            if ("ping".equals(next(server.received).path("action").asText())) {
                seen++;
            }
        }
    }

    @Test
    void aServerBusySendingEventsIsNotTakenForDeadUntilAWholeIntervalPassesWithoutAPong() throws Exception {
        server.answerPings = false;
        start(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO,
                Duration.ofMillis(1000), Duration.ofMillis(250)));
        WebSocket conn = connectLive();
        long seq = 1;
        // Frames every ~20 ms: the silence rule (250 ms) never fires, only the JS client's whole-interval one.
        while (recorder.states.poll(20, TimeUnit.MILLISECONDS) != StreamState.RECONNECTING) {
            conn.send(FakeSocketServer.event("posted", seq++));
        }
        List<String> reasons = List.copyOf(recorder.reasons);
        assertTrue(!reasons.isEmpty() && reasons.stream().allMatch("no reply to ping within 1000 ms"::equals),
                reasons::toString);
        assertGaveUp(EventStream.CLOSE_PING_TIMEOUT);
        assertTrue(seq > 10, "events kept coming meanwhile: " + seq);
    }

    @Test
    void closeStopsReconnecting() throws Exception {
        start(new StreamSettings(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ZERO,
                Duration.ofSeconds(30)));
        WebSocket first = connectLive();
        first.close(1001, "restart");
        recorder.awaitState(StreamState.RECONNECTING);
        stream.close();
        recorder.awaitState(StreamState.CLOSED);
        assertEquals(StreamState.CLOSED, stream.state());
        assertNull(server.opened.poll(1, TimeUnit.SECONDS), "no attempt after close()");
    }

    @Test
    void closeWhileLiveSaysGoodbyeWithNormalClosure() throws Exception {
        start(FAST);
        connectLive();
        stream.close();
        assertEquals(1000, next(server.closeCodes));
        recorder.awaitState(StreamState.CLOSED);
        stream.start();
        assertNull(server.opened.poll(300, TimeUnit.MILLISECONDS), "a closed stream does not start again");
    }

    @Test
    void anUnansweredPingClosesWith4000AndReconnects() throws Exception {
        server.answerPings = false;
        start(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO,
                Duration.ofMillis(100)));
        server.nextConnection().conn().send(FakeSocketServer.hello(CONN));
        assertGaveUp(EventStream.CLOSE_PING_TIMEOUT);
        FakeSocketServer.Opened second = server.nextConnection();
        assertTrue(second.resource().endsWith("disconnect_err_code=4000"), "says why: " + second.resource());
        recorder.awaitState(StreamState.RECONNECTING);
    }

    @Test
    void aRefusedServerIsRetriedWithBackoff() throws Exception {
        java.net.URI dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = java.net.URI.create("ws://127.0.0.1:" + s.getLocalPort() + "/api/v4/websocket");
        }
        stream = new EventStream(dead, TOKEN, WireJson.newMapper(), recorder, FAST);
        stream.start();
        assertEquals(StreamState.CONNECTING, next(recorder.states));
        assertEquals(StreamState.RECONNECTING, next(recorder.states));
        assertEquals(StreamState.RECONNECTING, next(recorder.states));
    }

    @Test
    void aThrowingListenerDoesNotStopTheStream() throws Exception {
        EventStream.Listener throwing = new EventStream.Listener() {
            @Override
            public void onHello(com.incidentconsole.wire.HelloData hello, boolean newConnectionId) {
                recorder.onHello(hello, newConnectionId);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onEvent(com.incidentconsole.wire.WebSocketEvent event) {
                recorder.onEvent(event);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onStateChanged(StreamState state, java.util.Optional<Duration> next,
                                       java.util.Optional<String> reason) {
                recorder.onStateChanged(state, next, reason);
            }

            @Override
            public void onMalformedFrame(String description) {
                recorder.onMalformedFrame(description);
            }
        };
        stream = new EventStream(server.uri(), TOKEN, WireJson.newMapper(), throwing, FAST);
        stream.start();
        WebSocket conn = connectLive();
        conn.send(FakeSocketServer.event("posted", 1));
        conn.send(FakeSocketServer.event("posted", 2));
        assertEquals(1, next(recorder.events).seq());
        assertEquals(2, next(recorder.events).seq());
        assertEquals(StreamState.LIVE, stream.state());
    }

    @Test
    void thePongTimeoutDefaultsToTenSecondsAndNeverExceedsThePingInterval() {
        assertEquals(Duration.ofSeconds(10), StreamSettings.defaults().pongTimeout());
        assertEquals(Duration.ofMillis(100), new StreamSettings(Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofMillis(100)).pongTimeout());
        assertThrows(IllegalArgumentException.class, () -> new StreamSettings(Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void backoffIsFlatThenQuadraticThenCapped() {
        StreamSettings d = StreamSettings.defaults();
        assertEquals(Duration.ofSeconds(3), d.retryDelay(1, 0));
        assertEquals(Duration.ofSeconds(4), d.retryDelay(7, 0.5));
        assertEquals(Duration.ofSeconds(192), d.retryDelay(8, 0));
        assertEquals(Duration.ofMinutes(5), d.retryDelay(100, 0));
        assertEquals(Duration.ofMinutes(5), d.retryDelay(Integer.MAX_VALUE, 0));
    }

    /**
     * The socket we gave up on has ended: with our close frame carrying {@code code}, or dropped (1006 at the
     * server) when a starved machine held the close handshake past the stream's 2 s grace. Either way the code we
     * meant reaches the server as the next connection's {@code disconnect_err_code}, which callers assert.
     */
    private void assertGaveUp(int code) throws InterruptedException {
        int seen = next(server.closeCodes);
        assertTrue(seen == code || seen == EventStream.CLOSE_ABNORMAL, "closed by the client with " + code + ", saw " + seen);
    }
}
