package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import java.util.List;
import java.util.Optional;

/**
 * Save the retrospective's text and metric values without publishing ({@code POST /runs/{id}/retrospective},
 * api/playbook_runs.go: updateRetrospective). Idempotent: the server stores the same text again, posts nothing.
 * The retrospective is one string with no version on the server, so a delayed send is refused when the server's
 * text is no longer the one the user started from (the editor shows the merge; the outbox the conflict).
 */
public record SaveRetrospective(String runId, String text, List<RunMetricData> metrics) implements Action {

    static final ActionKind KIND = new ActionKind("retro_save", 1, (runId, p, version) -> new SaveRetrospective(runId,
            ActionKind.required(p, "text"), RetrospectiveMetrics.fromJson(p.get("metrics"))));

    public SaveRetrospective {
        metrics = List.copyOf(metrics);
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "retrospective");
    }

    @Override
    public String desiredValue() {
        return text;
    }

    @Override
    public String description() {
        return "Save the retrospective (" + text.length() + " characters, " + metrics.size() + " metrics)";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("text", text);
        node.set("metrics", RetrospectiveMetrics.toJson(mapper, metrics));
        return node;
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return text.equals(run.retrospective()) && RetrospectiveMetrics.heldBy(metrics, run.metricsData());
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.retrospective());
    }

    /** Only the text counts: a retrospective is written after the run finished, so the run's status does not. */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return RetrospectiveMetrics.judgeText(this, server, base);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.saveRetrospective(runId, text, metrics);
    }
}
