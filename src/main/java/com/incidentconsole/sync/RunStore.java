package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The runs of one server as last seen. Writers are the sync engine (initial load, events, resync);
 * readers are view-models. Listeners run on the writer's thread, after the change is visible.
 */
public final class RunStore {

    private final Map<String, PlaybookRun> runs = new ConcurrentHashMap<>();
    private final Listeners<RunsChange> listeners = new Listeners<>();

    public Optional<PlaybookRun> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    public List<PlaybookRun> all() {
        return List.copyOf(runs.values());
    }

    public int size() {
        return runs.size();
    }

    public Subscription subscribe(Consumer<RunsChange> listener) {
        return listeners.add(listener);
    }

    /** Replaces everything, e.g. after the initial load or a resync that lost track of deletions. */
    public void replaceAll(Collection<PlaybookRun> fresh) {
        synchronized (runs) {
            runs.clear();
            fresh.forEach(r -> runs.put(r.id(), r));
            listeners.fire(new RunsChange(List.copyOf(fresh), Set.of(), true));
        }
    }

    /**
     * Adds or replaces runs. A run older than the one held ({@code update_at} smaller) is ignored,
     * so a late REST answer cannot undo a newer event.
     *
     * @return the runs that were actually applied
     */
    public List<PlaybookRun> upsert(Collection<PlaybookRun> incoming) {
        List<PlaybookRun> applied = new ArrayList<>();
        synchronized (runs) {
            for (PlaybookRun run : incoming) {
                PlaybookRun held = runs.get(run.id());
                if (held == null || run.updateAt() >= held.updateAt()) {
                    runs.put(run.id(), run);
                    applied.add(run);
                }
            }
            // Fired under the lock: two writers (an event and a catch-up answer) must notify in the
            // order they applied, or a view-model replaying `upserted` would end on the older run.
            if (!applied.isEmpty()) {
                listeners.fire(new RunsChange(applied, Set.of(), false));
            }
        }
        return applied;
    }

    public boolean upsert(PlaybookRun run) {
        return !upsert(List.of(run)).isEmpty();
    }

    public void remove(String id) {
        synchronized (runs) {
            if (runs.remove(id) != null) {
                listeners.fire(new RunsChange(List.of(), Set.of(id), false));
            }
        }
    }
}
