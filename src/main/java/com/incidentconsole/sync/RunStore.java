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
    /** Runs whose held version came off the event stream (see {@link #applyStreamed}); guarded by {@code runs}. */
    private final Set<String> streamed = new java.util.HashSet<>();
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
            streamed.clear();
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
                    streamed.remove(run.id());
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

    /**
     * A run as an event of the stream carried it. Events arrive in the server's order, but their {@code update_at}
     * need not grow: the real server stamps a run it publishes after adding a post to the timeline with a time it
     * never stores (app/playbook_run_service.go AddPostToTimeline), so the next event, read back from the store,
     * carries an older one, and ignoring it kept a deleted event on screen. So after a streamed version, the next
     * streamed one always wins; only over a version from a REST answer (which may be newer than a queued event)
     * does {@code update_at} decide, as in {@link #upsert(Collection)}.
     *
     * @return whether it was applied
     */
    public boolean applyStreamed(PlaybookRun run) {
        synchronized (runs) {
            PlaybookRun held = runs.get(run.id());
            if (held != null && !streamed.contains(run.id()) && run.updateAt() < held.updateAt()) {
                return false;
            }
            runs.put(run.id(), run);
            streamed.add(run.id());
            listeners.fire(new RunsChange(List.of(run), Set.of(), false));
            return true;
        }
    }

    public void remove(String id) {
        synchronized (runs) {
            streamed.remove(id);
            if (runs.remove(id) != null) {
                listeners.fire(new RunsChange(List.of(), Set.of(id), false));
            }
        }
    }
}
