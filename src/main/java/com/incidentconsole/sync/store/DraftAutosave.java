package com.incidentconsole.sync.store;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Saves drafts as the user types without ever making the typing wait: {@link #save} returns at once and the
 * write happens on {@code disk}, which must run one task at a time (the app's disk thread). Saves of one key that
 * pile up while a write is under way collapse into one write of the newest text, so a fast typist costs a
 * write per disk round trip, not per key, and a crash loses at most the text typed during the last write.
 */
public final class DraftAutosave {

    private final Drafts drafts;
    private final Executor disk;
    private final Consumer<RuntimeException> failed;
    private final ConcurrentHashMap<String, Drafts.Draft> newest = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    /** @param failed hears a write that failed (full disk …), on the disk thread; the text is still on screen */
    public DraftAutosave(Drafts drafts, Executor disk, Consumer<RuntimeException> failed) {
        this.drafts = drafts;
        this.disk = disk;
        this.failed = failed;
    }

    /** Any thread; returns at once. */
    public void save(Drafts.Draft draft) {
        newest.put(draft.key(), draft);
        if (scheduled.add(draft.key())) {
            disk.execute(() -> write(draft.key()));
        }
    }

    private void write(String key) {
        // Unmarked before taking the text: a save arriving now schedules another write rather than being lost.
        scheduled.remove(key);
        Drafts.Draft latest = newest.remove(key);
        if (latest == null) {
            return;
        }
        try {
            drafts.save(latest);
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }

    /** The draft is done with (posted, published or thrown away): no pending save of it may bring it back. */
    public CompletableFuture<Void> discard(String key) {
        newest.remove(key);
        return CompletableFuture.runAsync(() -> {
            newest.remove(key);
            drafts.delete(key);
        }, disk);
    }

    /** Completes once every save made before this call is on disk. */
    public CompletableFuture<Void> flushed() {
        return CompletableFuture.runAsync(() -> { }, disk);
    }
}
