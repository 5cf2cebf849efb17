package com.incidentconsole.sync;

import java.util.Optional;

/**
 * One action's state as every view shows it — an item, the owner, the run's status, the outbox, and
 * whatever kind comes next — computed once from the {@link PendingAction} (if any) and the server's
 * value, so no view decides on its own what "failed" or "in conflict" means.
 *
 * @param shownValue what the screen shows: mine while it is on its way or held for a choice, the
 *                   server's otherwise
 * @param reason the server's words (failed), why it takes long (waiting), the conflict or doubt in one
 *               sentence; {@code ""} when there is nothing to say
 * @param conflict the server's version, for {@link Phase#CONFLICT} and {@link Phase#UNCERTAIN}
 * @param saved false when the action could not be written to disk
 */
public record ActionStatus(Phase phase, String shownValue, String reason, Optional<ActionConflict> conflict,
                           boolean saved) {

    public enum Phase {
        /** No action of mine is open on it: the server's value. */
        SETTLED,
        /** On its way. */
        PENDING,
        /** On its way, but held up, with a reason (offline, a 5xx, waiting for sign-in). */
        WAITING,
        /** Refused (with the server's message) or not saved; the user retries or dismisses. */
        FAILED,
        /** The server changed under it; the user chooses mine or theirs. */
        CONFLICT,
        /** It may already be on the server, which cannot tell; the user sends again or drops it. */
        UNCERTAIN
    }

    public static ActionStatus of(Optional<PendingAction> action, String serverValue) {
        if (action.isEmpty()) {
            return new ActionStatus(Phase.SETTLED, serverValue, "", Optional.empty(), true);
        }
        PendingAction a = action.get();
        Phase phase = switch (a.status()) {
            case PENDING -> a.error().isEmpty() ? Phase.PENDING : Phase.WAITING;
            case FAILED -> Phase.FAILED;
            case CONFLICT -> Phase.CONFLICT;
            case UNCERTAIN -> Phase.UNCERTAIN;
        };
        return new ActionStatus(phase, a.desiredValue(), a.error(), a.conflict(), a.saved());
    }

    /** On its way (pending or waiting): the screen shows mine, marked as not yet confirmed. */
    public boolean inFlight() {
        return phase == Phase.PENDING || phase == Phase.WAITING;
    }

    /** Held for the user's choice with both versions. */
    public boolean held() {
        return phase == Phase.CONFLICT || phase == Phase.UNCERTAIN;
    }

    /** Whether sending mine again can work: after a refusal, a doubt, or a conflict that allows it. */
    public boolean canRetry() {
        return phase == Phase.FAILED || phase == Phase.UNCERTAIN
                || phase == Phase.CONFLICT && conflict.map(ActionConflict::canApplyMine).orElse(false);
    }
}
