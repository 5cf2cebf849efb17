package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.List;

/**
 * The server endpoints actions use: small enough to fake in tests, implemented over the REST client
 * by {@link ClientActionTransport}. One method per endpoint, not per action — a kind calls what it
 * needs in its own {@code send}. Calls block and throw the client's typed errors.
 */
interface ActionTransport {

    void setItemState(String runId, int checklistIndex, int itemIndex, String newState);

    void changeOwner(String runId, String ownerUserId);

    void finishRun(String runId);

    void restoreRun(String runId);

    void postStatusUpdate(String runId, String message, long reminderSeconds, boolean finishRun);

    // status updates: the broadcast switch, the reminder reset (snooze, cadence) and the update request
    void setStatusBroadcast(String runId, boolean enabled);

    void resetReminder(String runId, long seconds);

    void requestUpdate(String runId);

    /** The run's status posts with their text and author, newest first. */
    List<StatusPostComplete> statusUpdates(String runId);

    PlaybookRun fetchRun(String runId);
}
