package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A scriptable stand-in for Mattermost's socket: tests send exact frames and watch what the client does. */
final class FakeSocketServer extends WebSocketServer {

    record Opened(WebSocket conn, String resource, String authorization) {
    }

    final BlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ObjectMapper json = new ObjectMapper();
    volatile boolean answerPings = true;

    FakeSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    FakeSocketServer begin() throws InterruptedException {
        start();
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("fake socket server did not start");
        }
        return this;
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/api/v4/websocket");
    }

    Opened nextConnection() throws InterruptedException {
        Opened next = opened.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("client did not connect");
        }
        return next;
    }

    static String hello(String connectionId) {
        return "{\"event\":\"hello\",\"data\":{\"server_version\":\"10.11.0\",\"connection_id\":\"" + connectionId
                + "\"},\"broadcast\":{\"user_id\":\"u1\"},\"seq\":0}\n";
    }

    static String event(String name, long seq) {
        return "{\"event\":\"" + name + "\",\"data\":{\"payload\":\"{}\"},\"broadcast\":{\"channel_id\":\"c\"},\"seq\":"
                + seq + "}\n";
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        opened.add(new Opened(conn, handshake.getResourceDescriptor(), handshake.getFieldValue("Authorization")));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode request = json.readTree(message);
            received.add(request);
            if (answerPings && "ping".equals(request.path("action").asText())) {
                conn.send("{\"status\":\"OK\",\"seq_reply\":" + request.path("seq").asLong()
                        + ",\"data\":{\"text\":\"pong\"}}");
            }
        } catch (Exception e) {
            throw new IllegalStateException("client sent non-JSON", e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        closeCodes.add(code);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // Resets by a closing client are expected in these tests.
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
