package com.incidentconsole.sandbox.fault;

/**
 * The closed set of misbehaviours the sandbox can inject (compare OkHttp MockWebServer's
 * {@code SocketPolicy}). Each one imitates something a real Mattermost deployment does.
 */
public enum Fault {
    /** The next N matching requests fail with the given status and body; state is left untouched. */
    FAIL_REQUESTS,
    /** A fraction of matching requests fail with a 5xx, as an overloaded proxy would. */
    ERROR_RATIO,
    /** Matching requests get 429 with {@code X-Ratelimit-*} / {@code Retry-After} and body {@code limit exceeded\n}. */
    RATE_LIMIT,
    /** Matching requests are delayed before they are handled. */
    LATENCY,
    /** Every N-th event delivered to a socket is followed by closing that socket (code 1001). */
    DROP_SOCKET_EVERY,
    /** The next N events are consumed (their {@code seq} used up) but not sent: the client sees a gap. */
    LOSE_EVENT,
    /** The next event is replaced by a frame that is not valid JSON. */
    MALFORMED_FRAME
}
