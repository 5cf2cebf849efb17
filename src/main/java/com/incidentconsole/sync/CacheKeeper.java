package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.sync.store.StoreException;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the last known server state on disk so the next start shows it before the network answers
 * — or without the network at all. Restores the stores from the cache once, then writes changes
 * through — coalesced, so a burst of events becomes one transaction, and never on the thread that
 * changed the store.
 *
 * <p>Besides the objects it keeps two facts: when the data was last known to be current (every
 * flush while live, and at close), which is what "showing data from 03:12" tells the user at the
 * next start; and when the last full load completed, which decides whether the next start may
 * catch up with only what changed.
 */
final class CacheKeeper {

    static final String RUNS = "run";
    static final String USERS = "user";
    static final String PLAYBOOKS = "playbook";
    static final String ME = "me";
    static final String TEAMS = "team";
    /** The one entry of kind {@link #ME}. */
    static final String ME_ID = "signed-in";
    static final String CONFIRMED_AT = "confirmed_at";
    static final String FULL_LOAD_AT = "full_load_at";
    private static final Logger LOG = Logger.getLogger(CacheKeeper.class.getName());
    /** From this many entries on, {@link #read} decodes on every core. */
    private static final int PARALLEL_DECODE_FROM = 64;

    private final ObjectCache cache;
    private final WorkspaceState state;
    private final JsonMapper mapper;
    private final Executor writer;
    private final Clock clock;
    private final Map<String, PlaybookRun> dirtyRuns = new ConcurrentHashMap<>();
    private final Set<String> removedRuns = ConcurrentHashMap.newKeySet();
    private final Map<String, User> dirtyUsers = new ConcurrentHashMap<>();
    private final Map<String, Playbook> dirtyPlaybooks = new ConcurrentHashMap<>();
    private final AtomicBoolean dirtyIdentity = new AtomicBoolean();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean closed;

    CacheKeeper(ObjectCache cache, WorkspaceState state, JsonMapper mapper, Executor writer, Clock clock) {
        this.cache = cache;
        this.state = state;
        this.mapper = mapper;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * What the cache gave back.
     *
     * @param runs       how many runs it held
     * @param dataAsOf   when that data was last known to be current; empty when the cache was empty
     * @param fullLoadAt when the last full load completed; empty when never (or by an older build)
     */
    record Restored(int runs, Optional<Instant> dataAsOf, Optional<Instant> fullLoadAt) {

        boolean isEmpty() {
            return dataAsOf.isEmpty();
        }
    }

    /** Fills the stores from the cache; an unreadable entry is skipped (the sync will bring it again). */
    Restored restore() {
        read(ME, User.class).stream().findFirst().ifPresent(state.identity()::me);
        state.identity().teams(read(TEAMS, Team.class));
        state.users().putAll(read(USERS, User.class));
        state.playbooks().putAll(read(PLAYBOOKS, Playbook.class));
        List<PlaybookRun> runs = read(RUNS, PlaybookRun.class);
        state.runs().upsert(runs);
        Optional<Instant> confirmed = instant(CONFIRMED_AT);
        // A cache written before the console kept CONFIRMED_AT: the newest change it holds is the
        // best lower bound we have (on the server's clock).
        Optional<Instant> newest = runs.stream().mapToLong(PlaybookRun::updateAt).max().stream()
                .mapToObj(Instant::ofEpochMilli).findFirst();
        boolean anything = !runs.isEmpty() || state.identity().me().isPresent();
        return new Restored(runs.size(), anything ? confirmed.or(() -> newest) : Optional.empty(),
                instant(FULL_LOAD_AT));
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
        state.identity().subscribe(identity -> {
            dirtyIdentity.set(true);
            scheduleFlush();
        });
        state.status().subscribe(status -> {
            if (isCurrent(status)) {
                scheduleFlush(); // records "current as of now"
            }
        });
    }

    /** The last full load finished at {@code at}: until it is too old, a start may only catch up. */
    void fullLoadCompleted(Instant at) {
        try {
            cache.putMeta(FULL_LOAD_AT, Long.toString(at.toEpochMilli()));
        } catch (StoreException e) {
            LOG.warning(() -> "Could not note the full load in the local cache: " + e.getMessage());
        }
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            writer.execute(this::flush);
        }
    }

    /**
     * Writes what changed since the last flush. Package-private so tests can flush deterministically.
     * Synchronized with {@link #close()}: once that returns, nothing writes to the store any more.
     */
    synchronized void flush() {
        flushScheduled.set(false);
        if (closed) {
            return; // the store may be closed already; the closing flush wrote the last state
        }
        try {
            cache.putAll(RUNS, drain(dirtyRuns, PlaybookRun::updateAt));
            cache.putAll(USERS, drain(dirtyUsers, User::updateAt));
            cache.putAll(PLAYBOOKS, drain(dirtyPlaybooks, Playbook::updateAt));
            for (String id : List.copyOf(removedRuns)) {
                removedRuns.remove(id);
                cache.remove(RUNS, id);
            }
            if (dirtyIdentity.getAndSet(false)) {
                writeIdentity();
            }
            if (isCurrent(state.status().get())) {
                cache.putMeta(CONFIRMED_AT, Long.toString(clock.millis()));
            }
        } catch (StoreException | JsonProcessingException e) {
            // The cache only serves the next start; the live state is unaffected. Say it, once per flush.
            LOG.log(Level.WARNING, "Could not update the local cache: " + e.getMessage());
        }
    }

    /** The last write, on the closing thread, so that "data from" at the next start is the moment we stopped. */
    synchronized void close() {
        flush();
        closed = true;
    }

    private static boolean isCurrent(ConnectionStatus status) {
        return status.state() == ConnectionState.LIVE && !status.isStale();
    }

    private void writeIdentity() throws JsonProcessingException {
        Optional<User> me = state.identity().me();
        if (me.isPresent()) {
            cache.replaceAll(ME, List.of(new ObjectCache.Entry(ME_ID, me.get().updateAt(),
                    mapper.writeValueAsString(me.get()))));
        }
        List<ObjectCache.Entry> teams = new ArrayList<>();
        for (Team team : state.identity().teams()) {
            teams.add(new ObjectCache.Entry(team.id(), team.updateAt(), mapper.writeValueAsString(team)));
        }
        cache.replaceAll(TEAMS, teams);
    }

    private <T> List<ObjectCache.Entry> drain(Map<String, T> dirty, ToLongFunction<T> updateAt)
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

    private Optional<Instant> instant(String key) {
        try {
            return cache.meta(key).map(Long::parseLong).map(Instant::ofEpochMilli);
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Ignored an unreadable " + key + " in the local cache");
            return Optional.empty();
        }
    }

    private <T> List<T> read(String kind, Class<T> type) {
        List<ObjectCache.Entry> entries = cache.all(kind);
        // startup (issue 18, docs/adr/0035): decoding a thousand runs is the start's longest step, and nothing
        // else runs on the other core meanwhile; the order stays the cache's. Small kinds are not worth a hop.
        var stream = entries.size() >= PARALLEL_DECODE_FROM ? entries.parallelStream() : entries.stream();
        return stream.flatMap(entry -> decode(entry, kind, type).stream()).toList();
    }

    private <T> Optional<T> decode(ObjectCache.Entry entry, String kind, Class<T> type) {
        try {
            return Optional.of(mapper.readValue(entry.json(), type));
        } catch (JsonProcessingException e) {
            LOG.warning(() -> "Skipped an unreadable cached " + kind + " " + entry.id());
            return Optional.empty();
        }
    }
}
