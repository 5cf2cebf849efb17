package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * Follow or unfollow a run as the signed-in user ({@code PUT}/{@code DELETE /runs/{id}/followers},
 * api/playbook_runs.go follow/unfollow). Idempotent on the server. The run carries no followers, so the
 * answer is the confirmation; follow and unfollow share a target, the last intent wins.
 */
public record SetFollowing(String runId, boolean following) implements SettledByAnswer {

    static final ActionKind KIND = new ActionKind("following", 1, (runId, p, version) -> new SetFollowing(runId,
            p.path("following").asBoolean(true)));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "following");
    }

    @Override
    public String desiredValue() {
        return following ? "following" : "";
    }

    @Override
    public String description() {
        return following ? "Follow the run" : "Unfollow the run";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("following", following);
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        if (following) {
            transport.follow(runId);
        } else {
            transport.unfollow(runId);
        }
    }
}
