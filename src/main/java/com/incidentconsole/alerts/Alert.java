package com.incidentconsole.alerts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision to tell the user something about a run. Alerts of one {@link #subject()} that arrive in a burst
 * are {@linkplain #merged merged} into one, counting how many there were.
 *
 * @param detail what the alert is about inside the run: the task's title for {@link AlertKind#TASK_ASSIGNED}, else empty
 * @param actorUserId who did it; empty for the time-based kinds and when the server did not say
 * @param due the update's due time for {@link AlertKind#DUE_SOON} and {@link AlertKind#OVERDUE}
 * @param count how many alerts of this subject were merged into this one (1 for a single one)
 */
public record Alert(AlertKind kind, String runId, String runName, String detail, String actorUserId,
        Optional<Instant> due, Instant at, int count) {

    public Alert {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(runId);
        runName = Objects.requireNonNullElse(runName, "");
        detail = Objects.requireNonNullElse(detail, "");
        actorUserId = Objects.requireNonNullElse(actorUserId, "");
        Objects.requireNonNull(due);
        Objects.requireNonNull(at);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }

    static Alert of(AlertKind kind, String runId, String runName, String detail, String actor, Instant at) {
        return new Alert(kind, runId, runName, detail, actor, Optional.empty(), at, 1);
    }

    static Alert timed(AlertKind kind, String runId, String runName, Instant due, Instant at) {
        return new Alert(kind, runId, runName, "", "", Optional.of(due), at, 1);
    }

    /** What a burst is merged on: one notification per kind and run. */
    public String subject() {
        return kind + ":" + runId;
    }

    /**
     * This alert with a later one of the same subject folded in: the later texts, both counts. The actor stays
     * when only one of them knows it, and becomes unknown ("someone") when two people did it.
     */
    Alert merged(Alert later) {
        String actor = actorUserId.isEmpty() ? later.actorUserId
                : later.actorUserId.isEmpty() || later.actorUserId.equals(actorUserId) ? actorUserId : "";
        return new Alert(kind, runId, later.runName, later.detail, actor, later.due, later.at, count + later.count);
    }
}
