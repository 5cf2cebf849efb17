package com.incidentconsole.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** A Mattermost post. {@code props} and {@code metadata} are kept as trees: their shape varies by post type. */
public record Post(
        String id,
        long createAt,
        long updateAt,
        long editAt,
        long deleteAt,
        boolean isPinned,
        String userId,
        String channelId,
        String rootId,
        String originalId,
        String message,
        String type,
        JsonNode props,
        String hashtags,
        List<String> fileIds,
        String pendingPostId,
        long replyCount,
        long lastReplyAt,
        List<String> participants) {

    public Post {
        id = Lists.text(id);
        userId = Lists.text(userId);
        channelId = Lists.text(channelId);
        rootId = Lists.text(rootId);
        originalId = Lists.text(originalId);
        message = Lists.text(message);
        type = Lists.text(type);
        props = props == null || props.isNull() ? JsonNodeFactory.instance.objectNode() : props;
        hashtags = Lists.text(hashtags);
        fileIds = Lists.of(fileIds);
        pendingPostId = Lists.text(pendingPostId);
        participants = Lists.of(participants);
    }
}
