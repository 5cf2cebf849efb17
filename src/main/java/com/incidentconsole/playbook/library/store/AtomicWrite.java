package com.incidentconsole.playbook.library.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Replaces a file so that readers (and a crash) see either the old or the new content, never half of it: the
 * text goes to a temporary file in the same folder, is forced to disk, then moved over the target.
 *
 * <p>The file keeps its identity: a symbolic link is followed and its target rewritten (the link stays a link),
 * the mode, owner and group are copied to the new file (a group-shared library stays shared; root formatting a
 * user's file leaves it theirs), a read-only file is refused rather than silently replaced, and a file with
 * other hard links is rewritten in place, since a rename would split it from its other names.
 *
 * <p>Temporary files are named {@code .NAME.<hex>.tmp} and locked while written; a process killed half-way leaves
 * one, which {@link AtomicWriteLeftovers} removes at the next run.
 */
public final class AtomicWrite {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicWrite() {
    }

    public static void replace(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path real = followLinks(target);
        Optional<PosixFileAttributes> existing = posixAttributes(real);
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS) && isReadOnly(real, existing)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only; not rewritten");
        }
        if (linkCount(real) > 1) {
            rewriteInPlace(real, bytes);
            return;
        }
        Path folder = real.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + real.getFileName() + "." + HexFormat.of().formatHex(randomBytes())
                + TEMP_SUFFIX);
        try {
            // Created without attributes so a new file gets the user's umask, not a 0600 temp-file mode.
            Files.createFile(temp);
            write(temp, bytes);
            existing.ifPresent(attributes -> copyIdentity(attributes, temp));
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Read-only by its mode, not only by {@code access(2)}: root may write anything, yet a 0444 file says its
     * owner does not want it changed.
     */
    private static boolean isReadOnly(Path file, Optional<PosixFileAttributes> attributes) {
        return attributes.map(a -> !a.permissions().contains(PosixFilePermission.OWNER_WRITE))
                .orElse(false) || !Files.isWritable(file);
    }

    private static Path followLinks(Path target) throws IOException {
        Path path = target;
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops > 40) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(path);
            Path parent = path.toAbsolutePath().getParent();
            path = parent == null ? link : parent.resolve(link);
        }
        return path;
    }

    private static Optional<PosixFileAttributes> posixAttributes(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(view.readAttributes());
    }

    private static int linkCount(Path file) {
        try {
            return Files.exists(file) ? (Integer) Files.getAttribute(file, "unix:nlink") : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static void copyIdentity(PosixFileAttributes attributes, Path temp) {
        try {
            Files.setPosixFilePermissions(temp, attributes.permissions());
        } catch (IOException e) {
            // The content is still written; only the mode is the default.
        }
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (!view.readAttributes().owner().equals(attributes.owner())) {
                view.setOwner(attributes.owner());
            }
            if (!view.readAttributes().group().equals(attributes.group())) {
                view.setGroup(attributes.group());
            }
        } catch (IOException e) {
            // Only root may give a file away; anyone else writing someone else's file keeps their own ownership.
        }
    }

    /** Not atomic, but the only way to keep hard links joined; forced to disk before returning. */
    private static void rewriteInPlace(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            writeAll(channel, bytes);
            channel.force(true);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // Held while writing: the OS drops it if this process dies, which tells AtomicWriteLeftovers the
            // temp file is a leftover of a killed write and safe to remove.
            channel.lock();
            writeAll(channel, bytes);
            channel.force(true);
        }
    }

    private static void writeAll(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
