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
 * @param reminderSeconds when the next update is due, as the server's reminder (must be &gt; 0 unless finishing)
 * @param broadcast whether the run's broadcast channels get it: the server has no per-update switch, so a choice
 *                  other than the run's setting switches the setting first (GraphQL updateRun), as the CLI does
 * @param finishRun the update also finishes the run ({@code finish_run}: reminder 0, then FinishPlaybookRun)
 */
public record PostStatusUpdate(String runId, String postKey, String message, long reminderSeconds,
                               Broadcast broadcast, boolean finishRun) implements SettledByAnswer {

    /** Whether this update goes to the run's broadcast channels. */
    public enum Broadcast {
        /** As the run is set (the only choice of a version-1 row). */
        AS_SET,
        ON,
        OFF
    }

    /** A plain update, broadcast as the run is set (version 1's only form). */
    public PostStatusUpdate(String runId, String postKey, String message, long reminderSeconds) {
        this(runId, postKey, message, reminderSeconds, Broadcast.AS_SET, false);
    }

    /**
     * A post by me with the same text, this much older than my request, may still be mine (the server's
     * clock and mine differ): then the server cannot tell, and the user decides.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    /** Version 2 adds broadcast and finish; a version-1 row reads as "as set, not finishing". */
    static final ActionKind KIND = new ActionKind("status_post", 2, (runId, p, version) -> new PostStatusUpdate(runId,
            ActionKind.required(p, "post_key"), ActionKind.required(p, "message"), p.path("reminder_seconds").asLong(0),
            Broadcast.valueOf(p.path("broadcast").asText(Broadcast.AS_SET.name())),
            p.path("finish_run").asBoolean(false)));

    public static PostStatusUpdate of(String runId, String message, Duration reminder) {
        return new PostStatusUpdate(runId, UUID.randomUUID().toString(), message, reminder.toSeconds());
    }

    /** An update as the status editor makes it: with the broadcast choice and possibly finishing the run. */
    public static PostStatusUpdate of(String runId, String message, Duration reminder, boolean broadcast,
                                      boolean finishRun) {
        return new PostStatusUpdate(runId, UUID.randomUUID().toString(), message, finishRun ? 0 : reminder.toSeconds(),
                broadcast ? Broadcast.ON : Broadcast.OFF, finishRun);
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
                .put("reminder_seconds", reminderSeconds).put("broadcast", broadcast.name())
                .put("finish_run", finishRun);
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
        List<StatusPostComplete> byMe = posts.stream().filter(p -> me.equals(p.authorUserName())).toList();
        List<StatusPostComplete> mine = byMe.stream()
                .filter(p -> message.strip().equals(p.message().strip())).toList();
        if (mine.stream().anyMatch(p -> p.createAt() >= sentAt)) {
            return Settlement.TOOK_EFFECT;
        }
        if (mine.stream().anyMatch(p -> p.createAt() >= sentAt - CLOCK_SKEW.toMillis())) {
            return Settlement.UNKNOWN;
        }
        // The server fills {placeholders} in (resolveMessageForRun): a post of mine since then with other text
        // may be this one rewritten. The user decides rather than risking a second post.
        if (message.contains("{") && byMe.stream().anyMatch(p -> p.createAt() >= sentAt - CLOCK_SKEW.toMillis())) {
            return Settlement.UNKNOWN;
        }
        return Settlement.NOT_TAKEN;
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        boolean switchTo = broadcast == Broadcast.ON;
        if (broadcast != Broadcast.AS_SET && switchTo != current.statusUpdateBroadcastChannelsEnabled()) {
            transport.setStatusBroadcast(runId, switchTo);
        }
        transport.postStatusUpdate(runId, message, reminderSeconds, finishRun);
    }
}
