package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.kernel.SandboxBot;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.TimelineEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Run-level mutations with the side effects of {@code playbook_run_service.go}: timeline events,
 * posts, {@code update_at}, and one WebSocket update per change. Each public method is atomic.
 */
public final class RunService {

    private final SandboxState state;
    private final Access access;
    private final RunFactory factory;
    private final RunPublisher publisher;
    private final Poster poster;

    public RunService(SandboxState state, Access access, RunFactory factory, RunPublisher publisher, Poster poster) {
        this.state = state;
        this.access = access;
        this.factory = factory;
        this.publisher = publisher;
        this.poster = poster;
    }

    public PlaybookRun create(String userId, RunCreateOptions options) {
        return state.locked(() -> {
            if (options.playbookId().isEmpty()) {
                throw new Rejection(400, "channel checklists are not supported by the sandbox; pass playbook_id");
            }
            ObjectNode playbook = state.playbooks().get(options.playbookId());
            if (playbook == null || !access.canViewPlaybook(userId, options.playbookId())) {
                throw Rejection.notAuthorized();
            }
            if (playbook.path("delete_at").asLong() != 0) {
                throw new Rejection(400, "playbook is archived, cannot create a new run using an archived playbook");
            }
            if (options.teamId().isEmpty() && options.channelId().isEmpty()) {
                throw new Rejection(400, "must provide team or channel to create playbook run");
            }
            if (options.name().isBlank()) {
                throw new Rejection(400, "missing name of playbook run");
            }
            if (options.ownerUserId().isEmpty() || state.directory().user(options.ownerUserId()).isEmpty()) {
                throw new Rejection(400, "missing owner user id of playbook run");
            }
            RunEntity run = factory.create(playbook, options.name().strip(), options.summary(),
                    options.ownerUserId(), userId, options.createPublicRun(), state.now());
            publisher.runCreated(run);
            return run.toWire();
        });
    }

    public PlaybookRun patch(String userId, String runId, RunRequests.RunPatch patch) {
        return mutate(userId, runId, true, run -> {
            if (patch.name() != null) {
                if (patch.name().isBlank()) {
                    throw new Rejection(400, "name must not be empty");
                }
                run.name = patch.name().strip();
            }
            if (patch.summary() != null) {
                run.summary = patch.summary();
                run.summaryModifiedAt = state.now();
            }
        });
    }

    public void finish(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireOwnerAction(userId, runId);
            if (run.isFinished()) {
                return;
            }
            change(run, r -> {
                long now = state.now();
                r.currentStatus = PlaybookRun.STATUS_FINISHED;
                r.endAt = now;
                Post post = poster.post(r.channelId, userId, "@" + factory.username(userId) + " marked **" + r.name
                        + "** as finished.", "", null);
                timeline(r, TimelineEvent.RUN_FINISHED, "@" + factory.username(userId) + " marked the run as finished",
                        "", post.id(), userId, userId);
            });
        });
    }

    public void restore(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireOwnerAction(userId, runId);
            if (!run.isFinished()) {
                return;
            }
            change(run, r -> {
                r.currentStatus = PlaybookRun.STATUS_IN_PROGRESS;
                r.endAt = 0;
                Post post = poster.post(r.channelId, userId, "@" + factory.username(userId) + " changed this run's "
                        + "status from Finished to In progress.", "", null);
                timeline(r, TimelineEvent.RUN_RESTORED, "@" + factory.username(userId) + " restored the run", "",
                        post.id(), userId, userId);
            });
        });
    }

    public void changeOwner(String userId, String runId, String ownerId) {
        state.locked(() -> {
            RunEntity run = access.requireOwnerAction(userId, runId);
            if (run.isFinished()) {
                throw Rejection.finished();
            }
            if (ownerId == null || state.directory().user(ownerId).isEmpty()
                    || !state.directory().isTeamMember(run.teamId, ownerId)) {
                throw new Rejection(400, "owner must be a member of the run's team");
            }
            if (ownerId.equals(run.ownerUserId)) {
                return;
            }
            change(run, r -> {
                String old = r.ownerUserId;
                r.ownerUserId = ownerId;
                factory.join(r, ownerId);
                timeline(r, TimelineEvent.OWNER_CHANGED, "@" + factory.username(old) + " to @"
                        + factory.username(ownerId), "", "", ownerId, userId);
            });
        });
    }

    public void updateStatus(String userId, String runId, RunRequests.StatusUpdate update) {
        state.locked(() -> {
            access.requireManage(userId, runId, true);
            if (update.message() == null || update.message().isBlank()) {
                throw new Rejection(400, "message must not be empty");
            }
            if (update.reminder() <= 0 && !update.finishRun()) {
                throw new Rejection(400, "reminder must be set and greater than 0");
            }
            RunEntity run = state.run(runId).orElseThrow();
            change(run, r -> {
                long now = state.now();
                ObjectNode props = JsonNodeFactory.instance.objectNode();
                props.put("playbookRunId", r.id);
                Post post = poster.post(r.channelId, userId, update.message(), "custom_run_update", props);
                r.statusPosts.add(new StatusPost(post.id(), now, 0));
                r.lastStatusUpdateAt = now;
                r.reminderPostId = "";
                if (update.reminder() > 0) {
                    r.previousReminderNanos = update.reminder() * 1_000_000_000L;
                    r.reminderDueAt = now + update.reminder() * 1000;
                }
                timeline(r, TimelineEvent.STATUS_UPDATED, "@" + factory.username(userId) + " posted a status update",
                        "", post.id(), userId, userId);
                broadcast(r, update.message(), props);
            });
            if (update.finishRun()) {
                finish(userId, runId);
            }
        });
    }

    /**
     * "Announce": with broadcast switched on for the run, the plugin bot repeats the update in each
     * broadcast channel that still exists (playbooks-api.md §2.9; the run-level switch decides).
     */
    private void broadcast(RunEntity run, String message, ObjectNode props) {
        if (!run.statusUpdateBroadcastChannelsEnabled) {
            return;
        }
        String bot = state.directory().userByLogin(SandboxBot.USERNAME).map(u -> u.id()).orElse(run.ownerUserId);
        for (String channelId : run.broadcastChannelIds) {
            if (state.directory().channel(channelId).isPresent() && !channelId.equals(run.channelId)) {
                poster.post(channelId, bot, message, "custom_run_update", props.deepCopy());
            }
        }
    }

    /** GraphQL {@code updateRun}: a partial update of the fields that have no REST route (playbooks-api.md §2.9). */
    public void updateFromGraphQl(String userId, String runId, com.fasterxml.jackson.databind.JsonNode updates) {
        mutate(userId, runId, true, r -> {
            if (updates.has("name")) {
                if (updates.path("name").asText().isBlank()) {
                    throw new Rejection(400, "name must not be empty");
                }
                r.name = updates.path("name").asText();
            }
            if (updates.has("summary")) {
                r.summary = updates.path("summary").asText();
                r.summaryModifiedAt = state.now();
            }
            if (updates.has("createChannelMemberOnNewParticipant")) {
                r.createChannelMemberOnNewParticipant = updates.path("createChannelMemberOnNewParticipant").asBoolean();
            }
            if (updates.has("removeChannelMemberOnRemovedParticipant")) {
                r.removeChannelMemberOnRemovedParticipant =
                        updates.path("removeChannelMemberOnRemovedParticipant").asBoolean();
            }
            if (updates.has("statusUpdateBroadcastChannelsEnabled")) {
                r.statusUpdateBroadcastChannelsEnabled = updates.path("statusUpdateBroadcastChannelsEnabled").asBoolean();
            }
            if (updates.has("statusUpdateBroadcastWebhooksEnabled")) {
                r.statusUpdateBroadcastWebhooksEnabled = updates.path("statusUpdateBroadcastWebhooksEnabled").asBoolean();
            }
            if (updates.has("broadcastChannelIDs")) {
                r.broadcastChannelIds = new java.util.ArrayList<>();
                updates.path("broadcastChannelIDs").forEach(n -> r.broadcastChannelIds.add(n.asText()));
            }
            if (updates.has("webhookOnStatusUpdateURLs")) {
                r.webhookOnStatusUpdateUrls = new java.util.ArrayList<>();
                updates.path("webhookOnStatusUpdateURLs").forEach(n -> r.webhookOnStatusUpdateUrls.add(n.asText()));
            }
        });
    }

    public void requireViewable(String userId, String runId) {
        state.locked(() -> access.requireView(userId, runId));
    }

    public void requestUpdate(String userId, String runId) {
        state.locked(() -> {
            RunEntity run = access.requireView(userId, runId);
            change(run, r -> {
                String summary = "@" + factory.username(userId) + " requested a status update";
                Post post = poster.post(r.channelId, userId, summary + " for **" + r.name + "**.", "", null);
                timeline(r, TimelineEvent.STATUS_UPDATE_REQUESTED, summary, "", post.id(), userId, userId);
            });
        });
    }

    public void snooze(String userId, String runId, long seconds) {
        if (seconds <= 0) {
            throw new Rejection(400, "new_reminder_seconds must be > 0");
        }
        mutate(userId, runId, true, r -> {
            r.previousReminderNanos = seconds * 1_000_000_000L;
            r.reminderDueAt = state.now() + seconds * 1000;
            timeline(r, TimelineEvent.STATUS_UPDATE_SNOOZED, "@" + factory.username(userId)
                    + " snoozed the status update", "", "", r.reporterUserId, userId);
        });
    }

    public void deleteTimelineEvent(String userId, String runId, String eventId) {
        mutate(userId, runId, true, r -> {
            for (int i = 0; i < r.timelineEvents.size(); i++) {
                TimelineEvent e = r.timelineEvents.get(i);
                if (e.id().equals(eventId) && e.deleteAt() == 0) {
                    r.timelineEvents.set(i, new TimelineEvent(e.id(), e.playbookRunId(), e.createAt(), state.now(),
                            e.eventAt(), e.eventType(), e.summary(), e.details(), e.postId(), e.subjectUserId(),
                            e.creatorUserId()));
                    return;
                }
            }
            throw Rejection.internal();
        });
    }

    public void saveRetrospective(String userId, String runId, RunRequests.Retrospective retro, boolean publish) {
        mutate(userId, runId, false, r -> {
            r.retrospective = retro.retrospective() == null ? "" : retro.retrospective();
            List<RunMetricData> metrics = retro.metrics() == null ? List.of() : retro.metrics();
            r.metricsData = new java.util.ArrayList<>(metrics);
            if (publish) {
                r.retrospectivePublishedAt = state.now();
                r.retrospectiveWasCanceled = false;
                timeline(r, TimelineEvent.PUBLISHED_RETROSPECTIVE, "@" + factory.username(userId)
                        + " published the retrospective", "", "", userId, userId);
            }
        });
    }

    public void cancelRetrospective(String userId, String runId) {
        mutate(userId, runId, false, r -> {
            r.retrospectiveWasCanceled = true;
            timeline(r, TimelineEvent.CANCELED_RETROSPECTIVE, "@" + factory.username(userId)
                    + " canceled the retrospective", "", "", userId, userId);
        });
    }

    public void setStatusUpdatesEnabled(String userId, String runId, boolean enabled) {
        mutate(userId, runId, true, r -> {
            if (r.statusUpdateEnabled == enabled) {
                return;
            }
            r.statusUpdateEnabled = enabled;
            timeline(r, enabled ? TimelineEvent.STATUS_UPDATES_ENABLED : TimelineEvent.STATUS_UPDATES_DISABLED,
                    "@" + factory.username(userId) + (enabled ? " enabled" : " disabled") + " status updates", "", "",
                    userId, userId);
        });
    }

    public void setRetrospectiveEnabled(String userId, String runId, boolean enabled) {
        mutate(userId, runId, false, r -> {
            if (r.retrospectiveEnabled == enabled) {
                return;
            }
            r.retrospectiveEnabled = enabled;
            timeline(r, enabled ? TimelineEvent.RETROSPECTIVE_ENABLED : TimelineEvent.RETROSPECTIVE_DISABLED,
                    "@" + factory.username(userId) + (enabled ? " enabled" : " disabled") + " the retrospective", "",
                    "", userId, userId);
        });
    }

    public void follow(String userId, String runId, boolean follow) {
        state.locked(() -> {
            RunEntity run = access.requireView(userId, runId);
            change(run, r -> {
                if (follow) {
                    r.followers.add(userId);
                } else {
                    r.followers.remove(userId);
                }
            });
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
}
