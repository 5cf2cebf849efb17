package com.incidentconsole.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, so a fleet of consoles coming back online does not hit the
 * server in lockstep.
 */
record Backoff(Duration min, Duration max, Duration jitter, RandomGenerator random) {

    static Backoff forActions(RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(1), random);
    }

    /** Delay before attempt {@code attempt} (1-based): min·2^(attempt-1), capped, plus up to {@code jitter}. */
    Duration delay(int attempt) {
        long base = min.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long extra = jitter.isZero() ? 0 : random.nextLong(jitter.toMillis() + 1);
        return Duration.ofMillis(capped + extra);
    }

    /**
     * Delay before attempt {@code attempt}, honouring the server's {@code Retry-After} when it sent one:
     * exactly what it asked (a rate limiter lets us in then, and earlier only earns another 429), capped at
     * {@code max} so a huge value cannot park us for hours. Without one, {@link #delay(int)}.
     */
    Duration delay(int attempt, Optional<Duration> askedByServer) {
        return askedByServer.filter(asked -> !asked.isNegative())
                .map(asked -> asked.compareTo(max) > 0 ? max : asked)
                .orElseGet(() -> delay(attempt));
    }
}
