package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WebSocketRequest;
import com.incidentconsole.wire.WebSocketResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;
import java.util.logging.Logger;

/**
 * The Mattermost event stream ({@code /api/v4/websocket}) with the official clients' reliability
 * rules: authenticated upgrade plus {@code authentication_challenge}, gap-free {@code seq} checking,
 * resume with {@code connection_id}/{@code sequence_number}, application-level pings, and reconnects
 * with backoff and jitter. Every decision runs on one private thread, so listener callbacks arrive in
 * order and never overlap; Java-WebSocket's socket thread only reads each frame ({@link FrameReader},
 * stateless, so the two threads share the decoding) and hands it over, at most
 * {@link #MAX_FRAMES_IN_FLIGHT} ahead.
 *
 * <p>A server that stops answering without closing TCP (gone to sleep, or a NAT box that dropped
 * the mapping) is noticed by its silence: nothing at all within {@link StreamSettings#pongTimeout()}
 * of a ping, or no reply to a ping for a whole interval. The stream then reports
 * {@code RECONNECTING} at once, gives the close handshake a short grace and resumes on a new socket.
 * A new connection that does not begin with the server's {@code hello} — no hello within
 * {@link StreamSettings#helloTimeout()}, or another frame in its place — is given up on the same way,
 * but reconnected with backoff: without a hello nothing is ever loaded, so waiting on it would leave
 * "Connecting…" on screen for good.
 * Like the JS client, each reconnect tells the server why the previous socket ended
 * ({@code disconnect_err_code}).
 *
 * <p>Each connection attempt uses a fresh {@link StreamSocket}: a Java-WebSocket client cannot
 * connect twice, and a fresh instance lets late callbacks of an abandoned socket be ignored by identity.
 */
public final class EventStream implements AutoCloseable {

    /** Callbacks, all on the stream's one thread, in order. They must return quickly. */
    public interface Listener {
        /**
         * The connection is confirmed. {@code newConnectionId} is true on the first connect and whenever
         * the server could not resume (events were lost): the caller must resync through REST. After a
         * successful resume the previous hello is passed again with {@code false}.
         */
        void onHello(HelloData hello, boolean newConnectionId);

        /** Every event except {@code hello}, in {@code seq} order, each exactly once per connection id. */
        void onEvent(WebSocketEvent event);

        void onStateChanged(StreamState state, Optional<Duration> nextAttemptIn, Optional<String> reason);

        /** A frame that could not be understood was skipped; the stream carries on. */
        void onMalformedFrame(String description);
    }

    static final int CLOSE_NORMAL = 1000;
    /** The JS client's codes; the server accepts them as {@code disconnect_err_code}. */
    static final int CLOSE_PING_TIMEOUT = 4000;
    static final int CLOSE_MISSED_EVENTS = 4001;

    private static final Logger LOG = Logger.getLogger(EventStream.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** How long a socket we closed may take to confirm before we drop it without a handshake. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** What browsers report, and so what the JS client sends, for a socket that ended without a close frame. */
    static final int CLOSE_ABNORMAL = 1006;
    /** Immediate reconnects (gap, ping timeout) in a row before falling back to backoff: a server bug must not spin us. */
    private static final int MAX_IMMEDIATE = 3;
    /** An "immediate" reconnect waits this long so the server has marked the old connection resumable. */
    private static final Duration RESUME_SETTLE = Duration.ofMillis(50);
    /** Enough to keep the loop busy while the socket thread reads on; a few MB of full run updates. */
    static final int MAX_FRAMES_IN_FLIGHT = 256;

    // storm (issue 18): the storm benchmark's probe (benchmarks/, loaded into the app's JVM) notes when each text frame
    // was read off the socket, the "arrival"; unset in the product, where it costs one volatile read a frame.
    public static volatile ObjLongConsumer<String> arrivalProbe;

    private final URI endpoint;
    private final ServerTrust trust;
    private final String token;
    private final JsonMapper mapper;
    private final Listener listener;
    private final StreamSettings settings;
    private final FrameReader frames;
    private final StreamLoop loop = new StreamLoop("mattermost-event-stream");
    private final AtomicBoolean started = new AtomicBoolean();
    private final StreamSocket.Callbacks callbacks = new SocketCallbacks();
    /** Text frames handed to the loop and not yet taken up; see {@link SocketCallbacks#text}. */
    private final Semaphore framesInFlight = new Semaphore(MAX_FRAMES_IN_FLIGHT);
    private volatile boolean closed;
    private volatile StreamState state = StreamState.CONNECTING;

    // Confined to the loop thread from here on.
    private StreamSocket socket;
    private String connectionId = "";
    private HelloData lastHello;
    private long expectedSeq;
    private long actionSeq;
    private long pendingPing = -1;
    private long pingSentAt;
    private long lastHeardAt;
    /** Why the previous socket ended (0: it did not, or the last one opened fine): disconnect_err_code. */
    private int lastCloseCode;
    private boolean confirmed;
    private boolean resuming;
    private boolean reconnectAtOnce;
    /** We gave up on the current socket: what it still delivers is not looked at (the next one replays it). */
    private boolean ignoring;
    private int immediateInRow;
    private int failures;
    private String lastError = "";
    private ScheduledFuture<?> pingTask;
    private ScheduledFuture<?> pongCheck;
    private ScheduledFuture<?> retryTask;
    private ScheduledFuture<?> graceTask;
    private ScheduledFuture<?> helloCheck;

    EventStream(URI endpoint, String token, JsonMapper mapper, Listener listener, StreamSettings settings) {
        this(endpoint, token, mapper, listener, settings, ServerTrust.system());
    }

    EventStream(URI endpoint, String token, JsonMapper mapper, Listener listener, StreamSettings settings,
                ServerTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.token = Objects.requireNonNull(token, "token");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.frames = new FrameReader(mapper);
    }

    /** Connects on the stream's thread and returns at once; a second call does nothing. */
    public void start() {
        if (closed || !started.compareAndSet(false, true)) {
            return;
        }
        loop.submit(() -> {
            changeState(StreamState.CONNECTING, Optional.empty(), Optional.empty());
            connect();
        });
    }

    /** Stops for good: closes the socket, cancels any pending reconnect, reports {@code CLOSED}. Returns at once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        started.set(true);
        loop.submit(() -> {
            StreamLoop.cancel(retryTask);
            StreamLoop.cancel(graceTask);
            stopPinging();
            StreamSocket current = socket;
            socket = null;
            if (current != null) {
                current.close(CLOSE_NORMAL, "client closing");
            }
            changeState(StreamState.CLOSED, Optional.empty(), Optional.of("closed by the client"));
            loop.shutdown();
        });
    }

    /** {@code CONNECTING} until the first attempt's outcome is known (also before {@link #start()}). */
    public StreamState state() {
        return state;
    }

    private void connect() {
        if (closed) {
            return;
        }
        resuming = !connectionId.isEmpty();
        confirmed = false;
        actionSeq = 0;
        pendingPing = -1;
        lastError = "";
        ignoring = false;
        URI uri = URI.create(endpoint + "?connection_id=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
                + "&sequence_number=" + expectedSeq
                // Telemetry for the server (its reconnect metrics by cause), as the JS client sends it.
                + (lastCloseCode == 0 ? "" : "&disconnect_err_code=" + lastCloseCode));
        // The header authenticates the upgrade, which the server requires before it lets a connection resume.
        socket = new StreamSocket(uri, Map.of("Authorization", "Bearer " + token), CONNECT_TIMEOUT_MILLIS, callbacks);
        trust.socketFactoryFor(uri).ifPresent(socket::setSocketFactory);
        LOG.fine(() -> "connecting to " + uri);
        socket.connect();
    }

    private void opened(StreamSocket s) {
        if (s != socket) {
            s.close(CLOSE_NORMAL, "superseded"); // a late open of an attempt we gave up on must not linger
            return;
        }
        lastCloseCode = 0; // reported once, on the connect after the close, as the JS client does
        lastHeardAt = System.nanoTime();
        // Official clients send the challenge even after header auth; the server ignores it then.
        send(WebSocketRequest.AUTHENTICATION_CHALLENGE, JsonNodeFactory.instance.objectNode().put("token", token));
        ping(s);
        pingTask = loop.every(() -> pingTick(s), settings.pingInterval());
        helloCheck = loop.schedule(() -> helloOverdue(s), settings.helloTimeout());
    }

    /** A resume is confirmed by its pong or first event; a new connection only by its hello. */
    private void helloOverdue(StreamSocket s) {
        if (s == socket && !confirmed && !ignoring) {
            abandon(s, CLOSE_PING_TIMEOUT, "no hello from the server within " + settings.helloTimeout().toMillis()
                    + " ms of connecting", CLOSE_GRACE, false);
        }
    }

    /** On a new connection the hello must come first; anything else means it was lost or mangled. */
    private void notHello(String what) {
        malformed(what + " before hello");
        abandon(socket, CLOSE_MISSED_EVENTS, "the server's first frame was not its hello (" + what + ")",
                CLOSE_GRACE, false);
    }

    private void pingTick(StreamSocket s) {
        if (s != socket) {
            return;
        }
        if (pendingPing >= 0) {
            // Frames kept coming, so the pong check let it be, but a whole interval without a reply is too long.
            abandon(s, CLOSE_PING_TIMEOUT, "no reply to ping within " + settings.pingInterval().toMillis() + " ms",
                    CLOSE_GRACE, true);
        } else {
            ping(s);
        }
    }

    private void ping(StreamSocket s) {
        long seq = send(WebSocketRequest.PING, null);
        pendingPing = seq;
        pingSentAt = System.nanoTime();
        StreamLoop.cancel(pongCheck);
        pongCheck = loop.schedule(() -> pongOverdue(s, seq), settings.pongTimeout());
    }

    /** Not a byte since the ping: the peer is gone, even if TCP has not noticed (it may take many minutes to). */
    private void pongOverdue(StreamSocket s, long seq) {
        if (s == socket && pendingPing == seq && lastHeardAt - pingSentAt < 0) {
            Duration silent = settings.pongTimeout();
            // A peer this silent will hardly answer a close handshake either: wait no longer than we did for the pong.
            abandon(s, CLOSE_PING_TIMEOUT, "no reply from the server within " + silent.toMillis() + " ms of a ping",
                    silent.compareTo(CLOSE_GRACE) < 0 ? silent : CLOSE_GRACE, true);
        }
    }

    private long send(String action, JsonNode data) {
        long seq = ++actionSeq;
        try {
            socket.send(mapper.writeValueAsString(new WebSocketRequest(seq, action, data)));
        } catch (Exception e) {
            // The socket is going away; its close callback drives the reconnect.
            LOG.fine(() -> "could not send " + action + ": " + e.getClass().getSimpleName());
        }
        return seq;
    }

    /**
     * Closes a socket we no longer trust and reconnects as soon as it is gone, or after {@code grace}
     * if its peer does not confirm the close. Listeners hear {@code RECONNECTING} now, not then.
     *
     * @param atOnce reconnect without backoff (a resume is likely to heal it: a gap, a dead peer); else the
     *               next attempt waits as after a failed connect, so a server that never says hello is not spun on
     */
    private void abandon(StreamSocket s, int code, String reason, Duration grace, boolean atOnce) {
        LOG.info(() -> "event stream: " + reason + " (closing with " + code + ")");
        reconnectAtOnce = atOnce;
        ignoring = true;
        lastError = reason;
        if (lastCloseCode == 0) {
            lastCloseCode = code;
        }
        stopPinging();
        changeState(StreamState.RECONNECTING, Optional.of(grace.plus(RESUME_SETTLE)), Optional.of(reason));
        s.close(code, reason);
        graceTask = loop.schedule(() -> {
            if (s == socket) {
                s.closeConnection(code, reason);
            }
        }, grace);
    }

    private void closed(StreamSocket s, int code, String reason) {
        if (s != socket) {
            return;
        }
        socket = null;
        stopPinging();
        StreamLoop.cancel(graceTask);
        if (closed) {
            return;
        }
        if (lastCloseCode == 0) {
            // Java-WebSocket says -1 for a connection that never opened; a browser says 1006 for any close without a frame.
            lastCloseCode = code < 1000 ? CLOSE_ABNORMAL : code;
        }
        String why = !lastError.isEmpty() ? lastError : "closed " + code + (reason.isEmpty() ? "" : ": " + reason);
        if (!confirmed && !ignoring) {
            // Mattermost accepts any upgrade and closes silently on a bad token: say what it may mean.
            why += " (before the server confirmed the session; the token may be invalid)";
        }
        Duration delay;
        if (reconnectAtOnce && immediateInRow < MAX_IMMEDIATE) {
            immediateInRow++;
            delay = RESUME_SETTLE;
        } else {
            failures++;
            delay = settings.retryDelay(failures, ThreadLocalRandom.current().nextDouble());
        }
        reconnectAtOnce = false;
        changeState(StreamState.RECONNECTING, Optional.of(delay), Optional.of(why));
        retryTask = loop.schedule(this::connect, delay);
    }

    private void failed(StreamSocket s, Exception error) {
        if (s == socket && lastError.isEmpty()) {
            lastError = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        }
    }

    private void frame(StreamSocket s, FrameReader.Frame frame) {
        if (s != socket) {
            return;
        }
        lastHeardAt = System.nanoTime();
        // Once we gave up on a socket, whatever it still delivers is replayed by the resume.
        if (ignoring) {
            return;
        }
        switch (frame) {
            case FrameReader.Malformed m when !confirmed && !resuming -> notHello(m.description());
            case FrameReader.Malformed m -> malformed(m.description());
            case FrameReader.Reply r -> reply(r.response());
            case FrameReader.Event e -> event(e.event());
        }
    }

    private void reply(WebSocketResponse response) {
        Long seqReply = response.seqReply();
        if (seqReply != null && seqReply == pendingPing) {
            pendingPing = -1;
            // On a lossless resume the server sends nothing at all; the pong is our proof it took us back.
            if (!confirmed && resuming) {
                goLive(lastHello, false);
            }
        } else if (!response.ok()) {
            String id = response.error() == null ? "" : response.error().id();
            LOG.warning(() -> "event stream action " + seqReply + " refused: " + id);
        }
    }

    private void event(WebSocketEvent event) {
        if (PluginEvents.HELLO.equals(event.event())) {
            hello(event);
            return;
        }
        if (!confirmed) {
            if (!resuming) {
                notHello(event.event() + " (seq " + event.seq() + ")");
                return;
            }
            goLive(lastHello, false);
        }
        if (event.seq() < expectedSeq) {
            LOG.fine(() -> "dropping duplicate " + event.event() + " seq " + event.seq());
            return;
        }
        if (event.seq() > expectedSeq) {
            abandon(socket, CLOSE_MISSED_EVENTS, "missed events " + expectedSeq + " to " + (event.seq() - 1),
                    CLOSE_GRACE, true);
            return;
        }
        expectedSeq++;
        immediateInRow = 0;
        StreamLoop.run(() -> listener.onEvent(event));
    }

    private void hello(WebSocketEvent event) {
        HelloData hello = frames.hello(event);
        if (hello == null) {
            if (!confirmed && !resuming) {
                notHello("hello without a connection_id");
            } else {
                malformed("hello without a connection_id");
            }
            return;
        }
        boolean newId = !hello.connectionId().equals(connectionId);
        connectionId = hello.connectionId();
        lastHello = hello;
        expectedSeq = event.seq() + 1;
        goLive(hello, newId);
    }

    private void goLive(HelloData hello, boolean newId) {
        confirmed = true;
        failures = 0;
        StreamLoop.run(() -> listener.onHello(hello, newId));
        changeState(StreamState.LIVE, Optional.empty(), Optional.empty());
    }

    private void malformed(String description) {
        LOG.fine(() -> "malformed frame: " + description);
        StreamLoop.run(() -> listener.onMalformedFrame(description));
    }

    private void changeState(StreamState next, Optional<Duration> nextAttempt, Optional<String> reason) {
        state = next;
        StreamLoop.run(() -> listener.onStateChanged(next, nextAttempt, reason));
    }

    private void stopPinging() {
        StreamLoop.cancel(pingTask);
        StreamLoop.cancel(pongCheck);
        StreamLoop.cancel(helloCheck);
        pendingPing = -1;
    }

    @Override
    public String toString() {
        return "EventStream[" + endpoint + ", " + state + "]"; // the token is a header, never in the URI
    }

    /** Java-WebSocket's threads only enqueue; every decision is taken on the loop thread. */
    private final class SocketCallbacks implements StreamSocket.Callbacks {
        @Override
        public void opened(StreamSocket s) {
            loop.submit(() -> EventStream.this.opened(s));
        }

        @Override
        public void text(StreamSocket s, String text) {
            ObjLongConsumer<String> probe = arrivalProbe; // storm (issue 18)
            if (probe != null) {
                probe.accept(text, System.nanoTime());
            }
            // Back-pressure: while the loop is this far behind, the socket thread stops reading, so
            // TCP slows the server instead of frames piling up in the heap (a catch-up of a large
            // server is hundreds of MB of them), and the loop's queue stays short.
            try {
                while (!framesInFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // Read here, on the socket's thread: decoding a frame is most of the work, and the loop
            // thread then only applies it, so the two threads share it (order is kept: one reader).
            FrameReader.Frame frame;
            try {
                frame = frames.read(text);
            } catch (RuntimeException e) {
                frame = new FrameReader.Malformed("unreadable frame (" + e.getClass().getSimpleName() + ")");
            }
            FrameReader.Frame read = frame;
            loop.submit(() -> {
                framesInFlight.release();
                EventStream.this.frame(s, read);
            });
            if (closed) {
                framesInFlight.release(); // the loop may be gone: a dropped step must not keep its permit
            }
        }

        @Override
        public void binary(StreamSocket s, int bytes) {
            loop.submit(() -> {
                if (s == socket) {
                    lastHeardAt = System.nanoTime();
                    malformed("binary frame of " + bytes + " bytes");
                }
            });
        }

        @Override
        public void closed(StreamSocket s, int code, String reason, boolean byServer) {
            loop.submit(() -> EventStream.this.closed(s, code, reason));
        }

        @Override
        public void failed(StreamSocket s, Exception error) {
            loop.submit(() -> EventStream.this.failed(s, error));
        }
    }
}
