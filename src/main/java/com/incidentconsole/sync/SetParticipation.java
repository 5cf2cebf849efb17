package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;
import java.util.function.Function;

/**
 * Add someone to a run's participants or remove them, as the web app does it: the GraphQL
 * {@code addRunParticipants} / {@code removeRunParticipants} mutations (api/graphql_root_run.go; there is no
 * REST route). Idempotent: adding a participant twice, or removing one who left, changes nothing. Adding
 * and removing one person share a target, so the last intent wins.
 */
public record SetParticipation(String runId, String userId, String userName, boolean participating)
        implements Action {

    static final String PARTICIPANT = "participant";

    static final ActionKind KIND = new ActionKind("participant", 1, (runId, p, version) -> new SetParticipation(runId,
            ActionKind.required(p, "user_id"), p.path("user_name").asText(""), p.path("participating").asBoolean(true)));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "participant:" + userId);
    }

    @Override
    public String desiredValue() {
        return participating ? PARTICIPANT : "";
    }

    @Override
    public String description() {
        return participating ? "Add " + userName + " to the run" : "Remove " + userName + " from the run";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("user_id", userId).put("user_name", userName)
                .put("participating", participating);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.participantIds().contains(userId) == participating;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.participantIds().contains(userId) ? PARTICIPANT : "");
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        if (current.isFinished()) {
            throw new ActionFailure.ActionRejected("The run is finished; restore it to change who takes part");
        }
        if (participating) {
            transport.addParticipant(runId, userId);
        } else {
            transport.removeParticipant(runId, userId);
        }
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        return userName + (value.isEmpty() ? " is not a participant" : " is a participant");
    }
}
