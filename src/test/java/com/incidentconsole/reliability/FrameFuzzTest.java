package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.PluginPayloads;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.client.StreamState;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.RunCreatedPayload;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proof 3: garbage on the event path (not JSON, truncated, wrong shapes, bad seq, stale duplicates,
 * oversized) never crashes or blocks the stream, each bad frame is reported exactly once through
 * {@code onMalformedFrame}, and the valid events around it are all delivered, in order, once.
 * Property-based with a fixed seed, so a failure reproduces.
 */
class FrameFuzzTest {

    private static final long SEED = 0x1C0DE5EEDL;
    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ZERO, Duration.ofSeconds(30));

    private final JsonMapper mapper = WireJson.newMapper();
    private ScriptedServer server;
    private Counting listener;
    private EventStream stream;
    private long nextSeq = 1;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedServer();
        server.begin();
        listener = new Counting();
        stream = newStream(server.uri(), "fuzz-token", mapper, listener, FAST);
        stream.start();
        Reliability.await("live", Duration.ofSeconds(10), () -> stream.state() == StreamState.LIVE);
    }

    @AfterEach
    void stop() throws Exception {
        stream.close();
        server.stop(500);
    }

    @Test
    @Timeout(120)
    void garbageIsReportedOnceAndValidEventsAroundItStillArrive() {
        qt().withFixedSeed(SEED).withExamples(300).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int frames = 1 + random.nextInt(12);
            int expectedMalformed = 0;
            List<Long> expectedSeqs = new ArrayList<>();
            int malformedBefore = listener.malformed.get();
            listener.events.clear();
            for (int i = 0; i < frames; i++) {
                int kind = random.nextInt(9);
                if (kind == 8) {
                    long seq = nextSeq++;
                    server.send(validEvent(seq, random));
                    expectedSeqs.add(seq);
                } else if (kind == 7) {
                    // A stale duplicate (seq already seen): dropped silently, neither delivered nor "malformed".
                    if (nextSeq > 1) {
                        server.send(validEvent(1 + random.nextLong(nextSeq - 1), random));
                    }
                } else {
                    server.send(garbage(kind, random));
                    expectedMalformed++;
                }
            }
            long sentinel = nextSeq++;
            server.send(validEvent(sentinel, random));
            expectedSeqs.add(sentinel);
            // Everything is handled on one thread in order: once the sentinel is in, all before it was handled.
            Reliability.await("sentinel " + sentinel + " delivered (the stream is not blocked)", Duration.ofSeconds(5),
                    () -> listener.events.contains(sentinel), () -> "got " + listener.events);
            assertEquals(expectedSeqs, new ArrayList<>(listener.events), "valid events, in order, once");
            assertEquals(expectedMalformed, listener.malformed.get() - malformedBefore, "each bad frame reported once");
            assertEquals(StreamState.LIVE, stream.state());
            assertEquals(1, server.connections.get(), "no reconnect needed for garbage");
        });
    }

    @Test
    @Timeout(60)
    void anOversizedFrameIsRefusedOnceAndTheNextEventArrives() {
        StringBuilder huge = new StringBuilder("{\"event\":\"custom_playbooks_playbook_run_updated\",\"data\":{\"payload\":\"");
        huge.append("x".repeat(8 * 1024 * 1024 + 16)).append("\"},\"broadcast\":{},\"seq\":").append(nextSeq).append('}');
        server.send(huge.toString());
        long next = nextSeq;
        server.send(validEvent(next, new SplittableRandom(1)));
        Reliability.await("event after the oversized frame", Duration.ofSeconds(20), () -> listener.events.contains(next));
        assertEquals(1, listener.malformed.get());
        assertEquals(List.of(next), new ArrayList<>(listener.events));
    }

    /**
     * Past the stream, a well-formed envelope can still carry a payload that is not a run. What
     * {@code SyncEngine.onEvent} relies on: decoding fails with a RuntimeException (which it catches,
     * logs and leaves to the next resync) — never an Error, never a hang.
     */
    @Test
    @Timeout(60)
    void garbagePayloadsFailDecodingWithARuntimeExceptionOnly() {
        qt().withFixedSeed(SEED).withExamples(2_000).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String payload = switch (random.nextInt(5)) {
                case 0 -> randomText(random, random.nextInt(200));
                case 1 -> truncate(RUN_JSON, random);
                case 2 -> "{\"id\":" + random.nextInt() + ",\"checklists\":\"" + randomText(random, 10) + "\"}";
                case 3 -> "[" + random.nextInt() + "]";
                default -> "null";
            };
            com.fasterxml.jackson.databind.node.ObjectNode data = mapper.createObjectNode();
            if (random.nextInt(10) == 0) {
                data.put("payload", random.nextInt());
            } else {
                data.put("payload", payload);
            }
            WebSocketEvent event = new WebSocketEvent("custom_playbooks_playbook_run_updated", data, null, 1);
            for (Class<?> type : List.of(PlaybookRun.class, PlaybookRunUpdate.class, RunCreatedPayload.class)) {
                try {
                    PluginPayloads.decode(event, type, mapper);
                } catch (RuntimeException expected) {
                    // what SyncEngine catches
                }
            }
        });
        assertThrows(RuntimeException.class, () -> PluginPayloads.decode(new WebSocketEvent("x",
                mapper.createObjectNode().put("payload", "{\"id\":"), null, 1), PlaybookRun.class, mapper));
    }

    // --- frames -------------------------------------------------------------------------------

    private static final String RUN_JSON = "{\"id\":\"r1\",\"name\":\"Outage\",\"update_at\":5,\"checklists\":[]}";

    private String validEvent(long seq, SplittableRandom random) {
        String payload = RUN_JSON.replace("5", Long.toString(seq)).replace("\"", "\\\"");
        return "{\"event\":\"custom_playbooks_playbook_run_updated\",\"data\":{\"payload\":\"" + payload
                + "\"},\"broadcast\":{\"channel_id\":\"c\"},\"seq\":" + seq + "}" + (random.nextBoolean() ? "\n" : "");
    }

    /** Kinds 0..6, each certainly not a valid event or reply. */
    private String garbage(int kind, SplittableRandom random) {
        long seq = nextSeq;
        return switch (kind) {
            case 0 -> "x" + randomText(random, random.nextInt(300));
            case 1 -> truncate(validEvent(seq, random), random);
            case 2 -> List.of("[]", "[1,2]", "42", "\"event\"", "null", "true", "").get(random.nextInt(7));
            case 3 -> "{\"event\":\"custom_playbooks_playbook_run_updated\",\"data\":{},\"seq\":"
                    + List.of("\"7\"", "-1", "1.5", "null", "{}").get(random.nextInt(5)) + "}";
            case 4 -> "{\"event\":\"posted\",\"data\":" + List.of("[]", "\"s\"", "3").get(random.nextInt(3))
                    + ",\"seq\":" + seq + "}";
            case 5 -> "{\"data\":{},\"seq\":" + seq + ",\"broadcast\":{}}";
            default -> "{\"event\":" + List.of("1", "\"\"", "[]", "null").get(random.nextInt(4)) + ",\"seq\":" + seq + "}";
        };
    }

    /** A prefix that stops before the closing brace, so it is never complete JSON. */
    private static String truncate(String json, SplittableRandom random) {
        int end = json.lastIndexOf('}');
        return json.substring(0, random.nextInt(end));
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(6) == 0 ? random.nextInt(0x20, 0x3000) : random.nextInt(0x20, 0x7f);
            out.append(Character.isSurrogate((char) c) ? 'u' : (char) c);
        }
        return out.toString();
    }

    // --- plumbing -----------------------------------------------------------------------------

    /** EventStream's constructor is package-private (the app goes through MattermostConnection). */
    static EventStream newStream(URI endpoint, String token, JsonMapper mapper, EventStream.Listener listener,
                                 StreamSettings settings) throws ReflectiveOperationException {
        Constructor<EventStream> constructor = EventStream.class.getDeclaredConstructor(URI.class, String.class,
                JsonMapper.class, EventStream.Listener.class, StreamSettings.class);
        constructor.setAccessible(true);
        return constructor.newInstance(endpoint, token, mapper, listener, settings);
    }

    static final class Counting implements EventStream.Listener {
        final AtomicInteger malformed = new AtomicInteger();
        final BlockingQueue<Long> events = new LinkedBlockingQueue<>();

        @Override
        public void onHello(HelloData hello, boolean newConnectionId) {
        }

        @Override
        public void onEvent(WebSocketEvent event) {
            events.add(event.seq());
        }

        @Override
        public void onStateChanged(StreamState state, Optional<Duration> nextAttemptIn, Optional<String> reason) {
        }

        @Override
        public void onMalformedFrame(String description) {
            malformed.incrementAndGet();
        }
    }

    /** Says hello on connect, answers pings, and sends whatever the test scripts. */
    static final class ScriptedServer extends WebSocketServer {
        final AtomicInteger connections = new AtomicInteger();
        private final AtomicReference<WebSocket> current = new AtomicReference<>();
        private final CountDownLatch started = new CountDownLatch(1);

        ScriptedServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setDaemon(true);
        }

        void begin() throws InterruptedException {
            start();
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("scripted server did not start");
            }
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + getPort() + "/api/v4/websocket");
        }

        void send(String frame) {
            current.get().send(frame);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            current.set(conn);
            conn.send("{\"event\":\"hello\",\"data\":{\"server_version\":\"10.11.0\",\"connection_id\":"
                    + "\"aaaaaaaaaaaaaaaaaaaaaaaaaa\"},\"broadcast\":{\"user_id\":\"u1\"},\"seq\":0}\n");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            int at = message.indexOf("\"seq\":");
            if (message.contains("\"ping\"") && at >= 0) {
                String seq = message.substring(at + 6).split("[,}]")[0].trim();
                conn.send("{\"status\":\"OK\",\"seq_reply\":" + seq + ",\"data\":{\"text\":\"pong\"}}");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
