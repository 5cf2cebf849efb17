package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Set a run's summary, Markdown ({@code PATCH /runs/{id}} with a summary, api/playbook_runs.go
 * updatePlaybookRun; the server trims it, allows an empty one and stamps {@code summary_modified_at}).
 * Idempotent; a summary someone else changed meanwhile is a conflict, never silently overwritten.
 */
public record EditSummary(String runId, String summary) implements Action {

    static final ActionKind KIND = new ActionKind("run_summary", 1, (runId, p, version) -> new EditSummary(runId,
            p.path("summary").asText("")));

    public EditSummary {
        summary = summary == null ? "" : summary.strip();
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "summary");
    }

    @Override
    public String desiredValue() {
        return summary;
    }

    @Override
    public String description() {
        String first = summary.lines().findFirst().orElse("");
        return summary.isEmpty() ? "Clear the run's summary"
                : "Set the summary to “" + (first.length() > 60 ? first.substring(0, 60) + "…" : first) + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("summary", summary);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.summary().strip().equals(summary);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.summary().strip());
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.patchRun(runId, null, summary);
    }
}
