package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import java.util.function.Supplier;

/** What the dialog submissions do once {@code http.DialogRoutes} has decoded them (api/playbook_runs.go). */
public final class DialogService {

    private final SandboxState state;
    private final Access access;
    private final RunService runs;
    private final RunCreation creation;
    private final RunPublisher publisher;
    private final Poster poster;
    private final BotPosts bot;

    public DialogService(SandboxState state, Access access, RunService runs, RunCreation creation,
                         RunPublisher publisher, Poster poster, BotPosts bot) {
        this.state = state;
        this.access = access;
        this.runs = runs;
        this.creation = creation;
        this.publisher = publisher;
        this.poster = poster;
        this.bot = bot;
    }

    /**
     * {@code createPlaybookRunFromDialog}: an unknown playbook is a 500 ("unable to get playbook");
     * the run links the playbook's channel only in {@code link_existing_channel} mode; the created
     * event carries {@code client_id} and {@code channel_name}; the owner gets an ephemeral
     * "Playbook run … started in ~…" in the channel the dialog was opened from. The real handler
     * sends the created event from a goroutine a second later, so it comes after the ephemeral
     * post: the sandbox keeps that order but does not wait.
     */
    public String createFromDialog(String userId, String teamId, String fromChannelId, String playbookId, String name,
                                   String clientId) {
        return state.locked(() -> {
            String channelId = "";
            if (!playbookId.isEmpty()) {
                ObjectNode playbook = state.playbooks().get(playbookId);
                if (playbook == null) {
                    throw new Rejection(500, "unable to get playbook");
                }
                if ("link_existing_channel".equals(playbook.path("channel_mode").asText())) {
                    channelId = playbook.path("channel_id").asText();
                }
            }
            RunEntity run = creation.create(userId, new RunCreation.CreateRequest(playbookId, teamId, channelId, name, "", "",
                    null, true));
            Channel channel = state.directory().channel(run.channelId).orElseThrow();
            poster.ephemeral(run.ownerUserId, bot.botId(), fromChannelId,
                    "Playbook run " + run.name + " started in ~" + channel.name());
            publisher.runCreatedFromDialog(run, clientId, channel.name());
            return run.id;
        });
    }

    /**
     * {@code addToTimelineDialog} + {@code AddPostToTimeline}: an unknown run is a 500, no manage
     * permission 403, a bad state 400, a missing post 400 ("couldn't get post ID"), a post in a
     * channel the user cannot read 403. The {@code event_from_post} event is dated at the post,
     * its subject the post's author, its creator the caller. There is no active-run check. The
     * real service sets {@code UpdateAt} only on the copy it publishes, never in the store: the
     * published run shows the new {@code update_at}, a later GET the old one.
     */
    public void addToTimeline(String userId, String runId, String summary, Supplier<String> postIdFromState) {
        state.locked(() -> {
            RunEntity run = state.run(runId).orElseThrow(Rejection::internal);
            if (!access.canManage(userId, run)) {
                throw Rejection.notAuthorized();
            }
            String postId = postIdFromState.get();
            Post post = state.directory().post(postId).filter(p -> p.deleteAt() == 0)
                    .orElseThrow(() -> new Rejection(400, "couldn't get post ID"));
            if (!access.canReadChannel(userId, post.channelId())) {
                throw Rejection.notAuthorized();
            }
            PlaybookRun before = run.toWire();
            run.timelineEvents.add(new TimelineEvent(state.ids().next(), run.id, state.now(), 0, post.createAt(),
                    TimelineEvent.EVENT_FROM_POST, summary, "", post.id(), post.userId(), userId));
            long stored = run.updateAt;
            run.updateAt = state.now();
            runs.publish(before, run);
            run.updateAt = stored;
        });
    }

    /** {@code finishDialog}: false when RunFinish refuses (unknown run included); else the run is finished. */
    public boolean finishFromDialog(String userId, String runId) {
        return state.locked(() -> {
            RunEntity run = state.run(runId).orElse(null);
            if (run == null || !access.canManage(userId, run) || !access.ownerActionAllowed(userId, run)) {
                return false;
            }
            runs.finishChecked(run, userId);
            return true;
        });
    }
}
