package com.incidentconsole.playbook.library.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the temporary files of {@link AtomicWrite}s whose process was killed ({@code .NAME<digits>.tmp}, up to the
 * size of the file being written; probe L11). A temp file is a leftover only when nobody holds its lock (the OS
 * released it with the dead writer) and it has not changed for a few seconds (a live write keeps touching it, and
 * covers the instant between a write's end and its move).
 */
public final class AtomicWriteLeftovers {

    private static final Logger LOG = Logger.getLogger(AtomicWriteLeftovers.class.getName());
    /**
     * {@code .NAME.<16 hex>.tmp} ({@link AtomicWrite}), or {@code .NAME<digits>.tmp} left by builds that used
     * {@code Files.createTempFile}.
     */
    private static final Pattern TEMP = Pattern.compile("\\.(.+?)(\\.[0-9a-f]{16}|\\d+)\\.tmp");
    private static final Pattern SUFFIX = Pattern.compile("(\\.[0-9a-f]{16}|\\d+)\\.tmp");
    static final Duration QUIET = Duration.ofSeconds(5);

    private AtomicWriteLeftovers() {
    }

    /** Removes the leftovers of writes to any file in {@code folder}; returns how many. */
    public static int clean(Path folder) {
        return clean(folder, Optional.empty(), Clock.systemUTC());
    }

    /** Removes the leftovers of writes to {@code target} only (the command line formats named files). */
    public static int cleanFor(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        return folder == null ? 0 : clean(folder, Optional.of(target.getFileName().toString()), Clock.systemUTC());
    }

    static int clean(Path folder, Optional<String> target, Clock clock) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(folder)) {
            candidates = files.filter(p -> {
                var m = TEMP.matcher(p.getFileName().toString());
                return m.matches() && target.map(t -> p.getFileName().toString().startsWith("." + t)
                        && SUFFIX.matcher(p.getFileName().toString().substring(t.length() + 1)).matches()).orElse(true);
            }).toList();
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Path temp : candidates) {
            if (leftover(temp, clock)) {
                try {
                    long size = Files.size(temp);
                    Files.deleteIfExists(temp);
                    removed++;
                    LOG.info(() -> "Removed " + temp + " (" + size + " bytes), left by an interrupted write");
                } catch (IOException e) {
                    LOG.fine(() -> "Could not remove the leftover " + temp + ": " + e.getMessage());
                }
            }
        }
        return removed;
    }

    private static boolean leftover(Path temp, Clock clock) {
        try {
            if (!Files.isRegularFile(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.getLastModifiedTime(temp).toInstant().isAfter(clock.instant().minus(QUIET))) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return false;
                }
                lock.release();
                return true;
            } catch (OverlappingFileLockException writtenByThisProcess) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
