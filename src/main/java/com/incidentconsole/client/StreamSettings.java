package com.incidentconsole.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of an {@link EventStream}. {@code minRetry}, {@code maxRetry}, {@code jitter} and
 * {@code pingInterval} are the official JS client's ({@code minWebSocketRetryTime},
 * {@code maxWebSocketRetryTime}, {@code reconnectJitterRange}, {@code clientPingInterval}); tests
 * shrink them so that a reconnect takes milliseconds.
 *
 * @param pongTimeout how long after a ping the stream waits for any frame at all before it takes the
 *     connection for dead. Ours, not the JS client's (which waits a whole ping interval): a peer that
 *     vanished without closing TCP (a sleeping laptop, a NAT box that forgot us) is then noticed
 *     within {@code pingInterval + pongTimeout} instead of up to two intervals. A reply normally
 *     takes milliseconds, and any frame counts, so a server busy sending events is not mistaken for
 *     a dead one. At most {@code pingInterval}.
 * @param helloTimeout how long a new connection may go without the server's {@code hello} before the
 *     stream gives up on it and reconnects (with backoff). Ours too: the JS client waits forever, and a
 *     connection whose hello was lost or garbled (a proxy mangling the first frame) then stays on
 *     "Connecting…" with nothing loaded. A real server sends the hello at once after the upgrade.
 */
public record StreamSettings(Duration minRetry, Duration maxRetry, Duration jitter, Duration pingInterval,
                             Duration pongTimeout, Duration helloTimeout) {

    /** The JS client keeps retrying at the minimum this many times before it starts to back off. */
    static final int FLAT_ATTEMPTS = 7;
    static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(10);
    /** Generous: the hello follows the upgrade at once, but a loaded server or a slow link may take seconds. */
    static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(15);

    public StreamSettings {
        Objects.requireNonNull(minRetry, "minRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pongTimeout, "pongTimeout");
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (minRetry.isNegative() || jitter.isNegative() || maxRetry.compareTo(minRetry) < 0
                || pingInterval.isZero() || pingInterval.isNegative()
                || pongTimeout.isZero() || pongTimeout.isNegative() || pongTimeout.compareTo(pingInterval) > 0
                || helloTimeout.isZero() || helloTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "need 0 <= minRetry <= maxRetry, jitter >= 0, 0 < pongTimeout <= pingInterval, helloTimeout > 0");
        }
    }

    /** With the default hello timeout. */
    public StreamSettings(Duration minRetry, Duration maxRetry, Duration jitter, Duration pingInterval,
                          Duration pongTimeout) {
        this(minRetry, maxRetry, jitter, pingInterval, pongTimeout, DEFAULT_HELLO_TIMEOUT);
    }

    /** With the default pong timeout, or the ping interval if that is shorter. */
    public StreamSettings(Duration minRetry, Duration maxRetry, Duration jitter, Duration pingInterval) {
        this(minRetry, maxRetry, jitter, pingInterval, pingInterval == null
                || pingInterval.compareTo(DEFAULT_PONG_TIMEOUT) > 0 ? DEFAULT_PONG_TIMEOUT : pingInterval);
    }

    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofSeconds(3), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Duration.ofSeconds(30), DEFAULT_PONG_TIMEOUT, DEFAULT_HELLO_TIMEOUT);
    }

    /** The same timings with another hello timeout (tests use a short one). */
    public StreamSettings withHelloTimeout(Duration timeout) {
        return new StreamSettings(minRetry, maxRetry, jitter, pingInterval, pongTimeout, timeout);
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
