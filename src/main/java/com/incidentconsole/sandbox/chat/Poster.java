package com.incidentconsole.sandbox.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.User;
import java.util.List;

/** Creates posts and announces them with the core {@code posted} event (post double-encoded). Caller holds the lock. */
public final class Poster {

    private final SandboxState state;
    private final EventHub hub;
    private final ObjectMapper mapper;

    public Poster(SandboxState state, EventHub hub, ObjectMapper mapper) {
        this.state = state;
        this.hub = hub;
        this.mapper = mapper;
    }

    public Post post(String channelId, String userId, String message, String type, JsonNode props) {
        return post(channelId, userId, message, type, props, "", state.now());
    }

    public Post post(String channelId, String userId, String message, String type, JsonNode props,
                     String pendingPostId, long at) {
        return post(channelId, userId, message, type, props, pendingPostId, at, "");
    }

    /** A post, a reply when {@code rootId} is set (the caller checked the root is in the same channel). */
    public Post post(String channelId, String userId, String message, String type, JsonNode props,
                     String pendingPostId, long at, String rootId) {
        Post post = new Post(state.ids().next(), at, at, 0, 0, false, userId, channelId, rootId, "", message, type,
                props, "", List.of(), pendingPostId, 0, 0, List.of());
        state.directory().addPost(post);
        Channel channel = state.directory().channel(channelId).orElseThrow();
        ObjectNode data = mapper.createObjectNode();
        data.put("channel_display_name", channel.displayName());
        data.put("channel_name", channel.name());
        data.put("channel_type", channel.type());
        data.put("post", write(post));
        data.put("sender_name", "@" + state.directory().user(userId).map(User::username).orElse("playbooks"));
        data.put("set_online", true);
        data.put("team_id", channel.teamId());
        hub.publish(PluginEvents.POSTED, data, Broadcast.toChannel(channelId));
        return post;
    }

    /**
     * {@code SendEphemeralPost}: a {@code system_ephemeral} post that is not stored, sent to one
     * user as core {@code ephemeral_message}. Caller holds the lock.
     */
    public void ephemeral(String toUserId, String fromUserId, String channelId, String message) {
        long now = state.now();
        Post post = new Post(state.ids().next(), now, now, 0, 0, false, fromUserId, channelId, "", "", message,
                "system_ephemeral", null, "", List.of(), "", 0, 0, List.of());
        ObjectNode data = mapper.createObjectNode();
        data.put("post", write(post));
        hub.publish("ephemeral_message", data, Broadcast.toUser(toUserId));
    }

    /**
     * Soft-deletes a post and announces it with core {@code post_deleted} to its channel
     * ({@code app.DeletePost}: data {@code {"post": "<json>"}}; the admin-only copy with
     * {@code delete_by} is not modelled). A post already deleted is left alone, as the plugin's
     * {@code removePost} does. Caller holds the lock.
     */
    public void delete(String postId) {
        Post post = state.directory().post(postId).orElse(null);
        if (post == null || post.deleteAt() != 0) {
            return;
        }
        long now = state.now();
        Post deleted = new Post(post.id(), post.createAt(), now, post.editAt(), now, post.isPinned(), post.userId(),
                post.channelId(), post.rootId(), post.originalId(), post.message(), post.type(), post.props(),
                post.hashtags(), post.fileIds(), post.pendingPostId(), post.replyCount(), post.lastReplyAt(),
                post.participants());
        state.directory().replacePost(deleted);
        announce(PluginEvents.POST_DELETED, deleted, null);
    }

    /**
     * Announces an edited or deleted post to its channel ({@code app/post.go} {@code UpdatePost} /
     * {@code DeletePost}: {@code post_edited} / {@code post_deleted}, the post double-encoded;
     * a delete also names who deleted it in {@code delete_by}).
     */
    public void announce(String event, Post post, String deletedBy) {
        ObjectNode data = mapper.createObjectNode();
        data.put("post", write(post));
        if (deletedBy != null) {
            data.put("delete_by", deletedBy);
        }
        hub.publish(event, data, Broadcast.toChannel(post.channelId()));
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
