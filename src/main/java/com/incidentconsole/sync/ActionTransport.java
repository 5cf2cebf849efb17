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

    void postStatusUpdate(String runId, String message, long reminderSeconds);

    /** The run's status posts with their text and author, newest first. */
    List<StatusPostComplete> statusUpdates(String runId);

    PlaybookRun fetchRun(String runId);

    // retro (issue 16): the retrospective and timeline endpoints. Defaults refuse so that other transports (test
    // fakes) need not know them.

    default void saveRetrospective(String runId, String text, List<com.incidentconsole.wire.RunMetricData> metrics) {
        throw new UnsupportedOperationException("saveRetrospective");
    }

    default void publishRetrospective(String runId, String text,
                                      List<com.incidentconsole.wire.RunMetricData> metrics) {
        throw new UnsupportedOperationException("publishRetrospective");
    }

    default void cancelRetrospective(String runId) {
        throw new UnsupportedOperationException("cancelRetrospective");
    }

    default void setRetrospectiveEnabled(String runId, boolean enabled) {
        throw new UnsupportedOperationException("setRetrospectiveEnabled");
    }

    default void deleteTimelineEvent(String runId, String eventId) {
        throw new UnsupportedOperationException("deleteTimelineEvent");
    }
}
