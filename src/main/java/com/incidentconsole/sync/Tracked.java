package com.incidentconsole.sync;

import com.incidentconsole.sync.store.OutboxEntry;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The sender's bookkeeping for one action in the outbox. Sender thread only, except for the fields set
 * before the action is handed to the sender.
 */
final class Tracked {

    /** The outbox row's number: the order the user acted in. */
    final long seq;
    final String clientId;
    final Action action;
    CompletableFuture<Void> accepted;
    OutboxEntry.State state = OutboxEntry.State.PENDING;
    int attempts;
    /** When a request for it last left (epoch ms); 0 if none did. A non-idempotent action with one is in doubt. */
    long sentAt;
    boolean superseded;
    PendingAction shown;
    /** What the user saw when acting; empty for entries from a build that did not record it. */
    Optional<ActionBase> base = Optional.empty();
    /** The server's version while in conflict: the base "apply mine" sends against. */
    ActionBase serverBase;
    /** Offline, restarted, retried or queued behind a pause: compare with the server before sending. */
    boolean waited;

    Tracked(long seq, String clientId, Action action, CompletableFuture<Void> accepted) {
        this.seq = seq;
        this.clientId = clientId;
        this.action = action;
        this.accepted = accepted;
    }

    /** Refused, in conflict or in doubt: it waits for the user, not for the server. */
    boolean givenUp() {
        return state == OutboxEntry.State.FAILED || state == OutboxEntry.State.CONFLICT
                || state == OutboxEntry.State.UNCERTAIN;
    }

    /** Never sent: a newer action on the same target can simply replace it. */
    boolean unsent() {
        return state == OutboxEntry.State.PENDING && attempts == 0 && sentAt == 0;
    }

    /** A request for this non-idempotent action may be on the server: it must be checked before any resend. */
    boolean inDoubt() {
        return !action.idempotent() && sentAt > 0;
    }

    boolean sameTarget(Tracked other) {
        return action.target().equals(other.action.target());
    }
}
