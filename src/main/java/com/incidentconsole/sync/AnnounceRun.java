package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Announce a run in a channel (v1 {@code /incident announce ~channel}): a post through the core posts API
 * ({@code POST /api/v4/posts}) as the user. Not idempotent: every accepted request is one more post, so
 * after a crash or a lost answer the channel's newest posts are searched for it first — a post by me with
 * this text created after the request left is it.
 *
 * @param postKey this announcement's own id, so that two announcements are two targets
 * @param authorId who posts it (the signed-in user): the post's {@code user_id}
 * @param channelName the channel in words, for the outbox ("~town-square")
 */
public record AnnounceRun(String runId, String postKey, String channelId, String channelName, String message,
                          String authorId) implements SettledByAnswer {

    /** How many of the channel's newest posts are read to look for it. */
    static final int LOOK_BACK = 60;

    static final ActionKind KIND = new ActionKind("announce", 1, (runId, p, version) -> new AnnounceRun(runId,
            ActionKind.required(p, "post_key"), ActionKind.required(p, "channel_id"), p.path("channel_name").asText(""),
            ActionKind.required(p, "message"), ActionKind.required(p, "author_id")));

    public static AnnounceRun of(String runId, String channelId, String channelName, String message, String authorId) {
        return new AnnounceRun(runId, UUID.randomUUID().toString(), channelId, channelName, message, authorId);
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "announce:" + postKey);
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public String desiredValue() {
        return message;
    }

    @Override
    public String description() {
        return "Announce the run in " + (channelName.isEmpty() ? "a channel" : channelName);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("post_key", postKey).put("channel_id", channelId)
                .put("channel_name", channelName).put("message", message).put("author_id", authorId);
    }

    /**
     * My post with this text created after the request left: it took effect. One a little before (the
     * clocks differ): unknown. None among posts reaching back before the request: not taken.
     */
    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        List<Post> newest;
        try {
            newest = transport.channelPosts(channelId, LOOK_BACK);
        } catch (ServerError refused) {
            if (refused.isRetryable() || refused.isUnauthorized()) {
                throw refused;
            }
            return Settlement.UNKNOWN;
        }
        long doubtFrom = sentAt - PostStatusUpdate.CLOCK_SKEW.toMillis();
        List<Post> mine = newest.stream().filter(p -> p.deleteAt() == 0 && authorId.equals(p.userId())
                && message.strip().equals(p.message() == null ? "" : p.message().strip())).toList();
        if (mine.stream().anyMatch(p -> p.createAt() >= sentAt)) {
            return Settlement.TOOK_EFFECT;
        }
        if (mine.stream().anyMatch(p -> p.createAt() >= doubtFrom)) {
            return Settlement.UNKNOWN;
        }
        boolean reachesBack = newest.size() < LOOK_BACK || newest.stream().anyMatch(p -> p.createAt() < doubtFrom);
        return reachesBack ? Settlement.NOT_TAKEN : Settlement.UNKNOWN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.createPost(channelId, message);
    }
}
