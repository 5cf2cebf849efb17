package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.TimelineEvent;
import java.util.function.Consumer;

/**
 * Run-level mutations with the side effects of {@code server/app/playbook_run_service.go}: bot
 * posts, broadcasts, timeline events, {@code update_at} and the run updates each real method
 * publishes. Each public method is atomic. Status updates and reminders live in
 * {@link StatusService}, retrospectives in {@link RetrospectiveService}.
 */
public final class RunService {

    private final SandboxState state;
    private final Access access;
    private final RunFactory factory;
    private final RunPublisher publisher;
    private final BotPosts bot;

    public RunService(SandboxState state, Access access, RunFactory factory, RunPublisher publisher, BotPosts bot) {
        this.state = state;
        this.access = access;
        this.factory = factory;
        this.publisher = publisher;
        this.bot = bot;
    }

    RunFactory factory() {
        return factory;
    }

    /**
     * {@code PATCH /runs/{id}} ({@code updatePlaybookRun}): name and summary trimmed, a blank name
     * refused; {@code GraphqlUpdate} then always stamps {@code update_at} and publishes.
     */
    public PlaybookRun patch(String userId, String runId, RunRequests.RunPatch patch) {
        return state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, true);
            if (patch.name() != null && patch.name().strip().isEmpty()) {
                throw new Rejection(400, "name must not be empty");
            }
            if (patch.name() == null && patch.summary() == null) {
                return run.toWire();
            }
            update(run, r -> {
                if (patch.name() != null) {
                    r.name = patch.name().strip();
                }
                if (patch.summary() != null) {
                    r.summary = patch.summary().strip();
                    r.summaryModifiedAt = state.now();
                }
            });
            return run.toWire();
        });
    }

    /** {@code PUT /runs/{id}/finish}: RunFinish, then {@link #finishChecked}. */
    public void finish(String userId, String runId) {
        state.locked(() -> finishChecked(access.requireOwnerAction(userId, runId), userId));
    }

    /**
     * {@code FinishPlaybookRun}: a no-op on a finished run; else {@code end_at}, the bot's post,
     * the broadcast, the pending reminder dropped, the first retrospective reminder (retro on and
     * unpublished), the {@code run_finished} event (subject the user, nothing else) and one update.
     * Auto-archiving the channel and follower DMs are not modelled.
     */
    void finishChecked(RunEntity run, String userId) {
        if (run.isFinished()) {
            return;
        }
        PlaybookRun before = run.toWire();
        long now = state.now();
        run.currentStatus = PlaybookRun.STATUS_FINISHED;
        run.endAt = now;
        run.updateAt = now;
        String message = "@" + factory.username(userId) + " marked " + BotPosts.link(run) + " as finished.";
        Post post = bot.post(run.channelId, message);
        if (run.statusUpdateBroadcastChannelsEnabled) {
            bot.broadcast(run, message, "", null, "finish");
        }
        bot.toFollowers(run, post, userId);
        run.reminderDueAt = 0;
        if (run.retrospectiveEnabled && run.retrospectivePublishedAt == 0) {
            RetrospectiveService.postReminder(bot, run, true);
        }
        addTimeline(run, TimelineEvent.RUN_FINISHED, "", "", post.id(), userId, "", now);
        publisher.runUpdated(before, run);
    }

    /**
     * {@code PUT /runs/{id}/restore} ({@code RestorePlaybookRun}): a no-op unless finished; the
     * store sets {@code last_status_update_at} and {@code update_at} to the restore time; bot post,
     * broadcast, {@code run_restored} event, one update.
     */
    public void restore(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireOwnerAction(userId, runId);
            if (!run.isFinished()) {
                return;
            }
            PlaybookRun before = run.toWire();
            long now = state.now();
            run.currentStatus = PlaybookRun.STATUS_IN_PROGRESS;
            run.endAt = 0;
            run.lastStatusUpdateAt = now;
            run.updateAt = now;
            String message = "@" + factory.username(userId) + " changed the status of " + BotPosts.link(run)
                    + " from Finished to In Progress.";
            Post post = bot.post(run.channelId, message);
            if (run.statusUpdateBroadcastChannelsEnabled) {
                bot.broadcast(run, message, "", null, "restore");
            }
            addTimeline(run, TimelineEvent.RUN_RESTORED, "", "", post.id(), userId, "", now);
            publisher.runUpdated(before, run);
        });
    }

    /**
     * {@code DELETE /runs/{id}/timeline/{eventID}} ({@code RemoveTimelineEvent}): the store looks
     * the event up without a {@code delete_at} filter, so deleting it again succeeds (and stamps a
     * new {@code delete_at}); an unknown event is a 500. {@code update_at} is not touched, the run
     * is published.
     */
    public void deleteTimelineEvent(String userId, String runId, String eventId) {
        state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, true);
            PlaybookRun before = run.toWire();
            for (int i = 0; i < run.timelineEvents.size(); i++) {
                TimelineEvent e = run.timelineEvents.get(i);
                if (e.id().equals(eventId)) {
                    run.timelineEvents.set(i, new TimelineEvent(e.id(), e.playbookRunId(), e.createAt(), state.now(),
                            e.eventAt(), e.eventType(), e.summary(), e.details(), e.postId(), e.subjectUserId(),
                            e.creatorUserId()));
                    publisher.runUpdated(before, run);
                    return;
                }
            }
            throw Rejection.internal();
        });
    }

    /** Checks manage permission (+ active run), applies {@code edit}, stamps and publishes. */
    public PlaybookRun mutate(String userId, String runId, boolean requireActive, Consumer<RunEntity> edit) {
        return state.locked(() -> {
            RunEntity run = access.requireManage(userId, runId, requireActive);
            change(run, edit);
            return run.toWire();
        });
    }

    /** Applies {@code edit} to a run already checked by the caller, then stamps and publishes it. */
    void change(RunEntity run, Consumer<RunEntity> edit) {
        PlaybookRun before = run.toWire();
        edit.accept(run);
        // Idempotent calls (same state, same assignee, ...) return early on the real server:
        // no update_at bump and no WebSocket event.
        if (run.toWire().equals(before)) {
            return;
        }
        run.updateAt = state.now();
        publisher.runUpdated(before, run);
    }

    public TimelineEvent timeline(RunEntity run, String type, String summary, String details, String postId,
                                  String subject, String creator) {
        long now = state.now();
        TimelineEvent event = new TimelineEvent(state.ids().next(), run.id, now, 0, now, type, summary, details, postId,
                subject, creator);
        run.timelineEvents.add(event);
        return event;
    }

    /**
     * Applies {@code edit}, stamps {@code update_at} and publishes even if nothing changed, as
     * {@code store.UpdatePlaybookRun} (which always sets {@code UpdateAt}) followed by
     * {@code sendPlaybookRunObjectUpdatedWS} does.
     */
    void update(RunEntity run, Consumer<RunEntity> edit) {
        PlaybookRun before = run.toWire();
        edit.accept(run);
        run.updateAt = state.now();
        publisher.runUpdated(before, run);
    }

    /** Publishes the run as it is now against {@code before} (no {@code update_at} stamp). */
    void publish(PlaybookRun before, RunEntity run) {
        publisher.runUpdated(before, run);
    }

    TimelineEvent addTimeline(RunEntity run, String type, String summary, String details, String postId,
                              String subject, String creator, long at) {
        TimelineEvent event = new TimelineEvent(state.ids().next(), run.id, at, 0, at, type, summary, details, postId,
                subject, creator);
        run.timelineEvents.add(event);
        return event;
    }
}
