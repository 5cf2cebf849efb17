package com.incidentconsole.arrivals;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, batch by batch of store changes, which run just started elsewhere. A run is news when it is
 * new to this detector, in progress, created within {@link #WINDOW} of now (a catch-up or a regained
 * permission brings old runs that are not news), not started by me (my own start opens by itself),
 * and arrives after the first runs were known — the first load is not a stream of arrivals.
 * Not thread-safe: one caller, the FX thread in the app.
 */
public final class ArrivalDetector {

    /** How new a run must be to be announced. */
    public static final Duration WINDOW = Duration.ofMinutes(10);

    private final String myUserId;
    private final Set<String> known = new HashSet<>();

    /** @param myUserId the signed-in user; empty when unknown (then nobody's start counts as mine) */
    public ArrivalDetector(String myUserId) {
        this.myUserId = myUserId == null ? "" : myUserId;
    }

    /** Forgets what it knew and takes {@code runs} as the known set: a rebuild from the store announces nothing. */
    public void reset(Collection<PlaybookRun> runs) {
        known.clear();
        runs.forEach(r -> known.add(r.id()));
    }

    /**
     * The newest run that is news in this batch, if any; every run of the batch is known afterwards.
     * A batch with a reset is a rebuild: it only re-primes (call {@link #reset} with the store's runs).
     */
    public Optional<Arrival> apply(List<RunsChange> changes, Instant now) {
        boolean primed = !known.isEmpty();
        long recent = now.minus(WINDOW).toEpochMilli();
        Optional<PlaybookRun> newest = Optional.empty();
        for (RunsChange change : changes) {
            known.removeAll(change.removed());
            for (PlaybookRun run : change.upserted()) {
                boolean fresh = known.add(run.id());
                if (fresh && primed && isNews(run, recent)
                        && newest.map(n -> run.createAt() > n.createAt()).orElse(true)) {
                    newest = Optional.of(run);
                }
            }
        }
        return newest.map(r -> new Arrival(r.id(), r.name(), r.ownerUserId(), r.createAt()));
    }

    private boolean isNews(PlaybookRun run, long recent) {
        boolean mine = !myUserId.isEmpty() && myUserId.equals(run.reporterUserId());
        return !run.isFinished() && run.createAt() >= recent && !mine;
    }
}
