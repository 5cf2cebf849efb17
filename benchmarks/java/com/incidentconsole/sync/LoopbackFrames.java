package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback Mattermost event stream for the ingest pass: to every client that connects and sends
 * its first action (the {@code authentication_challenge}) it sends a {@code hello} (seq 0) and then
 * the recorded frames with seq 1..N, as fast as the socket takes them. Frames are rendered to UTF-8
 * once, before any client connects, so the server's own cost while measuring is framing and writing
 * only, the same for the console and the JS client. Pings and the challenge get the server's
 * {@code {"status":"OK","seq_reply":n}}.
 */
final class LoopbackFrames extends WebSocketServer implements AutoCloseable {

    /** Frames queued but not yet written; past this the sender waits, so 370 MB never sit in the heap twice. */
    private static final int MAX_QUEUED = 512;

    private final List<byte[]> frames = new ArrayList<>();
    private final JsonMapper mapper;
    private final CountDownLatch started = new CountDownLatch(1);

    LoopbackFrames(List<String> recorded, JsonMapper mapper) throws IOException {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.mapper = mapper;
        setReuseAddr(true);
        setTcpNoDelay(true);
        frames.add(("{\"event\":\"hello\",\"data\":{\"connection_id\":\"bench\",\"server_version\":\"bench\"},"
                + "\"broadcast\":{},\"seq\":0}").getBytes(StandardCharsets.UTF_8));
        long seq = 1;
        for (String frame : recorded) {
            ObjectNode event = (ObjectNode) mapper.readTree(frame);
            event.put("seq", seq++);
            frames.add(mapper.writeValueAsBytes(event));
        }
    }

    static LoopbackFrames serve(List<String> recorded, JsonMapper mapper) throws Exception {
        LoopbackFrames server = new LoopbackFrames(recorded, mapper);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("loopback stream did not start");
        }
        return server;
    }

    URI endpoint() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/api/v4/websocket");
    }

    int events() {
        return frames.size() - 1;
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode request;
        try {
            request = mapper.readTree(message);
        } catch (IOException e) {
            return;
        }
        long seq = request.path("seq").asLong();
        conn.send("{\"status\":\"OK\",\"seq_reply\":" + seq + "}");
        if (conn.getAttachment() == null) {
            conn.setAttachment(Boolean.TRUE);
            Thread.ofPlatform().daemon().name("loopback-sender").start(() -> sendAll(conn));
        }
    }

    private void sendAll(WebSocket conn) {
        var queue = ((WebSocketImpl) conn).outQueue;
        for (byte[] frame : frames) {
            while (queue.size() > MAX_QUEUED && conn.isOpen()) {
                LockSupport.parkNanos(20_000);
            }
            if (!conn.isOpen()) {
                return;
            }
            TextFrame text = new TextFrame();
            text.setPayload(ByteBuffer.wrap(frame));
            text.setFin(true);
            conn.sendFrame(text);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void close() throws InterruptedException {
        stop(2_000);
    }
}
