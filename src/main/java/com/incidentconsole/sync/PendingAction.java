package com.incidentconsole.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A user action the server has not confirmed yet. The UI shows {@code desiredValue} in place of the
 * server's value while {@link Status#PENDING}; a {@link Status#FAILED} action stays visible with the
 * server's message until the user retries or dismisses it — it is never silently reverted. A
 * {@link Status#CONFLICT} was not sent because the server changed under it; it carries both
 * versions until the user chooses (retry = apply mine, dismiss = keep the server's).
 *
 * @param description what the user did, in words ("Tick “Page the on-call DBA”")
 * @param desiredValue the value the action sets: an item state, a user id
 * @param error the server's message: why a failed action failed, or, while still pending, why it is
 *              being retried (a 5xx, no connection); for a conflict, the conflict in one sentence;
 *              empty when there is nothing to say
 * @param conflict the server's version, present exactly when {@code status} is {@link Status#CONFLICT}
 */
public record PendingAction(ActionTarget target, String description, String desiredValue, Status status,
                            String error, Instant startedAt, Optional<ActionConflict> conflict) {

    public enum Status { PENDING, FAILED, CONFLICT }

    public PendingAction {
        error = error == null ? "" : error;
        conflict = conflict == null ? Optional.empty() : conflict;
    }

    public PendingAction(ActionTarget target, String description, String desiredValue, Status status, String error,
                         Instant startedAt) {
        this(target, description, desiredValue, status, error, startedAt, Optional.empty());
    }

    /** Not on its way any more: it waits for the user's decision (a refusal or a conflict). */
    public boolean failed() {
        return status == Status.FAILED || status == Status.CONFLICT;
    }

    public boolean conflicted() {
        return status == Status.CONFLICT;
    }

    PendingAction failedWith(String message) {
        return new PendingAction(target, description, desiredValue, Status.FAILED, message, startedAt);
    }

    PendingAction conflictedWith(String message, ActionConflict serverVersion) {
        return new PendingAction(target, description, desiredValue, Status.CONFLICT, message, startedAt,
                Optional.of(serverVersion));
    }
}
