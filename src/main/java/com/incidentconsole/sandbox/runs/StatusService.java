package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;

/**
 * Status updates and their reminder ({@code UpdateStatus}, {@code SetNewReminder},
 * {@code ResetReminder}, {@code ToggleStatusUpdates}, {@code RequestUpdate} in
 * server/app/playbook_run_service.go and server/app/reminder.go). Follower DMs are not modelled:
 * the sandbox has no DM channels.
 */
public final class StatusService {

    /** A status update as the handler hands it on: message untrimmed, reminder in seconds. */
    public record Update(String message, long reminderSeconds, boolean finishRun) {
    }

    private static final ObjectMapper MAPPER = WireJson.newMapper();

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final BotPosts bot;
    private final Poster poster;
    private final RunTemplates templates;

    public StatusService(SandboxState state, Access access, RunService runs, BotPosts bot, Poster poster) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.bot = bot;
        this.poster = poster;
        this.templates = new RunTemplates(state.directory());
    }

    /** {@code buildStatusUpdatePost}'s props: task counts (closed only), participants, author, run. */
    public static ObjectNode statusProps(RunEntity run, String authorUsername, ObjectMapper mapper) {
        int tasks = 0;
        int checked = 0;
        for (Checklist checklist : run.checklists) {
            for (ChecklistItem item : checklist.items()) {
                tasks++;
                if (ChecklistItem.CLOSED.equals(item.state())) {
                    checked++;
                }
            }
        }
        ObjectNode props = mapper.createObjectNode();
        props.put("numTasksChecked", checked);
        props.put("numTasks", tasks);
        ArrayNode participants = props.putArray("participantIds");
        run.participantIds.forEach(participants::add);
        props.put("authorUsername", authorUsername);
        props.put("playbookRunId", run.id);
        props.put("runName", run.name);
        return props;
    }

    /**
     * {@code POST /runs/{id}/status} after the edit middleware ({@code updateStatus} in
     * api/playbook_runs.go): with {@code finish_run} RunFinish is checked first, before anything is
     * posted ("Not authorized to finish this run"); the message is trimmed; a reminder is required
     * unless finishing, and finishing sets it to 0. Then {@code UpdateStatus}: placeholders
     * resolved, the bot's {@code custom_run_update} post, the broadcast, {@code SetNewReminder}
     * (publishes), the {@code status_updated} event (subject the author, no summary, no creator),
     * a second update, then the finish.
     */
    public void updateStatus(String userId, String runId, Update update) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, true);
            if (update.finishRun() && !access.ownerActionAllowed(userId, run)) {
                throw new Rejection(403, "Not authorized to finish this run");
            }
            String message = update.message() == null ? "" : update.message().strip();
            if (message.isEmpty()) {
                throw new Rejection(400, "message must not be empty");
            }
            if (update.reminderSeconds() <= 0 && !update.finishRun()) {
                throw new Rejection(400, "the reminder must be set and not 0");
            }
            long reminder = update.reminderSeconds() < 0 || update.finishRun() ? 0 : update.reminderSeconds();
            PlaybookRun before = run.toWire();
            message = templates.resolveMessage(message, run);
            ObjectNode props = statusProps(run, runs.factory().username(userId), MAPPER);
            Post post = bot.post(run.channelId, message, "custom_run_update", props);
            run.statusPosts.add(new StatusPost(post.id(), post.createAt(), 0));
            if (run.statusUpdateBroadcastChannelsEnabled) {
                bot.broadcast(run, message, "custom_run_update", props, "status update");
            }
            bot.toFollowers(run, post, userId);
            setNewReminder(run, reminder, before);
            PlaybookRun afterReminder = run.toWire();
            runs.addTimeline(run, TimelineEvent.STATUS_UPDATED, "", "", post.id(), userId, "", post.createAt());
            runs.publish(afterReminder, run);
            if (update.finishRun()) {
                runs.finishChecked(run, userId);
            }
        });
    }

    /**
     * {@code SetNewReminder}: the pending reminder and its post go (core {@code post_deleted}),
     * {@code previous_reminder} and {@code last_status_update_at = now} are stored (stamping
     * {@code update_at}), a new reminder is scheduled unless 0, and the run is published.
     */
    private void setNewReminder(RunEntity run, long seconds, PlaybookRun before) {
        long now = state.now();
        run.reminderDueAt = 0;
        if (!run.reminderPostId.isEmpty()) {
            poster.delete(run.reminderPostId);
            run.reminderPostId = "";
        }
        run.previousReminderNanos = seconds * 1_000_000_000L;
        run.lastStatusUpdateAt = now;
        run.updateAt = now;
        if (seconds != 0) {
            run.reminderDueAt = now + seconds * 1000;
        }
        runs.publish(before, run);
    }

    /**
     * {@code POST /runs/{id}/reminder} ({@code reminderReset} → {@code ResetReminder}): the
     * {@code status_update_snoozed} event (subject the reporter, nothing else), then
     * {@code SetNewReminder}, whose single update carries both.
     */
    public void snooze(String userId, String runId, long seconds) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, true);
            if (seconds <= 0) {
                throw new Rejection(400, "new_reminder_seconds must be > 0");
            }
            PlaybookRun before = run.toWire();
            runs.addTimeline(run, TimelineEvent.STATUS_UPDATE_SNOOZED, "", "", "", run.reporterUserId, "", state.now());
            setNewReminder(run, seconds, before);
        });
    }

    /**
     * {@code PUT /runs/{id}/status-update-enabled} ({@code ToggleStatusUpdates}): always applied, even
     * to the same value; bot post, broadcast, the pending reminder dropped when disabling, the
     * {@code status_updates_enabled|disabled} event (post id, subject the user), one update.
     */
    public void setStatusUpdatesEnabled(String userId, String runId, boolean enabled) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, true);
            PlaybookRun before = run.toWire();
            long now = state.now();
            run.statusUpdateEnabled = enabled;
            run.updateAt = now;
            // en.json app.user.run.status_enable / status_disable
            String message = "@" + runs.factory().username(userId) + (enabled ? " enabled" : " disabled")
                    + " the status updates for " + BotPosts.link(run);
            Post post = bot.post(run.channelId, message);
            if (run.statusUpdateBroadcastChannelsEnabled) {
                bot.broadcast(run, message, "", null, "status update");
            }
            bot.toFollowers(run, post, userId);
            if (!enabled) {
                run.reminderDueAt = 0;
            }
            runs.addTimeline(run, enabled ? TimelineEvent.STATUS_UPDATES_ENABLED : TimelineEvent.STATUS_UPDATES_DISABLED,
                    "", "", post.id(), userId, "", now);
            runs.publish(before, run);
        });
    }

    /**
     * {@code POST /runs/{id}/request-update} ({@code RequestUpdate}, RunView): the bot posts
     * en.json {@code app.user.run.request_update}; the timeline event keeps its summary and creator;
     * {@code update_at} is not touched; one update.
     */
    public void requestUpdate(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireView(userId, runId);
            PlaybookRun before = run.toWire();
            String name = runs.factory().username(userId);
            Post post = bot.post(run.channelId, "@here — @" + name + " requested a status update for "
                    + BotPosts.link(run) + ". \n");
            runs.addTimeline(run, TimelineEvent.STATUS_UPDATE_REQUESTED, "@" + name + " requested a status update", "",
                    post.id(), userId, userId, post.createAt());
            runs.publish(before, run);
        });
    }
}
