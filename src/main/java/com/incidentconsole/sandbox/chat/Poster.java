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
