package com.incidentconsole.sync;

import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts actions on disk, and only that: its own thread, which never touches the network, so a new
 * action is committed in milliseconds even while the sender waits 30 s on a server that does not
 * answer (the durability promise of the outbox: written before it is shown as taken). One thread,
 * so the rows change in the order the queue asked: an action's row is appended before it is ever
 * updated or removed.
 */
final class OutboxWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class.getName());

    private final Outbox outbox;
    private final ExecutorService thread;

    OutboxWriter(Outbox outbox, String name) {
        this.outbox = outbox;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-writer-" + name).daemon()
                .uncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "Uncaught in " + t.getName(), e))
                .factory());
    }

    /** Completes with the committed row, or exceptionally with the store's failure (a full disk, say). */
    CompletableFuture<OutboxEntry> append(OutboxEntry.New row) {
        return CompletableFuture.supplyAsync(() -> outbox.append(row), thread);
    }

    /** Completes once committed: a non-idempotent action waits for it before its request leaves. */
    CompletableFuture<Void> markSending(long seq, long sentAt) {
        return CompletableFuture.runAsync(() -> outbox.markSending(seq, sentAt), thread);
    }

    void update(long seq, OutboxEntry.State state, String error, boolean attempted) {
        later("record a state", () -> outbox.update(seq, state, error, attempted));
    }

    /** A conflict or a doubt: the row keeps both versions for the user's choice. */
    void hold(long seq, OutboxEntry.State state, String error, String conflict) {
        later("record a conflict", () -> outbox.hold(seq, state, error, conflict));
    }

    void rebase(long seq, String base) {
        later("record a base", () -> outbox.rebase(seq, base));
    }

    void remove(long seq) {
        later("remove an action", () -> outbox.remove(seq));
    }

    /** Reads what the outbox holds, on the writer's thread so it never overtakes a pending write. */
    <T> CompletableFuture<T> read(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, thread);
    }

    Outbox outbox() {
        return outbox;
    }

    /**
     * A bookkeeping write that fails (the disk filled up after the action was saved) leaves the row as
     * it was: still there, so it is replayed and judged against the server at the next start — late,
     * never lost. Logged, as there is nothing the user can do about it right now.
     */
    private void later(String what, Runnable write) {
        thread.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not " + what + " in the outbox; the row stays as it was", e);
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
