package com.incidentconsole.sandbox.http;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Mattermost core's optional rate limiter (mattermost-core.md §2.4): a GCRA limiter as in
 * throttled/throttled, off by default as in the real config. {@code MaxBurst + 1} requests pass at
 * once, then one per {@code 1/PerSec}; every request that passes through it gets the
 * {@code X-Ratelimit-*} headers, a refused one also {@code Retry-After}. Time is the sandbox clock,
 * so tests can exhaust and refill a bucket without waiting.
 */
public final class RateLimiter {

    /** @param varyByUser key by token when there is one (VaryByUser), else by client address */
    public record Settings(int perSec, int maxBurst, boolean varyByUser) {

        public Settings {
            if (perSec <= 0 || maxBurst < 0) {
                throw new IllegalArgumentException("perSec must be > 0 and maxBurst >= 0");
            }
        }
    }

    /** What the limiter decided: the headers always, and whether to answer 429. */
    public record Decision(boolean limited, Map<String, String> headers) {
    }

    private final LongSupplier millis;
    private final Map<String, Long> theoreticalArrivalNanos = new HashMap<>();
    private Settings settings;

    public RateLimiter(LongSupplier millis) {
        this.millis = millis;
    }

    public synchronized void configure(Settings newSettings) {
        settings = newSettings;
        theoreticalArrivalNanos.clear();
    }

    /** Null when the limiter is off (the default): no headers, nothing refused. */
    public synchronized Decision check(String remoteAddress, String token) {
        if (settings == null) {
            return null;
        }
        String key = settings.varyByUser() && token != null ? "token:" + token : "addr:" + remoteAddress;
        long now = millis.getAsLong() * 1_000_000L;
        long interval = 1_000_000_000L / settings.perSec();
        int limit = settings.maxBurst() + 1;
        long tolerance = interval * limit;
        long tat = Math.max(theoreticalArrivalNanos.getOrDefault(key, now), now);
        long newTat = tat + interval;
        long allowAt = newTat - tolerance;
        boolean limited = now < allowAt;
        long ttl;
        if (limited) {
            ttl = tat - now;
        } else {
            theoreticalArrivalNanos.put(key, newTat);
            ttl = newTat - now;
        }
        long next = tolerance - ttl;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Ratelimit-Limit", Integer.toString(limit));
        headers.put("X-Ratelimit-Remaining", Long.toString(next > 0 ? next / interval : 0));
        headers.put("X-Ratelimit-Reset", Long.toString(ceilSeconds(ttl)));
        if (limited) {
            headers.put("Retry-After", Long.toString(ceilSeconds(allowAt - now)));
        }
        return new Decision(limited, headers);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
