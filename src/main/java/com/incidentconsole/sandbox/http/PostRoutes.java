package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PostList;
import com.incidentconsole.wire.PluginEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Single-post core routes ({@code server/channels/api4/post.go}): read, patch, delete and thread,
 * with the permission order of the real handlers. Posts of the sandbox are never pinned to a
 * file, never have reactions, and no post has an edit time limit (the default
 * {@code PostEditTimeLimit = -1}).
 */
public final class PostRoutes {

    private static final String V4 = "/api/v4";

    private final SandboxState state;
    private final Poster poster;

    public PostRoutes(SandboxState state, Poster poster) {
        this.state = state;
        this.poster = poster;
    }

    public void register(Router router) {
        router.add("GET", V4 + "/posts/{post_id}", Router.Area.CORE, this::get)
                .add("DELETE", V4 + "/posts/{post_id}", Router.Area.CORE, this::delete)
                .add("PUT", V4 + "/posts/{post_id}/patch", Router.Area.CORE, this::patch)
                .add("GET", V4 + "/posts/{post_id}/thread", Router.Area.CORE, this::thread);
    }

    /** {@code getPost}: {@code GetPostIfAuthorized} (404 unknown, 403 unreadable channel), then the post's ETag. */
    private Reply get(Call c) {
        String id = CoreErrors.requireId(c, "post_id");
        Post post = state.locked(() -> {
            Post p = live(id);
            readableChannel(c.userId(), p.channelId());
            return p;
        });
        String etag = SandboxServer.CURRENT_VERSION + "." + post.id() + "." + post.updateAt();
        if (etag.equals(c.ifNoneMatch())) {
            return Reply.empty(304).withHeader("ETag", etag);
        }
        return Reply.ok(post).withHeader("ETag", etag);
    }

    /**
     * {@code patchPost}: the body is decoded first (400), then {@code postPatchChecks}: an unknown post
     * is a 403 there ({@code SetPermissionError(PermissionEditPost)}), not a 404; own posts need
     * {@code edit_post} in the channel (a member), others' {@code edit_others_posts} (admins). Then
     * {@code App.PatchPost} ({@code post_edited} to the channel; {@code edit_at} only when the message changed).
     */
    private Reply patch(Call c) {
        String id = CoreErrors.requireId(c, "post_id");
        ObjectNode body = decode(c, "post");
        return state.locked(() -> {
            Post old = state.directory().post(id).filter(p -> p.deleteAt() == 0).orElseThrow(CoreErrors::permission);
            requireAuthorOrAdmin(c.userId(), old);
            long now = state.now();
            String message = body.hasNonNull("message") ? body.get("message").asText() : old.message();
            boolean pinned = body.hasNonNull("is_pinned") ? body.get("is_pinned").asBoolean() : old.isPinned();
            JsonNode props = body.get("props") instanceof ObjectNode p ? p : old.props();
            long editAt = message.equals(old.message()) ? old.editAt() : now;
            Post patched = new Post(old.id(), old.createAt(), now, editAt, 0, pinned, old.userId(), old.channelId(),
                    old.rootId(), old.originalId(), message, old.type(), props, old.hashtags(), old.fileIds(), "",
                    old.replyCount(), old.lastReplyAt(), old.participants());
            state.directory().replacePost(patched);
            poster.announce(PluginEvents.POST_EDITED, patched, null);
            return Reply.ok(patched);
        });
    }

    /**
     * {@code deletePost}: unknown post 404 ({@code GetSinglePost}), own posts need {@code delete_post}
     * (a channel member), others' {@code delete_others_posts} (admins); {@code App.DeletePost} soft
     * deletes and sends {@code post_deleted} with {@code delete_by}; the reply is {@code ReturnStatusOK}.
     */
    private Reply delete(Call c) {
        String id = CoreErrors.requireId(c, "post_id");
        return state.locked(() -> {
            Post old = live(id);
            requireAuthorOrAdmin(c.userId(), old);
            long now = state.now();
            Post deleted = new Post(old.id(), old.createAt(), now, old.editAt(), now, old.isPinned(), old.userId(),
                    old.channelId(), old.rootId(), old.originalId(), old.message(), old.type(), old.props(),
                    old.hashtags(), old.fileIds(), "", old.replyCount(), old.lastReplyAt(), old.participants());
            state.directory().replacePost(deleted);
            poster.announce(PluginEvents.POST_DELETED, deleted, c.userId());
            return Reply.ok(Map.of("status", "OK"));
        });
    }

    /**
     * {@code getPostThread} with no paging parameters (the default: every post): the root and all
     * live replies, newest first like every PostList; unknown post 404, unreadable channel 403.
     */
    private Reply thread(Call c) {
        String id = CoreErrors.requireId(c, "post_id");
        PostList list = state.locked(() -> {
            Post post = live(id);
            readableChannel(c.userId(), post.channelId());
            String rootId = post.rootId().isEmpty() ? post.id() : post.rootId();
            // Newest first; the channel keeps posts in creation order, which also orders posts made in one millisecond.
            List<Post> thread = new java.util.ArrayList<>(state.directory().posts(post.channelId()).stream()
                    .filter(p -> p.deleteAt() == 0 && (p.id().equals(rootId) || p.rootId().equals(rootId))).toList());
            java.util.Collections.reverse(thread);
            Map<String, Post> byId = new LinkedHashMap<>();
            thread.forEach(p -> byId.put(p.id(), p));
            return new PostList(thread.stream().map(Post::id).toList(), byId, "", "", false);
        });
        return Reply.ok(list);
    }

    private Post live(String id) {
        return state.directory().post(id).filter(p -> p.deleteAt() == 0).orElseThrow(CoreErrors::postNotFound);
    }

    private void requireAuthorOrAdmin(String userId, Post post) {
        Directory d = state.directory();
        boolean admin = d.user(userId).map(u -> u.roles().contains("system_admin")).orElse(false);
        boolean allowed = admin || (post.userId().equals(userId) && d.isChannelMember(post.channelId(), userId));
        if (!allowed) {
            throw CoreErrors.permission();
        }
    }

    /** {@code SessionHasPermissionToReadChannel}: a member, or any team member for an open channel. */
    private Channel readableChannel(String userId, String channelId) {
        Directory d = state.directory();
        Channel ch = d.channel(channelId).orElseThrow(CoreErrors::channelNotFound);
        boolean admin = d.user(userId).map(u -> u.roles().contains("system_admin")).orElse(false);
        if (!admin && !d.isChannelMember(ch.id(), userId) && !("O".equals(ch.type()) && d.isTeamMember(ch.teamId(), userId))) {
            throw CoreErrors.permission();
        }
        return ch;
    }

    private static ObjectNode decode(Call c, String name) {
        try {
            JsonNode node = c.mapper().readTree(c.body());
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (Exception undecodable) {
            // As json.Decode failing: SetInvalidParamWithErr.
        }
        throw CoreErrors.invalidBodyParam(name);
    }
}
