package com.incidentconsole.sync;

import java.time.Instant;

/**
 * A user action the server has not confirmed yet. The UI shows {@code desiredValue} in place of the
 * server's value while {@link Status#PENDING}; a {@link Status#FAILED} action stays visible with the
 * server's message until the user retries or dismisses it — it is never silently reverted.
 *
 * @param description what the user did, in words ("Tick “Page the on-call DBA”")
 * @param desiredValue the value the action sets: an item state, a user id
 * @param error the server's message: why a failed action failed, or, while still pending, why it is
 *              being retried (a 5xx, no connection); empty when there is nothing to say
 */
public record PendingAction(ActionTarget target, String description, String desiredValue, Status status,
                            String error, Instant startedAt) {

    public enum Status { PENDING, FAILED }

    public PendingAction {
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    PendingAction failedWith(String message) {
        return new PendingAction(target, description, desiredValue, Status.FAILED, message, startedAt);
    }
}
