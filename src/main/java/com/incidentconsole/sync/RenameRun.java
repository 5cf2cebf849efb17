package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Rename a run ({@code PATCH /runs/{id}} with a name, api/playbook_runs.go updatePlaybookRun; the server
 * trims it and refuses an empty one). Idempotent; judged by the general rule, so a rename by someone
 * else meanwhile is a conflict, not overwritten.
 */
public record RenameRun(String runId, String name) implements Action {

    static final ActionKind KIND = new ActionKind("run_name", 1, (runId, p, version) -> new RenameRun(runId,
            ActionKind.required(p, "name")));

    public RenameRun {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a run's name must not be empty");
        }
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "name");
    }

    @Override
    public String desiredValue() {
        return name;
    }

    @Override
    public String description() {
        return "Rename the run to “" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("name", name);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.name().strip().equals(name);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.name());
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.patchRun(runId, name, null);
    }
}
