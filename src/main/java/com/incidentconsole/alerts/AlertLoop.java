package com.incidentconsole.alerts;

import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.sync.Subscription;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The alerts' own thread: the run store's changes are handed over to it (the sync thread is not held up by the
 * rules), it ticks the desk every second, and it reads and writes the settings file. Closing it stops all that.
 */
public final class AlertLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlertLoop.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "Notifications");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.log(Level.WARNING, "Notifications thread failed", e));
        return t;
    });
    private final AlertDesk desk;
    private final Subscription runs;
    private final Subscription saving;

    private AlertLoop(AlertDesk desk, RunStore store, AlertSettingsFile file) {
        this.desk = desk;
        Consumer<AlertSettings> save = settings -> thread.execute(() -> save(file, settings));
        saving = desk.onSettings(save);
        thread.execute(() -> desk.loaded(file.load(), save));
        // Subscribed before the catch-up, so the rules see every change after the start.
        runs = store.subscribe(change -> thread.execute(() -> guarded(() -> desk.changed(change))));
        thread.scheduleWithFixedDelay(() -> guarded(desk::tick), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code store}; the runs it already holds are taken as they are. */
    public static AlertLoop start(AlertDesk desk, RunStore store, AlertSettingsFile file) {
        AlertLoop loop = new AlertLoop(desk, store, file);
        var held = store.all();
        loop.thread.execute(() -> guarded(() -> desk.changed(new RunsChange(held, Set.of(), true))));
        return loop;
    }

    public AlertDesk desk() {
        return desk;
    }

    /** Runs blocking work that belongs to the alerts (connecting to the desktop's notification service). */
    public void execute(Runnable work) {
        thread.execute(() -> guarded(work));
    }

    private static void save(AlertSettingsFile file, AlertSettings settings) {
        try {
            file.save(settings);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not save the notification settings; they hold for this session", e);
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A notification rule failed; the next change or tick tries again", e);
        }
    }

    @Override
    public void close() {
        runs.close();
        saving.close();
        thread.shutdownNow();
    }
}
