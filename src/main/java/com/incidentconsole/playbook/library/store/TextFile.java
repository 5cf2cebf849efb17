package com.incidentconsole.playbook.library.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a playbook-sized text file and says plainly why it cannot: not there, not permitted, not a regular file
 * (a FIFO would block forever, {@code /dev/zero} would fill the heap), too large, or not UTF-8 text. The size is
 * checked before reading and enforced while reading, so a file that grows, or lies about its size, still cannot
 * take more than the cap.
 */
public final class TextFile {

    /** Far above any real playbook (the largest seeded export is ~60 KB) and far below the heap. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private TextFile() {
    }

    public static String read(Path path) throws IOException {
        return read(path, DEFAULT_MAX_BYTES);
    }

    public static String read(Path path, long maxBytes) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(path, "no such file");
        } catch (AccessDeniedException e) {
            throw new UnreadableFileException(path, "permission denied");
        }
        if (attributes.isDirectory()) {
            throw new UnreadableFileException(path, "is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new UnreadableFileException(path, "is not a regular file (a pipe, socket or device); "
                    + "give the path of a file");
        }
        if (attributes.size() > maxBytes) {
            throw new UnreadableFileException(path, "is " + size(attributes.size()) + "; files over "
                    + size(maxBytes) + " are refused");
        }
        byte[] bytes = readAtMost(path, maxBytes);
        return decode(path, bytes);
    }

    private static byte[] readAtMost(Path path, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new UnreadableFileException(path, "is larger than " + size(maxBytes) + "; refused");
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw new UnreadableFileException(path, "permission denied");
        }
    }

    private static String decode(Path path, byte[] bytes) throws UnreadableFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            if (text.startsWith("\uFEFF")) {
                // Go's encoding/json, which the server imports with, refuses a byte-order mark too.
                throw new UnreadableFileException(path, "starts with a byte-order mark (BOM), which the server "
                        + "refuses; save it as UTF-8 without BOM");
            }
            return text;
        } catch (MalformedInputException e) {
            int offset = firstBadByte(bytes);
            throw new UnreadableFileException(path, "is not UTF-8 text (byte 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + " at offset " + offset
                    + "); save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(path, "is not UTF-8 text; save it as UTF-8");
        }
    }

    /** Where decoding fails, for the message; only reached for a file already known to be malformed. */
    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }

    /** A file that cannot be read as text; the message is complete without the path (callers prefix it). */
    public static final class UnreadableFileException extends IOException {

        private final transient Path path;
        private final String reason;

        UnreadableFileException(Path path, String reason) {
            super(path + " " + reason);
            this.path = path;
            this.reason = reason;
        }

        public Path path() {
            return path;
        }

        /** "permission denied", "is not UTF-8 text (…)": reads after the file's name. */
        public String reason() {
            return reason;
        }
    }
}
