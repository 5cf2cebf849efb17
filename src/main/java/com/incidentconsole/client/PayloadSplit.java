package com.incidentconsole.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast way into a plugin event. Mattermost sends it as
 * {@code {"event":"custom_…","data":{"payload":"<the run as escaped JSON>"},"broadcast":{…},"seq":n}},
 * the payload being nearly all of the frame (a full run is ~17 KB). Parsing that frame into a tree
 * makes Jackson unescape the payload character by character — the single largest cost of taking in
 * a stream (JFR, docs/reliability.md) — before the payload is parsed again as JSON.
 *
 * <p>This finds the payload string by its fixed position, unescapes it in one pass into UTF-8 bytes,
 * and leaves the rest of the frame (a few hundred bytes, with an empty payload) for the normal
 * reader, which judges it exactly as before. Whatever is not that exact shape, or is anything but a
 * plain well-formed string (a raw control character, an unknown escape, a lone surrogate, a second
 * {@code "data"} key), is declined and read the normal way, so both ways give the same answer.
 */
final class PayloadSplit {

    private static final byte[] EVENT = ascii("{\"event\":\"");
    private static final byte[] DATA_PAYLOAD = ascii("\",\"data\":{\"payload\":\"");
    private static final byte[] DATA_KEY = ascii("\"data\"");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    /**
     * @param envelope the frame with the payload string emptied ({@code "payload":""})
     * @param payload  the payload string's content, unescaped, as UTF-8
     */
    record Split(byte[] envelope, byte[] payload) {
    }

    private PayloadSplit() {
    }

    /** The frame split, or null: not a plugin event of the usual shape, or a payload to leave to Jackson. */
    static Split split(byte[] frame) {
        if (!at(frame, 0, EVENT)) {
            return null;
        }
        int i = EVENT.length;
        while (i < frame.length && isNameByte(frame[i])) {
            i++;
        }
        if (!at(frame, i, DATA_PAYLOAD)) {
            return null;
        }
        int start = i + DATA_PAYLOAD.length;
        byte[] out = new byte[frame.length - start]; // unescaping never lengthens
        int o = 0;
        int j = start;
        while (true) {
            // Eight bytes at a time while none of them needs a look (half the time of a byte loop), then byte by byte.
            while (j + Long.BYTES <= frame.length) {
                long word = (long) LONGS.get(frame, j);
                if (needsLook(word)) {
                    break;
                }
                LONGS.set(out, o, word); // fits: o never runs ahead of j - start
                j += Long.BYTES;
                o += Long.BYTES;
            }
            while (j < frame.length && isPlain(frame[j])) {
                out[o++] = frame[j++];
            }
            if (j >= frame.length) {
                return null; // unterminated: let Jackson say so
            }
            byte b = frame[j];
            if (b == '"') {
                break;
            }
            if (b != '\\' || j + 1 >= frame.length) {
                return null; // a raw control character (invalid JSON) or a cut-off escape
            }
            byte e = frame[j + 1];
            switch (e) {
                case '"', '\\', '/' -> out[o++] = e;
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 't' -> out[o++] = '\t';
                case 'u' -> {
                    int unit = hex4(frame, j + 2);
                    if (unit < 0) {
                        return null;
                    }
                    int codePoint = unit;
                    if (Character.isSurrogate((char) unit)) {
                        // Only a proper pair becomes UTF-8; a lone half stays Jackson's business.
                        int low = Character.isHighSurrogate((char) unit) && at(frame, j + 6, ascii("\\u"))
                                ? hex4(frame, j + 8) : -1;
                        if (low < 0 || !Character.isLowSurrogate((char) low)) {
                            return null;
                        }
                        codePoint = Character.toCodePoint((char) unit, (char) low);
                        j += 6;
                    }
                    o = utf8(codePoint, out, o);
                    j += 4;
                }
                default -> {
                    return null;
                }
            }
            j += 2;
        }
        if (indexOf(frame, DATA_KEY, j) >= 0) {
            return null; // a second "data" key: which one wins is the normal reader's rule
        }
        byte[] envelope = new byte[start + frame.length - j];
        System.arraycopy(frame, 0, envelope, 0, start);
        System.arraycopy(frame, j, envelope, start, frame.length - j);
        return new Split(envelope, Arrays.copyOf(out, o));
    }

    /**
     * Whether any of the eight bytes is a quote, a backslash or below 0x20 (the classic "has a zero
     * byte" test on {@code word ^ '"'}, {@code word ^ '\\'}, and "has a byte below 0x20"); exact
     * about whether there is one, which is all the caller needs.
     */
    private static boolean needsLook(long word) {
        long quote = word ^ QUOTES;
        long backslash = word ^ BACKSLASHES;
        return ((quote - ONES & ~quote | backslash - ONES & ~backslash | word - SPACES & ~word) & HIGH_BITS) != 0;
    }

    /** Not a quote, a backslash or a control character: copied as it is (UTF-8 sequences included). */
    private static boolean isPlain(byte b) {
        return b != '"' && b != '\\' && (b < 0 || b >= 0x20);
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '-'
                || b == '.';
    }

    private static int hex4(byte[] frame, int from) {
        if (from + 4 > frame.length) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + 4; k++) {
            int digit = Character.digit(frame[k], 16);
            if (digit < 0 || frame[k] < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static int utf8(int codePoint, byte[] out, int o) {
        if (codePoint < 0x80) {
            out[o++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[o++] = (byte) (0xC0 | codePoint >> 6);
            out[o++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            out[o++] = (byte) (0xE0 | codePoint >> 12);
            out[o++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            out[o++] = (byte) (0xF0 | codePoint >> 18);
            out[o++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            out[o++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return o;
    }

    private static boolean at(byte[] frame, int from, byte[] literal) {
        return from + literal.length <= frame.length
                && Arrays.equals(frame, from, from + literal.length, literal, 0, literal.length);
    }

    private static int indexOf(byte[] frame, byte[] literal, int from) {
        for (int k = from; k + literal.length <= frame.length; k++) {
            if (frame[k] == literal[0] && at(frame, k, literal)) {
                return k;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
