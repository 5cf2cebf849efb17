package com.incidentconsole.sandbox.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One armed fault. HTTP rules match a method ({@code null} = any) and a regular expression over the
 * request path; {@code count} is how many times it still fires ({@code -1} = until removed).
 * Build them with the static factories; they say what each parameter means.
 */
public record FaultRule(Fault fault, String method, Pattern path, int count, int status, String body,
                        double ratio, Duration delay, int everyN) {

    public FaultRule {
        Objects.requireNonNull(fault, "fault");
        body = body == null ? "" : body;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** The next {@code n} requests matching {@code method} + {@code pathRegex} answer {@code status} with {@code body}. */
    public static FaultRule failNext(int n, String method, String pathRegex, int status, String body) {
        return new FaultRule(Fault.FAIL_REQUESTS, method, Pattern.compile(pathRegex), n, status, body, 1.0, null, 0);
    }

    /** About {@code ratio} (0..1) of all matching requests fail with 500 and a plugin/AppError-shaped body. */
    public static FaultRule errorRatio(double ratio, String method, String pathRegex) {
        return new FaultRule(Fault.ERROR_RATIO, method, Pattern.compile(pathRegex), -1, 500, "", ratio, null, 0);
    }

    /** The next {@code n} matching requests are rate limited, advising a retry after {@code retryAfter}. */
    public static FaultRule rateLimit(int n, String method, String pathRegex, Duration retryAfter) {
        return new FaultRule(Fault.RATE_LIMIT, method, Pattern.compile(pathRegex), n, 429, "limit exceeded\n", 1.0,
                retryAfter, 0);
    }

    /** Every matching request waits {@code delay} before it is handled. */
    public static FaultRule latency(Duration delay, String method, String pathRegex) {
        return new FaultRule(Fault.LATENCY, method, Pattern.compile(pathRegex), -1, 0, "", 1.0, delay, 0);
    }

    /** After every {@code n}-th event sent on a socket, the server closes that socket. */
    public static FaultRule dropSocketEvery(int n) {
        return new FaultRule(Fault.DROP_SOCKET_EVERY, null, Pattern.compile(".*"), -1, 0, "", 1.0, null, n);
    }

    /** The next {@code n} events (per the whole server) are skipped on the wire but keep their seq. */
    public static FaultRule loseEvents(int n) {
        return new FaultRule(Fault.LOSE_EVENT, null, Pattern.compile(".*"), n, 0, "", 1.0, null, 0);
    }

    /** The next event sent is replaced by a malformed text frame. */
    public static FaultRule malformedFrame() {
        return new FaultRule(Fault.MALFORMED_FRAME, null, Pattern.compile(".*"), 1, 0, "", 1.0, null, 0);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
    }
}
