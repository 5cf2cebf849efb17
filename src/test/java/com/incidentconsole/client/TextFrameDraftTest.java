package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/**
 * The stream's socket cuts whole text frames out of the bytes itself and decodes them in one pass;
 * whatever the server sends and however TCP splits it, the messages must be Java-WebSocket's own.
 */
class TextFrameDraftTest {

    @Test
    void framesSplitAnywhereReadAsJavaWebSocketReadsThem() {
        qt().withFixedSeed(0xF4A3EL).withExamples(1_500).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] stream = frames(random);
            List<String> expected = read(new Draft_6455(), stream, List.of(stream.length));
            List<Integer> cuts = new ArrayList<>();
            for (int at = 0; at < stream.length; ) {
                at += 1 + random.nextInt(random.nextBoolean() ? 7 : 20_000);
                cuts.add(Math.min(at, stream.length));
            }
            assertEquals(expected, read(new TextFrameDraft(), stream, cuts), "cut at " + cuts);
        });
    }

    @Test
    void textThatIsNotUtf8FailsTheConnectionAsBefore() {
        byte[] bad = frame(0x81, new byte[] {'{', (byte) 0xC3, '}'});
        InvalidDataException mine = assertThrows(InvalidDataException.class,
                () -> readOrFail(new TextFrameDraft(), bad, List.of(bad.length)));
        assertEquals(CloseFrame.NO_UTF8, mine.getCloseCode());
        assertThrows(InvalidDataException.class, () -> readOrFail(new Draft_6455(), bad, List.of(bad.length)));
    }

    /** What the socket's listener hears: each message, ping and pong, in order. */
    private static List<String> read(Draft_6455 draft, byte[] stream, List<Integer> cuts) {
        try {
            return readOrFail(draft, stream, cuts);
        } catch (InvalidDataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readOrFail(Draft_6455 draft, byte[] stream, List<Integer> cuts)
            throws InvalidDataException {
        List<String> heard = new ArrayList<>();
        WebSocketImpl socket = new WebSocketImpl(new Listener(heard), draft);
        int from = 0;
        for (int to : cuts) {
            ByteBuffer chunk = ByteBuffer.allocate(to - from + 5).put(stream, from, to - from).flip();
            for (Framedata frame : draft.translateFrame(chunk)) {
                if (frame.getOpcode() == org.java_websocket.enums.Opcode.PING
                        || frame.getOpcode() == org.java_websocket.enums.Opcode.PONG) {
                    heard.add(frame.getOpcode() + ":" + StandardCharsets.UTF_8.decode(frame.getPayloadData()));
                } else {
                    draft.processFrame(socket, frame);
                }
            }
            from = to;
        }
        return heard;
    }

    private static byte[] frames(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            String text = text(random, switch (random.nextInt(4)) {
                case 0 -> random.nextInt(126);
                case 1 -> 126 + random.nextInt(70_000);
                case 2 -> 65_536 + random.nextInt(70_000);
                default -> random.nextInt(3);
            });
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes(frame(0x89, "ping".getBytes(StandardCharsets.UTF_8))); // then the text
                case 1 -> {
                    // The same text in two fragments, a ping between them.
                    int half = utf8.length / 2;
                    out.writeBytes(frame(0x01, java.util.Arrays.copyOfRange(utf8, 0, half)));
                    out.writeBytes(frame(0x89, new byte[0]));
                    out.writeBytes(frame(0x80, java.util.Arrays.copyOfRange(utf8, half, utf8.length)));
                    continue;
                }
                default -> {
                }
            }
            out.writeBytes(frame(0x81, utf8));
        }
        return out.toByteArray();
    }

    private static String text(SplittableRandom random, int length) {
        String[] pieces = {"a", "{\"event\":\"x\"}", "é", "€", "😀", "\\\"", " "};
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /** An unmasked server frame: first byte (FIN, opcode) and payload, with the shortest length form. */
    private static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static final class Listener extends WebSocketAdapter {
        private final List<String> heard;

        Listener(List<String> heard) {
            this.heard = heard;
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
            heard.add("text:" + message);
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
            heard.add("binary:" + blob.remaining());
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, org.java_websocket.handshake.Handshakedata d) {
        }

        @Override
        public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
            heard.add("error:" + ex);
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
        }

        @Override
        public java.net.InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return null;
        }

        @Override
        public java.net.InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return null;
        }
    }
}
