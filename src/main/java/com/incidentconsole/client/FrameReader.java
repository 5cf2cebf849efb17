package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WebSocketResponse;

/**
 * Sorts a server text frame into an event, a reply to one of our actions, or garbage. Never throws:
 * a bad frame is a value the stream reports and steps over.
 */
final class FrameReader {

    /** Far above any real event (a full run is tens of KB) yet bounded, so one frame cannot eat the heap. */
    static final int MAX_FRAME_CHARS = 8 * 1024 * 1024;

    sealed interface Frame permits Event, Reply, Malformed {
    }

    record Event(WebSocketEvent event) implements Frame {
    }

    record Reply(WebSocketResponse response) implements Frame {
    }

    record Malformed(String description) implements Frame {
    }

    private final JsonMapper mapper;

    FrameReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Frame read(String text) {
        if (text.length() > MAX_FRAME_CHARS) {
            return new Malformed("frame of " + text.length() + " characters exceeds " + MAX_FRAME_CHARS);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (Exception e) {
            return new Malformed("not JSON (" + text.length() + " characters)");
        }
        if (tree == null || !tree.isObject()) {
            return new Malformed("not a JSON object");
        }
        try {
            // The JS client's discriminator: replies carry seq_reply, events never do.
            if (tree.hasNonNull("seq_reply") || (tree.hasNonNull("status") && !tree.has("event"))) {
                return new Reply(mapper.treeToValue(tree, WebSocketResponse.class));
            }
            JsonNode event = tree.get("event");
            JsonNode seq = tree.get("seq");
            if (event == null || !event.isTextual() || event.asText().isEmpty()) {
                return new Malformed("neither an event nor a reply");
            }
            if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
                return new Malformed(event.asText() + " without a valid seq");
            }
            JsonNode data = tree.get("data");
            if (data != null && !data.isNull() && !data.isObject()) {
                return new Malformed(event.asText() + " (seq " + seq.asLong() + ") with non-object data");
            }
            return new Event(mapper.treeToValue(tree, WebSocketEvent.class));
        } catch (Exception e) {
            return new Malformed("frame does not fit the event envelope (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The hello's data, or null when it has no connection id (then the stream cannot resume later). */
    HelloData hello(WebSocketEvent event) {
        try {
            HelloData hello = mapper.treeToValue(event.data(), HelloData.class);
            return hello == null || hello.connectionId().isEmpty() ? null : hello;
        } catch (Exception e) {
            return null;
        }
    }
}
