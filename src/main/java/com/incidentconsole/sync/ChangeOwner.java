package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** Make someone the run's commander. Idempotent: making the owner the owner is a no-op on the server. */
public record ChangeOwner(String runId, String ownerId, String ownerName) implements Action {

    static final ActionKind KIND = new ActionKind("owner", 1, (runId, p, version) -> new ChangeOwner(runId,
            ActionKind.required(p, "owner_id"), p.path("owner_name").asText("")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return ActionTarget.owner(runId);
    }

    @Override
    public String desiredValue() {
        return ownerId;
    }

    @Override
    public String description() {
        return "Make " + ownerName + " the commander";
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.ownerUserId().equals(ownerId);
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.ownerUserId());
    }

    @Override
    public Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
        return run.timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0 && TimelineEvent.OWNER_CHANGED.equals(e.eventType()))
                .max(Comparator.comparingLong(TimelineEvent::eventAt));
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        if (current.isFinished()) {
            throw new ActionFailure.ActionRejected("The run is finished; restore it to change its commander");
        }
        transport.changeOwner(runId, ownerId);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("owner_id", ownerId).put("owner_name", ownerName);
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        return userNames.apply(value) + " is the commander";
    }

    @Override
    public String changedByWords(String userName) {
        return " (changed by " + userName + ")";
    }
}
