package com.incidentconsole.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of an {@link EventStream}. The defaults are the official JS client's
 * ({@code minWebSocketRetryTime}, {@code maxWebSocketRetryTime}, {@code reconnectJitterRange},
 * {@code clientPingInterval}); tests shrink them so that a reconnect takes milliseconds.
 */
public record StreamSettings(Duration minRetry, Duration maxRetry, Duration jitter, Duration pingInterval) {

    /** The JS client keeps retrying at the minimum this many times before it starts to back off. */
    static final int FLAT_ATTEMPTS = 7;

    public StreamSettings {
        Objects.requireNonNull(minRetry, "minRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (minRetry.isNegative() || jitter.isNegative() || maxRetry.compareTo(minRetry) < 0
                || pingInterval.isZero() || pingInterval.isNegative()) {
            throw new IllegalArgumentException("need 0 <= minRetry <= maxRetry, jitter >= 0, pingInterval > 0");
        }
    }

    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }

    /**
     * Delay before reconnect attempt number {@code failures} (1-based): flat at first because most
     * drops are blips, then quadratic up to the cap, plus jitter so that a restarted server is not
     * hit by every client at the same instant. {@code unitRandom} is in [0, 1).
     */
    Duration retryDelay(int failures, double unitRandom) {
        long millis = minRetry.toMillis();
        if (failures > FLAT_ATTEMPTS) {
            long squared = (long) failures * failures;
            long cap = maxRetry.toMillis();
            millis = millis > cap / squared ? cap : Math.min(cap, millis * squared);
        }
        Duration base = Duration.ofMillis(millis);
        return base.plusMillis((long) (jitter.toMillis() * unitRandom));
    }
}
