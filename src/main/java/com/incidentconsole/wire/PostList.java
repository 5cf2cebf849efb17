package com.incidentconsole.wire;

import java.util.List;
import java.util.Map;

/** A page of posts: {@code order} lists ids newest first, {@code posts} maps id to post. */
public record PostList(
        List<String> order,
        Map<String, Post> posts,
        String nextPostId,
        String prevPostId,
        boolean hasNext) {

    public PostList {
        order = Lists.of(order);
        posts = Lists.of(posts);
        nextPostId = Lists.text(nextPostId);
        prevPostId = Lists.text(prevPostId);
    }
}
