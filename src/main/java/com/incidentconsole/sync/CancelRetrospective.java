package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;
import java.util.UUID;

/**
 * "No retrospective" ({@code POST /runs/{id}/no-retrospective-button}, api/playbook_runs.go: noRetrospectiveButton):
 * the server replaces the text with "No retrospective for this run.", stamps it published and canceled, and the bot
 * announces it in the channel. Not idempotent (one announcement per request); judged like a publish by the
 * published time.
 *
 * @param publishedBefore the run's {@code retrospective_published_at} when the user asked
 */
public record CancelRetrospective(String runId, String cancelKey, long publishedBefore) implements Action {

    static final ActionKind KIND = new ActionKind("retro_cancel", 1, (runId, p, version) -> new CancelRetrospective(
            runId, ActionKind.required(p, "cancel_key"), p.path("published_before").asLong(0)));

    public static CancelRetrospective of(PlaybookRun run) {
        return new CancelRetrospective(run.id(), UUID.randomUUID().toString(), run.retrospectivePublishedAt());
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "retrospective-publish:" + cancelKey);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return "canceled";
    }

    @Override
    public String description() {
        return "No retrospective for this run (announced in its channel)";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("cancel_key", cancelKey).put("published_before", publishedBefore);
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.retrospectiveWasCanceled() && run.retrospectivePublishedAt() > publishedBefore;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.retrospectiveWasCanceled() ? "canceled"
                : run.retrospectivePublishedAt() > 0 ? "published" : "");
    }

    /** Someone published (or canceled) since the user asked: theirs is the newer decision, the user chooses. */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        if (isSettledIn(server)) {
            return new ReplayCheck.Verdict.Done();
        }
        if (server.retrospectivePublishedAt() != publishedBefore) {
            return ReplayCheck.changedAfterSending(this, server, base);
        }
        return new ReplayCheck.Verdict.Send();
    }

    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (isSettledIn(run)) {
            return Settlement.TOOK_EFFECT;
        }
        return run.retrospectivePublishedAt() == publishedBefore ? Settlement.NOT_TAKEN : Settlement.UNKNOWN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.cancelRetrospective(runId);
    }
}
