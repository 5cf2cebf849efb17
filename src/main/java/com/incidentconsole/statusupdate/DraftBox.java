package com.incidentconsole.statusupdate;

import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.Drafts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Where the editor keeps what the user types ({@code status:<run id>}): the local store's drafts through
 * {@link DraftAutosave}, so typing never waits on the disk and a crash keeps the text. A workspace without a store
 * keeps drafts in memory (lost with the process, and said so nowhere because only tests run that way).
 */
public interface DraftBox {

    static String key(String runId) {
        return "status:" + runId;
    }

    /** Any thread; returns at once. */
    void save(Drafts.Draft draft);

    /** Blocking read; call off the FX thread. */
    Optional<Drafts.Draft> find(String key);

    CompletableFuture<Void> discard(String key);

    static DraftBox of(Drafts drafts, Executor disk, Consumer<RuntimeException> failed) {
        DraftAutosave autosave = new DraftAutosave(drafts, disk, failed);
        return new DraftBox() {
            @Override
            public void save(Drafts.Draft draft) {
                autosave.save(draft);
            }

            @Override
            public Optional<Drafts.Draft> find(String key) {
                // Saves still queued are written first, so the newest text is what is found.
                autosave.flushed().join();
                return drafts.find(key);
            }

            @Override
            public CompletableFuture<Void> discard(String key) {
                return autosave.discard(key);
            }
        };
    }

    static DraftBox inMemory() {
        Map<String, Drafts.Draft> held = new ConcurrentHashMap<>();
        return new DraftBox() {
            @Override
            public void save(Drafts.Draft draft) {
                held.put(draft.key(), draft);
            }

            @Override
            public Optional<Drafts.Draft> find(String key) {
                return Optional.ofNullable(held.get(key));
            }

            @Override
            public CompletableFuture<Void> discard(String key) {
                held.remove(key);
                return CompletableFuture.completedFuture(null);
            }
        };
    }
}
