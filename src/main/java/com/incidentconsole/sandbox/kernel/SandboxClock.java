package com.incidentconsole.sandbox.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's notion of "now". Tests drive it with {@link #advance(Duration)} so that reminders,
 * due dates and {@code since} filters can be exercised without waiting for real time to pass.
 */
public final class SandboxClock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    private final java.util.List<Runnable> onAdvance = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SandboxClock(Clock base) {
        this.base = base;
    }

    public static SandboxClock system() {
        return new SandboxClock(Clock.systemUTC());
    }

    /** A clock that stands still at {@code at} until advanced; what determinism tests want. */
    public static SandboxClock fixed(Instant at) {
        return new SandboxClock(Clock.fixed(at, java.time.ZoneOffset.UTC));
    }

    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves time forward; timers that depend on it (status reminders) run before this returns. */
    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
        onAdvance.forEach(Runnable::run);
    }

    /** Registers work to do whenever a test moves time forward. */
    public void onAdvance(Runnable action) {
        onAdvance.add(action);
    }
}
