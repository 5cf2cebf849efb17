package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stream cuts a plugin event's payload out of the frame and unescapes it itself (the tree parse
 * of that string was the largest cost of taking in events). Whatever the frame, that must give what
 * reading the whole frame gives: the same event with the same payload text, or the same complaint.
 */
class FrameReaderSplitTest {

    private static final String[] PIECES = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
        "\u0001", "\u001f", "é", "€", "日本", "😀", "\uD800", "\uDC00", "{\"id\":\"x\"}", "\\u0041", "\"data\""};
    private static final String[] RAW_ESCAPES = {"\\u0041", "\\u00e9", "\\u00E9", "\\u20ac", "\\ud83d\\ude00",
        "\\uD83D\\uDE00", "\\ud800", "\\udc00", "\\ud83dx", "\\u12", "\\u12G4", "\\x", "\\/", "\\", "\u0007",
        "\"", "é"};

    private final JsonMapper mapper = WireJson.newMapper();
    private final FrameReader reader = new FrameReader(mapper);

    @Test
    void aSplitFrameReadsAsTheWholeFrameReads() {
        AtomicInteger split = new AtomicInteger();
        qt().withFixedSeed(0x5EED_5717L).withExamples(4_000).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    String frame = frame(random);
                    PayloadSplit.Split cut = PayloadSplit.split(frame.getBytes(StandardCharsets.UTF_8));
                    if (cut != null && reader.plainEnvelope(cut.envelope()) != null) {
                        split.incrementAndGet();
                    }
                    assertEquals(describe(reader.readWhole(frame)), describe(reader.read(frame)), frame);
                });
        // Many frames must take the split and the streaming envelope, or this proves nothing about them.
        assertEquals(true, split.get() > 600, "split frames: " + split.get());
    }

    @Test
    void aRealRunUpdateTakesTheSplitAndDecodesToTheSameRun() throws Exception {
        String run = "{\"id\":\"r1\",\"name\":\"Outage \\\"east\\\" — 😀\",\"summary\":\"line\\nnext\"}";
        String frame = "{\"event\":\"custom_playbooks_playbook_run_updated\",\"data\":{\"payload\":"
                + mapper.writeValueAsString(run) + "},\"broadcast\":{\"channel_id\":\"c\"},\"seq\":7}";
        PayloadSplit.Split split = PayloadSplit.split(frame.getBytes(StandardCharsets.UTF_8));
        assertNotNull(split);
        assertNotNull(reader.plainEnvelope(split.envelope()), "the envelope takes the streaming read");
        WebSocketEvent event = assertInstanceOf(FrameReader.Event.class, reader.read(frame)).event();
        assertEquals(assertInstanceOf(FrameReader.Event.class, reader.readWhole(frame)).event(), event);
        PlaybookRun decoded = PluginPayloads.decode(event, PlaybookRun.class, mapper);
        assertEquals("Outage \"east\" — 😀", decoded.name());
        assertEquals(mapper.readValue(run, PlaybookRun.class), decoded);
    }

    @Test
    void aFrameOfAnotherShapeIsLeftToTheWholeReading() {
        assertNull(PayloadSplit.split(bytes("{\"seq\":1,\"event\":\"x\",\"data\":{\"payload\":\"{}\"}}")));
        assertNull(PayloadSplit.split(bytes("{\"event\":\"x\", \"data\":{\"payload\":\"{}\"},\"seq\":1}")));
        assertNull(PayloadSplit.split(bytes("{\"event\":\"x\",\"data\":{\"payload\":\"{}\"},\"data\":{},\"seq\":1}")));
        assertNull(PayloadSplit.split(bytes("{\"event\":\"x\",\"data\":{\"payload\":\"\\ud800\"},\"seq\":1}")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Event and payload text, reply, or the complaint: what the stream acts on. */
    private static String describe(FrameReader.Frame frame) {
        return switch (frame) {
            case FrameReader.Event e -> "event " + e.event() + " payload=" + e.event().data().path("payload");
            case FrameReader.Reply r -> "reply " + r.response();
            case FrameReader.Malformed m -> "malformed " + m.description();
        };
    }

    private String frame(SplittableRandom random) {
        StringBuilder payload = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            payload.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String literal;
        try {
            literal = mapper.writeValueAsString(payload.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (random.nextInt(3) == 0) {
            // Escapes a server may write differently from Jackson, and broken ones.
            String raw = RAW_ESCAPES[random.nextInt(RAW_ESCAPES.length)];
            int at = 1 + random.nextInt(literal.length() - 1);
            literal = literal.substring(0, at) + raw + literal.substring(at);
        }
        ObjectNode broadcast = mapper.createObjectNode().put("channel_id", "c" + random.nextInt(3));
        String rest = switch (random.nextInt(14)) {
            case 0 -> "},\"broadcast\":" + broadcast + "}";
            case 1 -> ",\"more\":1},\"broadcast\":" + broadcast + ",\"seq\":" + random.nextInt(9) + "}";
            case 2 -> "},\"data\":{\"payload\":\"\"},\"seq\":3}";
            case 3 -> "},\"seq\":-1}";
            case 4 -> "},\"seq\":2";
            case 5 -> "},\"seq\":2,\"seq_reply\":2}";
            case 6 -> "},\"seq\":\"2\"}";
            case 7 -> "},\"broadcast\":null,\"seq\":4}";
            case 8 -> "},\"broadcast\":{\"omit_users\":{\"u1\":true},\"user_id\":\"u2\",\"x\":[1]},\"seq\":5}";
            case 9 -> "},\"broadcast\":" + (random.nextBoolean() ? "5" : "{\"omit_users\":3}") + ",\"seq\":6}";
            case 10 -> "},\"seq\":" + (random.nextBoolean() ? "1.0" : "99999999999999999999") + "}";
            case 11 -> "},\"seq\":7,\"seq\":8,\"broadcast\":{}}";
            default -> "},\"broadcast\":" + broadcast + ",\"seq\":" + random.nextInt(1_000) + "}";
        };
        String event = random.nextInt(10) == 0 ? "" : "custom_playbooks_playbook_run_updated";
        return "{\"event\":\"" + event + "\",\"data\":{\"payload\":" + literal + rest;
    }
}
