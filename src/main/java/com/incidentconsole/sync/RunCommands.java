package com.incidentconsole.sync;

import java.util.concurrent.CompletableFuture;

/**
 * What a user can do to a server: submit an {@link Action}. Each submission shows a
 * {@link PendingAction} at once (so the screen shows the intended value immediately), is written to
 * the outbox on a thread that never waits on the network, is sent off the calling thread, and the
 * future completes when the server accepted it; the pending entry goes away only when the server's
 * state shows the change.
 *
 * <p>Never throws: every failure — a refusal, a conflict, a doubt, a disk that would not take the
 * action — completes the future exceptionally <em>and</em> leaves a failed {@link PendingAction} with
 * the reason in words, so a view only ever renders pending entries.
 */
public interface RunCommands {

    CompletableFuture<Void> submit(Action action);

    /** Sets a checklist item's state ({@code ""}, {@code in_progress}, {@code closed}, {@code skipped}). */
    default CompletableFuture<Void> setItemState(String runId, String itemId, String newState) {
        return submit(new SetItemState(runId, itemId, itemId, newState));
    }

    /** Changes the run's owner (commander). */
    default CompletableFuture<Void> changeOwner(String runId, String newOwnerUserId) {
        return submit(new ChangeOwner(runId, newOwnerUserId, newOwnerUserId));
    }

    /**
     * Sends a failed action again: after a refusal, a retry; after a conflict, "apply mine"; for an
     * uncertain one, "send again"; for one that could not be saved, saving it again.
     */
    CompletableFuture<Void> retry(ActionTarget target);
}
