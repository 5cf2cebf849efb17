package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Post a status update ({@code POST /runs/{id}/status}). Not idempotent: every accepted request is
 * one more post, so after a crash or a lost answer it is never resent blind — the run's status posts
 * ({@code GET /runs/{id}/status-updates}) are searched for it first.
 *
 * @param postKey this post's own id, so that two posts are two targets (neither replaces the other)
 * @param reminderSeconds when the next update is due, as the server's reminder (must be &gt; 0)
 */
public record PostStatusUpdate(String runId, String postKey, String message, long reminderSeconds)
        implements Action {

    /**
     * A post by me with the same text, this much older than my request, may still be mine (the server's
     * clock and mine differ): then the server cannot tell, and the user decides.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    static final ActionKind KIND = new ActionKind("status_post", 1, (runId, p, version) -> new PostStatusUpdate(runId,
            ActionKind.required(p, "post_key"), ActionKind.required(p, "message"), p.path("reminder_seconds").asLong(0)));

    public static PostStatusUpdate of(String runId, String message, Duration reminder) {
        return new PostStatusUpdate(runId, UUID.randomUUID().toString(), message, reminder.toSeconds());
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, "status-post:" + postKey);
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
        String firstLine = message.lines().findFirst().orElse("");
        return "Post a status update “" + (firstLine.length() > 60 ? firstLine.substring(0, 60) + "…" : firstLine) + "”";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("post_key", postKey).put("message", message)
                .put("reminder_seconds", reminderSeconds);
    }

    /** Nothing in the run says which post is which: only the answer or the post list can. */
    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return false;
    }

    @Override
    public boolean settledByAcceptance() {
        return true;
    }

    @Override
    public Optional<String> valueIn(PlaybookRun run) {
        return Optional.of("");
    }

    /** An addition overwrites nothing: there is no one else's value to conflict with. */
    @Override
    public ReplayCheck.Verdict judge(PlaybookRun server, Optional<ActionBase> base) {
        return new ReplayCheck.Verdict.Send();
    }

    /**
     * A post by me with this text created after my request left is mine: it took effect. One created a
     * little before (within the clocks' possible difference) may or may not be: unknown. None: not taken.
     */
    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (me.isEmpty()) {
            return Settlement.UNKNOWN;
        }
        List<StatusPostComplete> posts;
        try {
            posts = transport.statusUpdates(runId);
        } catch (ServerError refused) {
            if (refused.isRetryable() || refused.isUnauthorized()) {
                throw refused; // the queue waits for the server (or sign-in) and asks again
            }
            return Settlement.UNKNOWN;
        }
        List<StatusPostComplete> mine = posts.stream()
                .filter(p -> me.equals(p.authorUserName()) && message.strip().equals(p.message().strip())).toList();
        if (mine.stream().anyMatch(p -> p.createAt() >= sentAt)) {
            return Settlement.TOOK_EFFECT;
        }
        if (mine.stream().anyMatch(p -> p.createAt() >= sentAt - CLOCK_SKEW.toMillis())) {
            return Settlement.UNKNOWN;
        }
        return Settlement.NOT_TAKEN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.postStatusUpdate(runId, message, reminderSeconds);
    }
}
