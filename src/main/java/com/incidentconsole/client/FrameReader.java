package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WebSocketResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sorts a server text frame into an event, a reply to one of our actions, or garbage. Never throws:
 * a bad frame is a value the stream reports and steps over. A plugin event's payload string is
 * cut out of the frame and unescaped by {@link PayloadSplit} rather than by the tree parse (the
 * stream's largest cost); everything else about the frame is judged the same either way.
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

    private static final String PAYLOAD = "payload";

    private final JsonMapper mapper;

    FrameReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Frame read(String text) {
        if (text.length() > MAX_FRAME_CHARS) {
            return new Malformed("frame of " + text.length() + " characters exceeds " + MAX_FRAME_CHARS);
        }
        // Bytes, not the string: Jackson's UTF-8 parser is the faster one, and the payload is wanted as UTF-8.
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        PayloadSplit.Split split = PayloadSplit.split(utf8);
        if (split != null && parse(split.envelope(), text.length()) instanceof Event e && emptyPayload(e.event().data())) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.set(PAYLOAD, new PayloadText(new String(split.payload(), StandardCharsets.UTF_8), split.payload()));
            return new Event(new WebSocketEvent(e.event().event(), data, e.event().broadcast(), e.event().seq()));
        }
        // Anything else — replies, core events, odd shapes, garbage — is judged on the whole frame.
        return parse(utf8, text.length());
    }

    /** The frame judged whole, never split: the reference {@link #read} must agree with (tests). */
    Frame readWhole(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), text.length());
    }

    /** True for the envelope {@link PayloadSplit} leaves: {@code data} is exactly {@code {"payload":""}}. */
    private static boolean emptyPayload(JsonNode data) {
        JsonNode payload = data.get(PAYLOAD);
        return data.size() == 1 && payload != null && payload.isTextual() && payload.textValue().isEmpty();
    }

    private Frame parse(byte[] utf8, int chars) {
        JsonNode tree;
        try {
            tree = mapper.readTree(utf8);
        } catch (Exception e) {
            return new Malformed("not JSON (" + chars + " characters)");
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
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
