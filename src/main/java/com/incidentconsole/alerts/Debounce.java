package com.incidentconsole.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a burst into one notification per subject: the first alert of a subject waits {@code window}; whatever
 * of the same subject arrives meanwhile is merged into it (ten tasks assigned in one go are one notification
 * saying ten). Time comes from the caller, so tests drive it. Not thread-safe: one thread feeds it.
 */
public final class Debounce {

    private final Duration window;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    public Debounce(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("negative window: " + window);
        }
        this.window = window;
    }

    public void offer(List<Alert> alerts, Instant now) {
        for (Alert alert : alerts) {
            waiting.merge(alert.subject(), new Waiting(alert, now.plus(window)),
                    (held, added) -> new Waiting(held.alert.merged(alert), held.releaseAt));
        }
    }

    /** The merged alerts whose window has passed, in the order their subjects first arrived. */
    public List<Alert> release(Instant now) {
        List<Alert> out = new ArrayList<>();
        for (Iterator<Waiting> it = waiting.values().iterator(); it.hasNext(); ) {
            Waiting next = it.next();
            if (!now.isBefore(next.releaseAt)) {
                out.add(next.alert);
                it.remove();
            }
        }
        return out;
    }

    /** When {@link #release} next has something to give; empty while nothing waits. */
    public Optional<Instant> nextRelease() {
        return waiting.values().stream().map(Waiting::releaseAt).min(Instant::compareTo);
    }

    private record Waiting(Alert alert, Instant releaseAt) {
    }
}
