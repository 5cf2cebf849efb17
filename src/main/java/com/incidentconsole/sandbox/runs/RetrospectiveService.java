package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The retrospective of a run ({@code UpdateRetrospective}, {@code PublishRetrospective},
 * {@code CancelRetrospective}, {@code ToggleRetrospectiveEnabled}, {@code postRetrospectiveReminder}
 * in server/app/playbook_run_service.go). All of them work on finished runs too (the edit
 * middleware exempts retrospective routes from the active-run check).
 */
public final class RetrospectiveService {

    private static final ObjectMapper MAPPER = WireJson.newMapper();

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final BotPosts bot;

    public RetrospectiveService(SandboxState state, Access access, RunService runs, BotPosts bot) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.bot = bot;
    }

    /** {@code @channel Reminder to [fill out the retrospective](...)} with a "No Retrospective" button. */
    static void postReminder(BotPosts bot, RunEntity run, boolean initial) {
        ObjectNode props = MAPPER.createObjectNode();
        ArrayNode attachments = props.putArray("attachments");
        ObjectNode action = attachments.addObject().putArray("actions").addObject();
        action.put("type", "button");
        action.put("name", "No Retrospective");
        action.putObject("integration").put("url", "/plugins/playbooks/api/v0/runs/" + run.id
                + "/no-retrospective-button");
        bot.post(run.channelId, "@channel Reminder to [fill out the retrospective](" + BotPosts.RUNS_PATH + run.id
                + "/retrospective).", initial ? "custom_retro_rem_first" : "custom_retro_rem", props);
    }

    /** {@code POST /runs/{id}/retrospective}: text and metrics stored, {@code update_at} stamped, published; no post, no event. */
    public void save(String userId, String runId, RunRequests.Retrospective retro) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, false);
            runs.update(run, r -> {
                r.retrospective = retro.retrospective() == null ? "" : retro.retrospective();
                r.metricsData = metrics(retro);
            });
        });
    }

    /**
     * {@code POST /runs/{id}/retrospective/publish}: stored and stamped published, the bot's
     * {@code custom_retro} post with the metrics as JSON strings ("null" without metrics), the
     * {@code published_retrospective} event (subject only), one update.
     */
    public void publish(String userId, String runId, RunRequests.Retrospective retro) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, false);
            PlaybookRun before = run.toWire();
            long now = state.now();
            run.retrospective = retro.retrospective() == null ? "" : retro.retrospective();
            run.metricsData = metrics(retro);
            run.retrospectivePublishedAt = now;
            run.retrospectiveWasCanceled = false;
            run.updateAt = now;
            ObjectNode props = MAPPER.createObjectNode();
            props.put("metricsData", "null");
            props.put("metricsConfigs", "null");
            props.put("retrospectiveText", run.retrospective);
            if (!run.metricsData.isEmpty()) {
                ObjectNode playbook = state.playbooks().get(run.playbookId);
                if (playbook == null) {
                    throw new Rejection(500, "unable to publish retrospective");
                }
                props.put("metricsData", json(run.metricsData));
                props.put("metricsConfigs", json(playbook.path("metrics")));
            }
            String retroUrl = BotPosts.RUNS_PATH + run.id + "/retrospective";
            Post published = bot.post(run.channelId, "@channel Retrospective for " + BotPosts.link(run)
                    + " has been published by @" + runs.factory().username(userId) + "\n[See the full retrospective]("
                    + retroUrl + ")\n", "custom_retro", props);
            bot.toFollowers(run, published, userId);
            runs.addTimeline(run, TimelineEvent.PUBLISHED_RETROSPECTIVE, "", "", "", userId, "", now);
            runs.publish(before, run);
        });
    }

    /**
     * {@code POST /runs/{id}/no-retrospective-button}: the text becomes "No retrospective for this
     * run.", published now and marked canceled; the bot announces it; {@code canceled_retrospective}
     * event (subject only); one update.
     */
    public void cancel(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, false);
            PlaybookRun before = run.toWire();
            long now = state.now();
            run.retrospective = "No retrospective for this run.";
            run.retrospectivePublishedAt = now;
            run.retrospectiveWasCanceled = true;
            run.updateAt = now;
            bot.post(run.channelId, "@channel Retrospective for " + BotPosts.link(run) + " has been canceled by @"
                    + runs.factory().username(userId) + "\n");
            runs.addTimeline(run, TimelineEvent.CANCELED_RETROSPECTIVE, "", "", "", userId, "", now);
            runs.publish(before, run);
        });
    }

    /**
     * {@code PUT /runs/{id}/retrospective-enabled} after the middleware and the body check:
     * RunToggleRetrospective (owner or system admin, 403 otherwise); the same value is a no-op;
     * re-enabling on a finished, unpublished run posts a retrospective reminder; the
     * {@code retrospective_enabled|disabled} event (subject only); one update.
     */
    public void setEnabled(String userId, String runId, boolean enabled) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, false);
            if (!access.canToggleRetrospective(userId, run)) {
                throw Rejection.notAuthorized();
            }
            if (run.retrospectiveEnabled == enabled) {
                return;
            }
            PlaybookRun before = run.toWire();
            long now = state.now();
            run.retrospectiveEnabled = enabled;
            run.updateAt = now;
            if (enabled && run.isFinished() && run.retrospectivePublishedAt == 0) {
                postReminder(bot, run, false);
            }
            runs.addTimeline(run, enabled ? TimelineEvent.RETROSPECTIVE_ENABLED : TimelineEvent.RETROSPECTIVE_DISABLED,
                    "", "", "", userId, "", now);
            runs.publish(before, run);
        });
    }

    private static List<RunMetricData> metrics(RunRequests.Retrospective retro) {
        return retro.metrics() == null ? new ArrayList<>() : new ArrayList<>(retro.metrics());
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
