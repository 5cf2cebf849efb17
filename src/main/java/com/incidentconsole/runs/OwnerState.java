package com.incidentconsole.runs;

/** Where an owner change stands: nothing in flight, sent and waiting for the server, or refused. */
public enum OwnerState {
    SETTLED, PENDING, FAILED
}
