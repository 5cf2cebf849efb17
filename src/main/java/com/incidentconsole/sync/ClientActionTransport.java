package com.incidentconsole.sync;

import com.incidentconsole.client.ChecklistApi;
import com.incidentconsole.client.RunsApi;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.List;

/** {@link ActionTransport} over the REST client. */
record ClientActionTransport(RunsApi runs, ChecklistApi checklists) implements ActionTransport {

    @Override
    public void setItemState(String runId, int checklistIndex, int itemIndex, String newState) {
        checklists.setItemState(runId, checklistIndex, itemIndex, newState);
    }

    @Override
    public void changeOwner(String runId, String ownerUserId) {
        runs.changeOwner(runId, ownerUserId);
    }

    @Override
    public void finishRun(String runId) {
        runs.finish(runId);
    }

    @Override
    public void restoreRun(String runId) {
        runs.restore(runId);
    }

    @Override
    public void postStatusUpdate(String runId, String message, long reminderSeconds) {
        runs.postStatusUpdate(runId, message, reminderSeconds, false);
    }

    @Override
    public List<StatusPostComplete> statusUpdates(String runId) {
        return runs.statusUpdates(runId);
    }

    @Override
    public PlaybookRun fetchRun(String runId) {
        return runs.get(runId);
    }

    // retro (issue 16)

    @Override
    public void saveRetrospective(String runId, String text, List<com.incidentconsole.wire.RunMetricData> metrics) {
        runs.saveRetrospective(runId, text, metrics);
    }

    @Override
    public void publishRetrospective(String runId, String text,
                                     List<com.incidentconsole.wire.RunMetricData> metrics) {
        runs.publishRetrospective(runId, text, metrics);
    }

    @Override
    public void cancelRetrospective(String runId) {
        runs.cancelRetrospective(runId);
    }

    @Override
    public void setRetrospectiveEnabled(String runId, boolean enabled) {
        runs.setRetrospectiveEnabled(runId, enabled);
    }

    @Override
    public void deleteTimelineEvent(String runId, String eventId) {
        runs.deleteTimelineEvent(runId, eventId);
    }
}
