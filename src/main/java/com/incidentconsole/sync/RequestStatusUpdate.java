package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Optional;

/**
 * Ask the run's owner for a status update ({@code POST /runs/{id}/request-update}, RequestUpdate; any participant
 * may): the bot posts "@here — @me requested a status update …" in the run channel and the timeline gets a
 * {@code status_update_requested} event whose summary names me. Not idempotent (a second request is a second
 * post): after a crash or a lost answer that event is looked for first.
 */
public record RequestStatusUpdate(String runId, String runName) implements SettledByAnswer {

    static final ActionKind KIND = new ActionKind("status_request", 1,
            (runId, p, version) -> new RequestStatusUpdate(runId, p.path("run_name").asText("")));

    public static ActionTarget target(String runId) {
        return new ActionTarget(runId, "status-request");
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return target(runId);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return "requested";
    }

    @Override
    public String description() {
        return "Request a status update on “" + runName + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("run_name", runName);
    }

    /** My request's event at or after sending is it; one a little before (clock skew) may be; none: not taken. */
    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (me.isEmpty()) {
            return Settlement.UNKNOWN;
        }
        String summary = "@" + me + " requested a status update";
        if (requestedSince(run, summary, sentAt)) {
            return Settlement.TOOK_EFFECT;
        }
        if (requestedSince(run, summary, sentAt - PostStatusUpdate.CLOCK_SKEW.toMillis())) {
            return Settlement.UNKNOWN;
        }
        return Settlement.NOT_TAKEN;
    }

    private static boolean requestedSince(PlaybookRun run, String summary, long since) {
        return run.timelineEvents().stream().anyMatch(e -> TimelineEvent.STATUS_UPDATE_REQUESTED.equals(e.eventType())
                && e.deleteAt() == 0 && summary.equals(e.summary()) && e.eventAt() >= since);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.requestUpdate(runId);
    }
}
