package com.incidentconsole.sync;

import java.util.concurrent.CompletableFuture;

/**
 * What a user can do to a run. Each call records a {@link PendingAction} at once (so the screen can
 * show the intended value immediately), sends the request off the calling thread, and completes the
 * future when the server accepted it; the pending entry goes away only when the server's state shows
 * the change. A failure completes the future exceptionally and leaves a failed entry with the
 * server's message.
 */
public interface RunCommands {

    /** Sets a checklist item's state ({@code ""}, {@code in_progress}, {@code closed}, {@code skipped}). */
    CompletableFuture<Void> setItemState(String runId, String itemId, String newState);

    /** Changes the run's owner (commander). */
    CompletableFuture<Void> changeOwner(String runId, String newOwnerUserId);

    /** Sends a failed action again. */
    CompletableFuture<Void> retry(ActionTarget target);
}
