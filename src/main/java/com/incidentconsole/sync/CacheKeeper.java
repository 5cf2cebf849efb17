package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.sync.store.StoreException;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the last known server state on disk so the next start shows runs before the network
 * answers. Restores the stores from the cache once, then writes changes through — coalesced, so a
 * burst of events becomes one transaction, and never on the thread that changed the store.
 */
final class CacheKeeper {

    static final String RUNS = "run";
    static final String USERS = "user";
    static final String PLAYBOOKS = "playbook";
    private static final Logger LOG = Logger.getLogger(CacheKeeper.class.getName());

    private final ObjectCache cache;
    private final WorkspaceState state;
    private final JsonMapper mapper;
    private final Executor writer;
    private final Map<String, PlaybookRun> dirtyRuns = new ConcurrentHashMap<>();
    private final Set<String> removedRuns = ConcurrentHashMap.newKeySet();
    private final Map<String, User> dirtyUsers = new ConcurrentHashMap<>();
    private final Map<String, Playbook> dirtyPlaybooks = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    CacheKeeper(ObjectCache cache, WorkspaceState state, JsonMapper mapper, Executor writer) {
        this.cache = cache;
        this.state = state;
        this.mapper = mapper;
        this.writer = writer;
    }

    /** Fills the stores from the cache; an unreadable entry is skipped (the sync will bring it again). */
    int restore() {
        state.users().putAll(read(USERS, User.class));
        state.playbooks().putAll(read(PLAYBOOKS, Playbook.class));
        List<PlaybookRun> runs = read(RUNS, PlaybookRun.class);
        state.runs().upsert(runs);
        return runs.size();
    }

    /** From now on, every change to the stores reaches the cache. */
    void follow() {
        state.runs().subscribe(change -> {
            change.upserted().forEach(r -> dirtyRuns.put(r.id(), r));
            removedRuns.addAll(change.removed());
            scheduleFlush();
        });
        state.users().subscribe(users -> {
            users.forEach(u -> dirtyUsers.put(u.id(), u));
            scheduleFlush();
        });
        state.playbooks().subscribe(playbooks -> {
            playbooks.forEach(p -> dirtyPlaybooks.put(p.id(), p));
            scheduleFlush();
        });
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            writer.execute(this::flush);
        }
    }

    /** Writes what changed since the last flush. Package-private so tests can flush deterministically. */
    void flush() {
        flushScheduled.set(false);
        try {
            cache.putAll(RUNS, drain(dirtyRuns, PlaybookRun::updateAt));
            cache.putAll(USERS, drain(dirtyUsers, User::updateAt));
            cache.putAll(PLAYBOOKS, drain(dirtyPlaybooks, Playbook::updateAt));
            for (String id : List.copyOf(removedRuns)) {
                removedRuns.remove(id);
                cache.remove(RUNS, id);
            }
        } catch (StoreException | JsonProcessingException e) {
            // The cache only speeds up the next start; the live state is unaffected. Say it, once per flush.
            LOG.log(Level.WARNING, "Could not update the local cache: " + e.getMessage());
        }
    }

    private <T> List<ObjectCache.Entry> drain(Map<String, T> dirty, java.util.function.ToLongFunction<T> updateAt)
            throws JsonProcessingException {
        List<ObjectCache.Entry> entries = new ArrayList<>();
        for (String id : List.copyOf(dirty.keySet())) {
            T value = dirty.remove(id);
            if (value != null) {
                entries.add(new ObjectCache.Entry(id, updateAt.applyAsLong(value), mapper.writeValueAsString(value)));
            }
        }
        return entries;
    }

    private <T> List<T> read(String kind, Class<T> type) {
        List<T> values = new ArrayList<>();
        for (ObjectCache.Entry entry : cache.all(kind)) {
            try {
                values.add(mapper.readValue(entry.json(), type));
            } catch (JsonProcessingException e) {
                LOG.warning(() -> "Skipped an unreadable cached " + kind + " " + entry.id());
            }
        }
        return values;
    }
}
