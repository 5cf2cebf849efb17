package com.incidentconsole.client;

import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PostList;
import java.util.List;
import java.util.Map;

/** Mattermost core posts: the run channel's conversation. */
public final class PostsApi {

    private final Rest rest;

    PostsApi(Rest rest) {
        this.rest = rest;
    }

    /** Posts {@code message} as the signed-in user; answers 201 with the saved post. */
    public Post create(String channelId, String message) {
        return rest.call("POST", Rest.V4 + "/posts", List.of(), Map.of("channel_id", channelId, "message", message),
                rest.type(Post.class));
    }

    /** Like {@link #create}, sent at most once (ADR 0021): an action that must not post twice uses it. */
    public Post createOnce(String channelId, String message) {
        return rest.call("POST", Rest.V4 + "/posts", List.of(), new Rest.Once(Map.of("channel_id", channelId,
                "message", message)), rest.type(Post.class));
    }

    /**
     * Posts {@code message}, asking for {@code createAtMillis} as its time: the server keeps it only for a
     * system admin (api4/post.go createPost) and otherwise dates the post now. Sent at most once.
     */
    public Post createAt(String channelId, String message, long createAtMillis) {
        Map<String, Object> body = Map.of("channel_id", channelId, "message", message, "create_at", createAtMillis);
        return rest.call("POST", Rest.V4 + "/posts", List.of(), new Rest.Once(body), rest.type(Post.class));
    }

    /** A page of the channel's posts, newest first. */
    public PostList forChannel(String channelId, int page, int perPage) {
        return rest.get(Rest.V4 + "/channels/" + Rest.seg(channelId) + "/posts", UsersApi.paging(page, perPage),
                rest.type(PostList.class));
    }

    /** One post ({@code GET /posts/{id}}, api4/post.go getPost): the text of a post an event was made from. */
    public Post get(String postId) {
        return rest.get(Rest.V4 + "/posts/" + Rest.seg(postId), rest.type(Post.class));
    }
}
