package com.incidentconsole.sync;

import com.incidentconsole.client.ChecklistApi;
import com.incidentconsole.client.RunsApi;
import com.incidentconsole.wire.PlaybookRun;

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
    public PlaybookRun fetchRun(String runId) {
        return runs.get(runId);
    }
}
