package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;

/** Finish a run ({@code PUT /runs/{id}/finish}): its checklists become read-only until it is restored. */
public record FinishRun(String runId, String runName) implements RunStatusChange {

    static final ActionKind KIND = new ActionKind("run_finish", 1,
            (runId, p, version) -> new FinishRun(runId, p.path("run_name").asText("")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public String desiredValue() {
        return PlaybookRun.STATUS_FINISHED;
    }

    @Override
    public String description() {
        return "Finish “" + runName + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("run_name", runName);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.finishRun(runId);
    }
}
