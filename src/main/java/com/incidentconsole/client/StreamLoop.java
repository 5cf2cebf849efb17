package com.incidentconsole.client;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread an {@link EventStream} lives on. Confining all state to it removes locking, and
 * gives listeners the promised order. A failing step is logged, never allowed to kill the thread,
 * and work handed in after shutdown (late socket callbacks) is dropped on purpose.
 */
final class StreamLoop {

    private static final Logger LOG = Logger.getLogger(StreamLoop.class.getName());

    private final ScheduledThreadPoolExecutor executor;

    StreamLoop(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void submit(Runnable step) {
        try {
            executor.execute(() -> run(step));
        } catch (RejectedExecutionException afterShutdown) {
            // Nowhere to go, by design: the stream is closed.
        }
    }

    ScheduledFuture<?> schedule(Runnable step, Duration delay) {
        return executor.schedule(() -> run(step), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> every(Runnable step, Duration period) {
        long millis = period.toMillis();
        return executor.scheduleAtFixedRate(() -> run(step), millis, millis, TimeUnit.MILLISECONDS);
    }

    static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    void shutdown() {
        executor.shutdown();
    }

    /** Runs a step or a listener callback; an exception is logged so the stream keeps going. */
    static void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event stream step or listener failed", e);
        }
    }
}
