package com.incidentconsole.sync;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads sync work runs on, named so a thread dump reads well, and shut down together.
 *
 * @param io loading and refetching; virtual threads, as this work mostly waits on the network
 * @param actions user actions and their outbox, one at a time so the server sees them in the order
 *                the user did them; scheduled, for retries and delayed confirmation checks
 */
public record SyncExecutors(ExecutorService io, ScheduledExecutorService actions) implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncExecutors.class.getName());

    public static SyncExecutors create() {
        Thread.UncaughtExceptionHandler log = (t, e) -> LOG.log(Level.SEVERE, "Uncaught in " + t.getName(), e);
        ThreadFactory io = Thread.ofVirtual().name("sync-io-", 0).uncaughtExceptionHandler(log).factory();
        ThreadFactory actions = Thread.ofPlatform().name("sync-actions").daemon().uncaughtExceptionHandler(log).factory();
        return new SyncExecutors(Executors.newThreadPerTaskExecutor(io),
                Executors.newSingleThreadScheduledExecutor(actions));
    }

    @Override
    public void close() {
        for (ExecutorService executor : List.of(actions, io)) {
            executor.shutdownNow();
        }
    }
}
