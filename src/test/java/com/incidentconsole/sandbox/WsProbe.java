package com.incidentconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client that queues every frame so tests can wait for them without sleeping. */
final class WsProbe implements WebSocket.Listener, AutoCloseable {

    private static final int NEXT_FRAME_PATIENCE_S = 30;

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsProbe(URI base, String query, String bearer) {
        URI uri = URI.create(base.toString().replace("http://", "ws://") + "/api/v4/websocket" + query);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        socket = builder.buildAsync(uri, this).join();
    }

    static WsProbe withHeader(URI base, String token) {
        return new WsProbe(base, "", token);
    }

    static WsProbe resume(URI base, String token, String connectionId, long sequence) {
        return new WsProbe(base, "?connection_id=" + connectionId + "&sequence_number=" + sequence, token);
    }

    static WsProbe anonymous(URI base) {
        return new WsProbe(base, "", null);
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame; the patience is generous because a loaded 2-core CI box can stall a socket for seconds. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(NEXT_FRAME_PATIENCE_S, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + NEXT_FRAME_PATIENCE_S + " s");
        }
        return frame;
    }

    /** Next event named {@code event}, skipping others (e.g. {@code posted}). */
    JsonNode nextEvent(String event) throws InterruptedException {
        while (true) {
            JsonNode frame = next();
            if (event.equals(frame.path("event").asText())) {
                return frame;
            }
        }
    }

    JsonNode poll(Duration wait) throws InterruptedException {
        return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            try {
                frames.add(Api.MAPPER.readTree(text));
            } catch (Exception notJson) {
                frames.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closes.add(statusCode);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
