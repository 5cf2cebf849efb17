package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publish the retrospective ({@code POST /runs/{id}/retrospective/publish}, api/playbook_runs.go:
 * publishRetrospective): stores text and metrics, stamps {@code retrospective_published_at} and the bot posts it to
 * the run's channel. Not idempotent (each request is one more channel post), so after a lost answer the run's
 * published time decides: unchanged since the user published means not taken, newer with this text means done.
 *
 * @param publishKey this publish's own id: two publishes are two targets
 * @param publishedBefore the run's {@code retrospective_published_at} when the user published (0: never)
 */
public record PublishRetrospective(String runId, String publishKey, String text, List<RunMetricData> metrics,
                                   long publishedBefore) implements Action {

    static final ActionKind KIND = new ActionKind("retro_publish", 1, (runId, p, version) -> new PublishRetrospective(
            runId, ActionKind.required(p, "publish_key"), ActionKind.required(p, "text"),
            RetrospectiveMetrics.fromJson(p.get("metrics")), p.path("published_before").asLong(0)));

    public PublishRetrospective {
        metrics = List.copyOf(metrics);
    }

    public static PublishRetrospective of(PlaybookRun run, String text, List<RunMetricData> metrics) {
        return new PublishRetrospective(run.id(), UUID.randomUUID().toString(), text, metrics,
                run.retrospectivePublishedAt());
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "retrospective-publish:" + publishKey);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return text;
    }

    @Override
    public String description() {
        return "Publish the retrospective to the run's channel (" + text.length() + " characters, " + metrics.size()
                + " metrics)";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("publish_key", publishKey).put("text", text)
                .put("published_before", publishedBefore);
        node.set("metrics", RetrospectiveMetrics.toJson(mapper, metrics));
        return node;
    }

    /** Published after the user asked, with this text, not canceled. */
    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return run.retrospectivePublishedAt() > publishedBefore && !run.retrospectiveWasCanceled()
                && text.equals(run.retrospective()) && RetrospectiveMetrics.heldBy(metrics, run.metricsData());
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of(run.retrospective());
    }

    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return RetrospectiveMetrics.judgeText(this, server, base);
    }

    /**
     * The server stamps the published time at every publish or cancel: the same time as when the user asked means
     * no request of this action arrived; a newer one with this text is this one; a newer one with another text is
     * someone else's (or a cancel), and whether this one arrived too cannot be told.
     */
    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (isSettledIn(run)) {
            return Settlement.TOOK_EFFECT;
        }
        return run.retrospectivePublishedAt() == publishedBefore ? Settlement.NOT_TAKEN : Settlement.UNKNOWN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.publishRetrospective(runId, text, metrics);
    }
}
