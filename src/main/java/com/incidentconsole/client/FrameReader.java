package com.incidentconsole.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.Broadcast;
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
    /** Reads the broadcast in the middle of the envelope: what follows it is the envelope's, not trailing garbage. */
    private final ObjectReader broadcasts;

    FrameReader(JsonMapper mapper) {
        this.mapper = mapper;
        this.broadcasts = mapper.readerFor(Broadcast.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    Frame read(String text) {
        if (text.length() > MAX_FRAME_CHARS) {
            return new Malformed("frame of " + text.length() + " characters exceeds " + MAX_FRAME_CHARS);
        }
        // Bytes, not the string: Jackson's UTF-8 parser is the faster one, and the payload is wanted as UTF-8.
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        PayloadSplit.Split split = PayloadSplit.split(utf8);
        if (split != null) {
            WebSocketEvent envelope = plainEnvelope(split.envelope());
            if (envelope == null && parse(split.envelope(), text.length()) instanceof Event e
                    && emptyPayload(e.event().data())) {
                envelope = e.event();
            }
            if (envelope != null) {
                ObjectNode data = JsonNodeFactory.instance.objectNode();
                data.set(PAYLOAD, new PayloadText(new String(split.payload(), StandardCharsets.UTF_8), split.payload(),
                        decoded(envelope.event(), split.payload())));
                return new Event(new WebSocketEvent(envelope.event(), data, envelope.broadcast(), envelope.seq()));
            }
        }
        // Anything else — replies, core events, odd shapes, garbage — is judged on the whole frame.
        return parse(utf8, text.length());
    }

    /** The frame judged whole, never split: the reference {@link #read} must agree with (tests). */
    Frame readWhole(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), text.length());
    }

    /**
     * The envelope {@link PayloadSplit} leaves, read in one streaming pass when it is the plain kind —
     * {@code event} (a non-empty string), {@code data} exactly {@code {"payload":""}}, {@code broadcast}
     * (an object or null), {@code seq} (a whole number >= 0), each at most once, nothing else — or null,
     * and then the tree reading decides (every odd case, and its complaint, stay the tree's).
     */
    WebSocketEvent plainEnvelope(byte[] envelope) {
        try (JsonParser p = mapper.createParser(envelope)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String event = null;
            Broadcast broadcast = null;
            long seq = -1;
            boolean data = false;
            boolean sawBroadcast = false;
            String key;
            while ((key = p.nextFieldName()) != null) {
                JsonToken value = p.nextToken();
                switch (key) {
                    case "event" -> {
                        if (event != null || value != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
                            return null;
                        }
                        event = p.getText();
                    }
                    case "data" -> {
                        if (data || value != JsonToken.START_OBJECT || !PAYLOAD.equals(p.nextFieldName())
                                || p.nextToken() != JsonToken.VALUE_STRING || p.getTextLength() != 0
                                || p.nextToken() != JsonToken.END_OBJECT) {
                            return null;
                        }
                        data = true;
                    }
                    case "broadcast" -> {
                        if (sawBroadcast || (value != JsonToken.START_OBJECT && value != JsonToken.VALUE_NULL)) {
                            return null;
                        }
                        sawBroadcast = true;
                        broadcast = value == JsonToken.VALUE_NULL ? null : broadcasts.readValue(p);
                    }
                    case "seq" -> {
                        if (seq >= 0 || value != JsonToken.VALUE_NUMBER_INT
                                || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER || p.getLongValue() < 0) {
                            return null;
                        }
                        seq = p.getLongValue();
                    }
                    default -> {
                        return null;
                    }
                }
            }
            if (event == null || !data || seq < 0 || p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return new WebSocketEvent(event, null, broadcast, seq);
        } catch (Exception e) {
            return null; // the tree reading says what is wrong with it
        }
    }

    /**
     * A run event's payload decoded now (on the socket thread, off the stream's own), or null: not
     * a run event, or a payload that does not decode — {@link PluginPayloads} then tries again and
     * reports it where it always has.
     */
    private Object decoded(String event, byte[] payload) {
        Class<?> type = PluginPayloads.typeOf(event);
        if (type == null) {
            return null;
        }
        try {
            return mapper.readValue(payload, type);
        } catch (Exception e) {
            return null;
        }
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
