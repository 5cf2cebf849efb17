package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Delete a timeline event ({@code DELETE /runs/{id}/timeline/{eventID}}, api/playbook_runs.go: removeTimelineEvent;
 * the server marks it deleted). Idempotent: an event already gone is the wanted state.
 *
 * @param summary the event's summary as shown, for the outbox's words
 */
public record DeleteTimelineEvent(String runId, String eventId, String summary) implements Action {

    static final ActionKind KIND = new ActionKind("timeline_delete", 1, (runId, p, version) -> new DeleteTimelineEvent(
            runId, ActionKind.required(p, "event_id"), p.path("summary").asText("")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "timeline:" + eventId);
    }

    @Override
    public String desiredValue() {
        return "deleted";
    }

    @Override
    public String description() {
        String line = summary.lines().findFirst().orElse("");
        return "Delete the timeline event “" + (line.length() > 60 ? line.substring(0, 60) + "…" : line) + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("event_id", eventId).put("summary", summary);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.timelineEvents().stream().noneMatch(e -> e.id().equals(eventId) && e.deleteAt() == 0);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(isSettledIn(run) ? "deleted" : "present");
    }

    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return isSettledIn(server) ? new ReplayCheck.Verdict.Done() : new ReplayCheck.Verdict.Send();
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.deleteTimelineEvent(runId, eventId);
    }
}
