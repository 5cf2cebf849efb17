package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens sockets past their hello and collects what a mutation sent them, up to a ping barrier
 * (the server answers a ping after every event published before it, so no sleeping is needed).
 */
final class Sockets {

    private static final AtomicLong BARRIERS = new AtomicLong(5000);

    private Sockets() {
    }

    static WsProbe open(URI base, String token) throws InterruptedException {
        WsProbe probe = WsProbe.withHeader(base, token);
        assertEquals("hello", probe.next().path("event").asText());
        return probe;
    }

    static List<JsonNode> untilBarrier(WsProbe probe) throws InterruptedException {
        long barrier = BARRIERS.incrementAndGet();
        probe.sendText("{\"seq\":" + barrier + ",\"action\":\"ping\"}");
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode frame = probe.next();
            if (frame.path("seq_reply").asLong() == barrier) {
                return events;
            }
            events.add(frame);
        }
    }

    static List<String> names(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").asText()).toList();
    }

    /** The post inside a core {@code posted}/{@code post_deleted} event (double-encoded). */
    static JsonNode post(JsonNode event) {
        return Api.tree(event.path("data").path("post").asText());
    }

    /** The run inside a plugin run event. */
    static JsonNode payload(JsonNode event) {
        return Api.tree(event.path("data").path("payload").asText());
    }
}
