package com.incidentconsole.datafolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One process per data folder: an OS file lock on {@value #FILE}, held for the life of the process. The OS
 * releases it when the process ends in any way (a crash or {@code kill -9} included), so a stale lock cannot keep
 * the next start out; the file itself stays and only says who held it last.
 *
 * <p>Two processes sharing the store would each replay the same outbox rows and never see the rows the other
 * queued after it started (probe M1).
 */
public final class InstanceLock implements AutoCloseable {

    static final String FILE = "instance.lock";
    /** Locked far past the content, so the holder's pid stays readable where locks are mandatory (Windows). */
    private static final long REGION = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;
    private final Path folder;

    private InstanceLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the data folder (creating it owner-only), or says who has it.
     *
     * @throws AlreadyRunning when another process (or another start in this one) holds it
     * @throws UncheckedIOException when the lock file cannot be made at all
     */
    public static InstanceLock acquire(Path dataDir) {
        try {
            Path folder = PrivateFiles.folder(dataDir);
            Path file = PrivateFiles.file(folder.resolve(FILE));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(REGION, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new AlreadyRunning(folder, holder(file));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new InstanceLock(folder, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static OptionalLong holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the process anyway.
        }
    }

    /** Another process works with this data folder now. The message is worded for the user. */
    public static final class AlreadyRunning extends RuntimeException {

        private final transient Path folder;
        private final OptionalLong pid;

        AlreadyRunning(Path folder, OptionalLong pid) {
            super("Incident Console is already running with this data folder ("
                    + (pid.isPresent() ? "pid " + pid.getAsLong() : "pid unknown") + "; " + folder + ")");
            this.folder = folder;
            this.pid = pid;
        }

        public Path folder() {
            return folder;
        }

        public OptionalLong pid() {
            return pid;
        }
    }
}
