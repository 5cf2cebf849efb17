package com.incidentconsole.client;

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
            int run = j;
            while (j < frame.length && isPlain(frame[j])) {
                j++;
            }
            System.arraycopy(frame, run, out, o, j - run);
            o += j - run;
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
