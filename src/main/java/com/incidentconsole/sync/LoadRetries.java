package com.incidentconsole.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What failed loads still owe, and when it is fetched again: after a backoff that grows with each
 * failure in a row, or exactly when the server's {@code Retry-After} says, or at once when the user
 * asks. Only one retry waits at a time; a newer one (or a new connection's load, which takes the owed
 * work over) makes the waiting one lapse. Thread-safe.
 */
final class LoadRetries {

    private final Backoff backoff;
    private final Clock clock;
    private final Executor io;
    private final Consumer<LoadPlan> retry;
    private final AtomicReference<LoadPlan> owed = new AtomicReference<>(LoadPlan.NOTHING);
    /** Which scheduled retry counts. */
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger failuresInRow = new AtomicInteger();
    private volatile Instant nextAt;
    private volatile boolean waiting;

    /** @param retry runs the owed plan, on {@code io}, when its time has come */
    LoadRetries(Backoff backoff, Clock clock, Executor io, Consumer<LoadPlan> retry) {
        this.backoff = backoff;
        this.clock = clock;
        this.io = io;
        this.retry = retry;
    }

    /** A new load takes over what is owed: returned, and the waiting retry lapses. */
    LoadPlan takeOver() {
        turn.incrementAndGet();
        waiting = false;
        return owed.getAndSet(LoadPlan.NOTHING);
    }

    /** Owed without a retry of its own: the next load (retry or new connection) fetches it. */
    void owe(LoadPlan plan) {
        owed.accumulateAndGet(plan, LoadPlan::and);
    }

    /** A load got everything it was asked for: the next failure starts the backoff afresh. */
    void succeeded() {
        failuresInRow.set(0);
    }

    /** A load left {@code plan} unfetched: schedules its retry and returns when that is. */
    Instant failed(LoadPlan plan, Optional<Duration> retryAfter) {
        owe(plan);
        Duration delay = backoff.delay(failuresInRow.incrementAndGet(), retryAfter);
        Instant at = clock.instant().plus(delay);
        int mine = turn.incrementAndGet();
        nextAt = at;
        waiting = true;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, io).execute(() -> fire(mine));
        return at;
    }

    /** While a retry waits: runs it now instead. Returns whether there was one. */
    boolean now() {
        if (!waiting) {
            return false;
        }
        int mine = turn.incrementAndGet();
        io.execute(() -> fire(mine));
        return true;
    }

    /** A retry is scheduled and has not started. */
    boolean waiting() {
        return waiting;
    }

    Optional<Instant> nextAttemptAt() {
        return waiting ? Optional.ofNullable(nextAt) : Optional.empty();
    }

    private void fire(int mine) {
        if (turn.get() != mine) {
            return;
        }
        waiting = false;
        LoadPlan plan = owed.getAndSet(LoadPlan.NOTHING);
        if (!plan.isEmpty()) {
            retry.accept(plan);
        }
    }
}
