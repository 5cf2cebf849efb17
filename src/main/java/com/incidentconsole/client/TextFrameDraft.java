package com.incidentconsole.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;

/**
 * RFC 6455 as Java-WebSocket speaks it, except for the frame every event arrives in: one whole,
 * unmasked text frame. Java-WebSocket checks such a frame's UTF-8 byte by byte through a
 * {@code ByteBuffer} and then decodes it a second time; on the event stream that was two thirds of
 * the socket thread's time (JFR, docs/reliability.md). Here the JDK's decoder does both at once
 * (strictly: malformed UTF-8 still fails the connection with 1007, as before).
 *
 * <p>Only whole frames are cut out of the byte stream here. Every frame that is not a complete,
 * unfragmented, unmasked text frame without extension bits — pings, pongs, closes, binary, fragments —
 * is handed to Java-WebSocket's own parser, complete and alone, so it is judged exactly as before.
 */
final class TextFrameDraft extends Draft_6455 {

    private static final int OP_CONTINUATION = 0;
    private static final int OP_TEXT = 1;
    private static final int OP_BINARY = 2;
    /** A frame larger than this fails the connection (1009) instead of taking the heap; far above {@link FrameReader#MAX_FRAME_CHARS}. */
    static final long MAX_FRAME_BYTES = 64L * 1024 * 1024;

    /** The start of a frame that has not fully arrived yet, or null. */
    private ByteBuffer pending;
    /** A fragmented message is open: a whole text frame now is a protocol error only the library reports. */
    private boolean fragmented;

    @Override
    public Draft copyInstance() {
        return new TextFrameDraft();
    }

    @Override
    public void reset() {
        super.reset();
        pending = null;
        fragmented = false;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        List<Framedata> frames = new ArrayList<>(2);
        while (pending != null) {
            // Complete the header first, then the frame, never taking bytes of the frame after it.
            long target = needed(pending.duplicate().flip());
            if (pending.capacity() < target) {
                pending = ByteBuffer.allocate((int) target).put(pending.flip());
            }
            int take = (int) Math.min(target - pending.position(), buffer.remaining());
            pending.put(pending.position(), buffer, buffer.position(), take);
            pending.position(pending.position() + take);
            buffer.position(buffer.position() + take);
            if (pending.position() < target) {
                return frames;
            }
            ByteBuffer head = pending.duplicate().flip();
            if (head.remaining() >= needed(head)) {
                pending = null;
                frames.addAll(translateWhole(head));
            }
        }
        while (buffer.hasRemaining()) {
            long target = needed(buffer);
            if (buffer.remaining() < target) {
                pending = ByteBuffer.allocate((int) Math.max(target, buffer.remaining())).put(buffer);
                break;
            }
            ByteBuffer frame = buffer.slice(buffer.position(), (int) target);
            buffer.position(buffer.position() + (int) target);
            frames.addAll(translateWhole(frame));
        }
        return frames;
    }

    /** One complete frame: a plain text frame here, anything else through the library's parser. */
    private List<Framedata> translateWhole(ByteBuffer frame) throws InvalidDataException {
        int b1 = frame.get(frame.position()) & 0xFF;
        int b2 = frame.get(frame.position() + 1) & 0xFF;
        int opcode = b1 & 0x0F;
        boolean fin = (b1 & 0x80) != 0;
        boolean plain = fin && (b1 & 0x70) == 0 && (b2 & 0x80) == 0 && opcode == OP_TEXT && !fragmented;
        if (plain) {
            int header = headerLength(b2);
            return List.of(new WholeText(frame.slice(frame.position() + header, frame.remaining() - header)));
        }
        if (opcode == OP_TEXT || opcode == OP_BINARY) {
            fragmented = !fin;
        } else if (opcode == OP_CONTINUATION && fin) {
            fragmented = false;
        }
        // The library indexes its buffer's backing array from 0: give it a copy of its own.
        ByteBuffer copy = ByteBuffer.allocate(frame.remaining()).put(frame).flip();
        return super.translateFrame(copy);
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        if (!(frame instanceof WholeText text)) {
            super.processFrame(socket, frame);
            return;
        }
        String message;
        try {
            message = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text.getPayloadData()).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(CloseFrame.NO_UTF8, "text frame is not UTF-8");
        }
        try {
            socket.getWebSocketListener().onWebsocketMessage(socket, message);
        } catch (RuntimeException e) {
            // As the library does: a listener's failure is an error on the socket, not a torn-down read loop.
            socket.getWebSocketListener().onWebsocketError(socket, e);
        }
    }

    /**
     * Bytes needed from {@code in}'s position to know more: 2 for the start of a header, then the whole
     * header, then the whole frame (header included). The frame is complete once that many are there.
     */
    private static long needed(ByteBuffer in) throws InvalidDataException {
        int at = in.position();
        if (in.remaining() < 2) {
            return 2;
        }
        int b2 = in.get(at + 1) & 0xFF;
        int header = headerLength(b2);
        if (in.remaining() < header) {
            return header;
        }
        long payload = b2 & 0x7F;
        if (payload == 126) {
            payload = in.getShort(at + 2) & 0xFFFF;
        } else if (payload == 127) {
            payload = in.getLong(at + 2);
        }
        if (payload < 0 || payload > MAX_FRAME_BYTES) {
            throw new LimitExceededException("frame of " + payload + " bytes", (int) MAX_FRAME_BYTES);
        }
        return header + payload;
    }

    private static int headerLength(int b2) {
        int length = b2 & 0x7F;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + ((b2 & 0x80) != 0 ? 4 : 0);
    }

    /** A whole text frame cut out here; its payload is decoded in {@link #processFrame}. */
    private static final class WholeText extends TextFrame {
        WholeText(ByteBuffer payload) {
            setFin(true);
            setPayload(payload);
        }

        @Override
        public void isValid() {
            // Checked while decoding, in one pass.
        }
    }
}
