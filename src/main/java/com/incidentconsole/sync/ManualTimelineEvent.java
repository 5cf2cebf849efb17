package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.entry.ManualTimelineEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A manual timeline event with a summary, details and a time, as {@code incident-console timeline add} makes it
 * ({@link ManualTimelineEntry}: the real server adds events only from posts). Two requests: a post of the details (or
 * the summary) to the run's channel as me, asking for the time as its {@code create_at}, then that post to the
 * timeline ({@code POST /runs/add-to-timeline-dialog}) with the summary. Neither is idempotent, so:
 * <ul>
 *   <li>the post is made at most once: before posting, the channel's newest posts are searched for my post with this
 *   text made since I asked and not on the timeline yet — one found (a crash or a lost answer between the two
 *   requests) is used instead of posting again;</li>
 *   <li>the event is recognised by an {@code event_from_post} created by me with this summary whose id the run did not
 *   hold when I asked; after a crash or a lost answer, none and no post of mine → not taken; my post but no event →
 *   not taken (only the second request is sent); the channel unreadable, or its newest posts not reaching back to the
 *   request, or a post asked to be dated earlier than the request (it may sit further back) → the server cannot tell:
 *   {@code UNCERTAIN}, the user decides.</li>
 * </ul>
 *
 * @param at the time asked for, epoch ms; 0 for now
 * @param askedAt when I asked (epoch ms): my post for it cannot be older, unless it was asked to be dated earlier
 * @param knownIds the run's event ids when I asked
 */
public record ManualTimelineEvent(String runId, String addKey, String channelId, String summary, String details,
                                  long at, long askedAt, String authorId, List<String> knownIds) implements Addition {

    /** How many of the channel's newest posts are read to look for my post. */
    static final int LOOK_BACK = 60;

    static final ActionKind KIND = new ActionKind("timeline_add_manual", 1, (runId, p, version) ->
            new ManualTimelineEvent(runId, ActionKind.required(p, "add_key"), ActionKind.required(p, "channel_id"),
                    ActionKind.required(p, "summary"), p.path("details").asText(""), p.path("at").asLong(0),
                    p.path("asked_at").asLong(0), ActionKind.required(p, "author_id"), AddedThings.from(p).knownIds()));

    public ManualTimelineEvent {
        knownIds = List.copyOf(knownIds);
    }

    /** The event {@code entry} on {@code run} as I see it now, asked at {@code now}. */
    public static ManualTimelineEvent of(PlaybookRun run, ManualTimelineEntry entry, String authorId, Instant now) {
        return new ManualTimelineEvent(run.id(), UUID.randomUUID().toString(), run.channelId(), entry.summary(),
                entry.details(), entry.askedCreateAt(), now.toEpochMilli(), authorId,
                AddPostToTimeline.eventIds(run));
    }

    public ManualTimelineEntry entry() {
        return new ManualTimelineEntry(summary, details, at > 0 ? Optional.of(Instant.ofEpochMilli(at)) : Optional.empty());
    }

    static String shortLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, AddPostToTimeline.SUBJECT + addKey);
    }

    @Override
    public String desiredValue() {
        return summary;
    }

    @Override
    public String description() {
        return "Add “" + shortLine(summary) + "” to the timeline";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("add_key", addKey).put("channel_id", channelId)
                .put("summary", summary).put("details", details).put("at", at).put("asked_at", askedAt)
                .put("author_id", authorId);
        node.set("known_ids", new AddedThings(knownIds).toJson(mapper));
        return node;
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return AddPostToTimeline.added(run, knownIds, authorId, e -> e.summary().strip().equals(summary)).isPresent();
    }

    @Override
    public Settlement tookEffect(ActionTransport transport, PlaybookRun run, long sentAt, String me) {
        if (isSettledIn(run)) {
            return Settlement.TOOK_EFFECT;
        }
        List<Post> newest;
        try {
            newest = transport.channelPosts(channelId, LOOK_BACK);
        } catch (ServerError refused) {
            if (refused.isRetryable() || refused.isUnauthorized()) {
                throw refused;
            }
            return Settlement.UNKNOWN;
        }
        long doubtFrom = Math.min(sentAt, askedAt) - PostStatusUpdate.CLOCK_SKEW.toMillis();
        if (myPost(newest, run, doubtFrom).isPresent()) {
            return Settlement.NOT_TAKEN; // posted, not added: send reuses the post and only adds it
        }
        if (at > 0 && at < doubtFrom) {
            return Settlement.UNKNOWN; // an admin's post keeps the earlier time: it may sit beyond the newest posts
        }
        boolean reachesBack = newest.size() < LOOK_BACK || newest.stream().anyMatch(p -> p.createAt() < doubtFrom);
        return reachesBack ? Settlement.NOT_TAKEN : Settlement.UNKNOWN;
    }

    /** My post with this text, made for this event (since I asked, or at the time asked), not on the timeline. */
    private Optional<Post> myPost(List<Post> posts, PlaybookRun run, long since) {
        String message = entry().postMessage();
        return posts.stream().filter(p -> p.deleteAt() == 0 && authorId.equals(p.userId())
                        && message.equals(p.message() == null ? "" : p.message().strip())
                        && (p.createAt() >= since || (at > 0 && p.createAt() == at))
                        && run.timelineEvents().stream().noneMatch(e -> e.deleteAt() == 0 && e.postId().equals(p.id())))
                .findFirst();
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        long since = askedAt - PostStatusUpdate.CLOCK_SKEW.toMillis();
        Post post = myPost(transport.channelPosts(channelId, LOOK_BACK), current, since)
                .orElseGet(() -> transport.createPostAt(channelId, entry().postMessage(), at));
        transport.addPostToTimeline(runId, authorId, post.id(), summary);
    }
}
