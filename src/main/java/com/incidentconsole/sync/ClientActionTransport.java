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
    public void postStatusUpdate(String runId, String message, long reminderSeconds, boolean finishRun) {
        runs.postStatusUpdate(runId, message, reminderSeconds, finishRun);
    }

    // status updates
    @Override
    public void setStatusBroadcast(String runId, boolean enabled) {
        runs.setStatusBroadcast(runId, enabled);
    }

    @Override
    public void resetReminder(String runId, long seconds) {
        runs.resetReminder(runId, seconds);
    }

    @Override
    public void requestUpdate(String runId) {
        runs.requestUpdate(runId);
    }

    @Override
    public List<StatusPostComplete> statusUpdates(String runId) {
        return runs.statusUpdates(runId);
    }

    @Override
    public PlaybookRun fetchRun(String runId) {
        return runs.get(runId);
    }
}
