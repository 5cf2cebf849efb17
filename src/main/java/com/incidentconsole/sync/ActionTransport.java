package com.incidentconsole.sync;

import com.incidentconsole.wire.PlaybookRun;

/**
 * The server calls the action queue needs: small enough to fake in tests, implemented over the
 * REST client by {@link ClientActionTransport}. Calls block and throw the client's typed errors.
 */
interface ActionTransport {

    void setItemState(String runId, int checklistIndex, int itemIndex, String newState);

    void changeOwner(String runId, String ownerUserId);

    PlaybookRun fetchRun(String runId);
}
