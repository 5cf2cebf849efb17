package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.User;

/**
 * What the plugin's bot posts for a run ({@code server/bot/poster.go}: {@code PostMessage},
 * {@code Post} and {@code PostMessageToThread} all set {@code UserId = botUserID}) and the
 * broadcast to the run's broadcast channels ({@code playbook_run_service.go}
 * {@code broadcastPlaybookRunMessageToChannels}). Caller holds the lock.
 */
public final class BotPosts {

    /** {@code app/urls.go} {@code RunsPath}: run links in bot posts are relative to the site. */
    static final String RUNS_PATH = "/playbooks/runs/";

    private final SandboxState state;
    private final Poster poster;
    private final DirectMessages dms;

    public BotPosts(SandboxState state, Poster poster, DirectMessages dms) {
        this.dms = dms;
        this.state = state;
        this.poster = poster;
    }

    public String botId() {
        return state.directory().userByLogin(SeedGenerator.BOT_USERNAME).map(User::id).orElseThrow();
    }

    /** {@code bot.PostMessage}: a plain bot post in the channel. */
    /**
     * {@code dmPostToRunFollowers}: a copy of {@code post} (its text, type and props) to every follower who may
     * view the run, except its author, in the bot's DM channel with them — how followers outside the channel
     * hear of a status update, a finish, a status-update toggle and a published retrospective
     * ({@code playbook_run_service.go} UpdateStatus, FinishPlaybookRun, ToggleStatusUpdates,
     * PublishRetrospective). Caller holds the lock.
     */
    public void toFollowers(RunEntity run, Post post, String authorId) {
        dms.toFollowers(run, post, authorId);
    }

    public Post post(String channelId, String message) {
        return poster.post(channelId, botId(), message, "", null);
    }

    /** {@code bot.Post}: a bot post with a custom type and props. */
    public Post post(String channelId, String message, String type, JsonNode props) {
        return poster.post(channelId, botId(), message, type, props);
    }

    /** {@code [name](/playbooks/runs/id)}, the link every run message carries ({@code GetRunDetailsRelativeURL}). */
    public static String link(RunEntity run) {
        return "[" + run.name + "](" + RUNS_PATH + run.id + ")";
    }

    /**
     * {@code broadcastPlaybookRunMessageToChannels}: each broadcast channel (the run channel too, if
     * listed) gets the post, threaded under the first broadcast in that channel
     * ({@code postMessageToThreadAndSaveRootID}); a channel that is missing, archived or in another
     * team ({@code IsChannelActiveInTeam}) gets nothing and the run channel gets a failure notice.
     * Callers check {@code status_update_broadcast_channels_enabled} first, as the real ones do.
     */
    public void broadcast(RunEntity run, String message, String type, JsonNode props, String messageType) {
        for (String channelId : run.broadcastChannelIds) {
            Channel channel = state.directory().channel(channelId).orElse(null);
            boolean active = channel != null && channel.deleteAt() == 0
                    && (channel.teamId().isEmpty() || channel.teamId().equals(run.teamId));
            if (!active) {
                post(run.channelId, "Failed to broadcast run " + messageType + " to the configured channel.");
                continue;
            }
            String root = run.broadcastRootIds.getOrDefault(channelId, "");
            Post sent = poster.post(channelId, botId(), message, type, props == null ? null : props.deepCopy(), "",
                    state.now(), root);
            if (root.isEmpty()) {
                run.broadcastRootIds.put(channelId, sent.id());
            }
        }
    }
}
