package com.incidentconsole.sandbox.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The faults currently armed; switchable at runtime from tests or the command line. Thread-safe.
 * The HTTP side asks {@link #onRequest}; the WebSocket side asks {@link #onEvent} per event sent.
 */
public final class FaultPlan {

    /** What the WebSocket writer should do with the event at hand. */
    public enum EventAction { DELIVER, DELIVER_THEN_DROP, LOSE, MALFORMED }

    /** What the HTTP layer should do: wait {@code delay}, then answer {@code rule} if present. */
    public record RequestFault(Duration delay, Optional<FaultRule> reply) {
        static final RequestFault NONE = new RequestFault(Duration.ZERO, Optional.empty());
    }

    private final List<Armed> rules = new ArrayList<>();
    private final SplittableRandom random;

    public FaultPlan(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(new Armed(rule, rule.count()));
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized List<FaultRule> active() {
        return rules.stream().map(a -> a.rule).toList();
    }

    public synchronized RequestFault onRequest(String method, String path) {
        Duration delay = Duration.ZERO;
        FaultRule reply = null;
        for (Iterator<Armed> it = rules.iterator(); it.hasNext(); ) {
            Armed armed = it.next();
            FaultRule rule = armed.rule;
            if (rule.fault() == Fault.LATENCY && rule.matches(method, path)) {
                delay = delay.plus(rule.delay());
            } else if (reply == null && isHttpReply(rule.fault()) && rule.matches(method, path)) {
                if (rule.fault() == Fault.ERROR_RATIO && random.nextDouble() >= rule.ratio()) {
                    continue;
                }
                reply = rule;
                if (armed.consume()) {
                    it.remove();
                }
            }
        }
        return delay.isZero() && reply == null ? RequestFault.NONE : new RequestFault(delay, Optional.ofNullable(reply));
    }

    /** Decides the fate of one event; {@code sentOnSocket} counts events this socket has sent so far, this one included. */
    public synchronized EventAction onEvent(long sentOnSocket) {
        for (Iterator<Armed> it = rules.iterator(); it.hasNext(); ) {
            Armed armed = it.next();
            switch (armed.rule.fault()) {
                case LOSE_EVENT, MALFORMED_FRAME -> {
                    if (armed.consume()) {
                        it.remove();
                    }
                    return armed.rule.fault() == Fault.LOSE_EVENT ? EventAction.LOSE : EventAction.MALFORMED;
                }
                default -> {
                }
            }
        }
        for (Armed armed : rules) {
            if (armed.rule.fault() == Fault.DROP_SOCKET_EVERY && armed.rule.everyN() > 0
                    && sentOnSocket % armed.rule.everyN() == 0) {
                return EventAction.DELIVER_THEN_DROP;
            }
        }
        return EventAction.DELIVER;
    }

    private static boolean isHttpReply(Fault fault) {
        return fault == Fault.FAIL_REQUESTS || fault == Fault.ERROR_RATIO || fault == Fault.RATE_LIMIT;
    }

    private static final class Armed {
        final FaultRule rule;
        int remaining;

        Armed(FaultRule rule, int remaining) {
            this.rule = rule;
            this.remaining = remaining;
        }

        /** Uses one firing; true when the rule is spent. */
        boolean consume() {
            if (remaining < 0) {
                return false;
            }
            remaining--;
            return remaining <= 0;
        }
    }
}
