package com.incidentconsole.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * A user action the server has not confirmed yet. The UI shows {@code desiredValue} in place of the
 * server's value while {@link Status#PENDING}; a {@link Status#FAILED} action stays visible with the
 * server's message until the user retries or dismisses it — it is never silently reverted. A
 * {@link Status#CONFLICT} was not sent because the server changed under it; it carries both
 * versions until the user chooses (retry = apply mine, dismiss = keep the server's). An
 * {@link Status#UNCERTAIN} one may already be on the server and the server cannot tell; it carries
 * what the server holds that may be it (retry = send again, dismiss = drop mine).
 *
 * @param description what the user did, in words ("Tick “Page the on-call DBA”")
 * @param desiredValue the value the action sets: an item state, a user id, a run status, a post's text
 * @param error the server's message: why a failed action failed, or, while still pending, why it is
 *              being retried (a 5xx, no connection); for a conflict, the conflict in one sentence;
 *              empty when there is nothing to say
 * @param conflict the server's version, present exactly when {@code status} is {@link Status#CONFLICT}
 *                 or {@link Status#UNCERTAIN}
 * @param saved whether the action is on disk: false for the few milliseconds until the outbox committed
 *              it, and for good when writing it failed (a full disk) — then nothing about it survives a
 *              restart, and the screen must not claim otherwise
 */
public record PendingAction(ActionTarget target, String description, String desiredValue, Status status,
                            String error, Instant startedAt, Optional<ActionConflict> conflict, boolean saved) {

    public enum Status { PENDING, FAILED, CONFLICT, UNCERTAIN }

    public PendingAction {
        error = error == null ? "" : error;
        conflict = conflict == null ? Optional.empty() : conflict;
    }

    public PendingAction(ActionTarget target, String description, String desiredValue, Status status, String error,
                         Instant startedAt, Optional<ActionConflict> conflict) {
        this(target, description, desiredValue, status, error, startedAt, conflict, true);
    }

    public PendingAction(ActionTarget target, String description, String desiredValue, Status status, String error,
                         Instant startedAt) {
        this(target, description, desiredValue, status, error, startedAt, Optional.empty(), true);
    }

    /** Not on its way any more: it waits for the user's decision (a refusal, a conflict, a doubt). */
    public boolean failed() {
        return status != Status.PENDING;
    }

    /** Both versions are kept for the user to choose: a conflict, or a doubt whether it is already there. */
    public boolean conflicted() {
        return status == Status.CONFLICT || status == Status.UNCERTAIN;
    }

    public boolean uncertain() {
        return status == Status.UNCERTAIN;
    }

    PendingAction failedWith(String message) {
        return new PendingAction(target, description, desiredValue, Status.FAILED, message, startedAt,
                Optional.empty(), saved);
    }

    /** The outbox committed it: from now on it survives a crash. */
    PendingAction savedCopy() {
        return new PendingAction(target, description, desiredValue, status, error, startedAt, conflict, true);
    }

    /** Shown at once, before the outbox committed it. */
    static PendingAction unsavedPending(ActionTarget target, String description, String desiredValue,
                                        Instant startedAt) {
        return new PendingAction(target, description, desiredValue, Status.PENDING, "", startedAt, Optional.empty(),
                false);
    }

    /** Writing it to disk failed: shown as failed, and as not saved. */
    PendingAction unsavedWith(String message) {
        return new PendingAction(target, description, desiredValue, Status.FAILED, message, startedAt,
                Optional.empty(), false);
    }

    PendingAction conflictedWith(String message, ActionConflict serverVersion) {
        Status status = serverVersion.kind() == ActionConflict.Kind.UNCERTAIN ? Status.UNCERTAIN : Status.CONFLICT;
        return new PendingAction(target, description, desiredValue, status, message, startedAt,
                Optional.of(serverVersion), saved);
    }
}
