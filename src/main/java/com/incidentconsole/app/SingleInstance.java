package com.incidentconsole.app;

import com.incidentconsole.datafolder.InstanceDoor;
import com.incidentconsole.datafolder.InstanceLock;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One window per data folder. The first start holds the folder's lock and opens a loopback door; a second start
 * knocks on it with its arguments, so the running window comes to the front, and then ends instead of sharing
 * the store (probe M1).
 */
final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    private static final Duration KNOCK_TIMEOUT = Duration.ofSeconds(3);

    private final InstanceLock lock;
    private final InstanceDoor door;

    private SingleInstance(InstanceLock lock, InstanceDoor door) {
        this.lock = lock;
        this.door = door;
    }

    /**
     * @param onSecondStart hears a later start's arguments (on the door's thread): bring the window forward
     * @param err           where a second start says why it ends
     * @return empty when another process has the folder: it was asked to come forward, this start should end
     */
    static Optional<SingleInstance> claim(Path dataDir, List<String> args, Consumer<List<String>> onSecondStart,
                                          PrintStream err) {
        InstanceLock lock;
        try {
            lock = InstanceLock.acquire(dataDir);
        } catch (InstanceLock.AlreadyRunning running) {
            boolean answered = InstanceDoor.knock(running.folder(), args, KNOCK_TIMEOUT);
            err.println(running.getMessage() + (answered
                    ? ": brought its window to the front. Use that window, or quit it first to start here again."
                    : ", but it did not answer. Quit it (or end that process) and start again."));
            return Optional.empty();
        } catch (UncheckedIOException e) {
            // A data folder that cannot be locked (read-only, odd file system) must not keep the console from
            // opening during an incident; the store itself will say what is wrong with the folder.
            LOG.warning(() -> e.getMessage() + "; starting without the single-instance check.");
            return Optional.of(new SingleInstance(null, null));
        }
        try {
            return Optional.of(new SingleInstance(lock, InstanceDoor.open(lock, onSecondStart)));
        } catch (UncheckedIOException e) {
            LOG.warning(() -> e.getMessage() + "; a second start will be refused but cannot bring this window forward.");
            return Optional.of(new SingleInstance(lock, null));
        }
    }

    /** False when the folder could not be locked at all (the start went ahead anyway). */
    boolean holdsDataFolder() {
        return lock != null;
    }

    @Override
    public void close() {
        if (door != null) {
            door.close();
        }
        if (lock != null) {
            lock.close();
        }
    }
}
