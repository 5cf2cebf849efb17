package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;

/** Restore a finished run ({@code PUT /runs/{id}/restore}): it is in progress again and can be changed. */
public record RestoreRun(String runId, String runName) implements RunStatusChange {

    static final ActionKind KIND = new ActionKind("run_restore", 1,
            (runId, p, version) -> new RestoreRun(runId, p.path("run_name").asText("")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public String desiredValue() {
        return PlaybookRun.STATUS_IN_PROGRESS;
    }

    @Override
    public String description() {
        return "Restore “" + runName + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("run_name", runName);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.restoreRun(runId);
    }
}
