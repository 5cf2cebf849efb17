package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * The run's retrospective switch ({@code PUT /runs/{id}/retrospective-enabled}, api/playbook_runs.go:
 * toggleRetrospective; owner or system admin). Idempotent: the server ignores the value it already has.
 */
public record SetRetrospectiveEnabled(String runId, boolean enabled) implements Action {

    static final ActionKind KIND = new ActionKind("retro_enabled", 1,
            (runId, p, version) -> new SetRetrospectiveEnabled(runId, p.path("enabled").asBoolean(true)));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "retrospective-enabled");
    }

    @Override
    public String desiredValue() {
        return Boolean.toString(enabled);
    }

    @Override
    public String description() {
        return enabled ? "Turn the retrospective on" : "Turn the retrospective off";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("enabled", enabled);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.retrospectiveEnabled() == enabled;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(Boolean.toString(run.retrospectiveEnabled()));
    }

    /** The switch works on finished runs too: only its own value counts. */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        if (isSettledIn(server)) {
            return new ReplayCheck.Verdict.Done();
        }
        if (base.isPresent() && !base.get().value().equals(valueIn(server).orElse(""))) {
            return ReplayCheck.changedAfterSending(this, server, base);
        }
        return new ReplayCheck.Verdict.Send();
    }

    @Override
    public String valueWords(String value, java.util.function.Function<String, String> userNames) {
        return "true".equals(value) ? "on" : "off";
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.setRetrospectiveEnabled(runId, enabled);
    }
}
