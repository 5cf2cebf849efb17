package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Add a channel post to the run's timeline: {@code POST /runs/add-to-timeline-dialog} (api/playbook_runs.go:
 * addToTimelineDialog → AddPostToTimeline), the web app's "Add to timeline". The event is an {@code event_from_post}
 * dated by the post, created by me, with the summary given. Not idempotent — each accepted request is one more event,
 * even for the same post — so never resent blind: an {@code event_from_post} of this post created by me whose id the
 * run did not hold when I asked ({@code known_ids}) is this addition; none means it was not taken. The request is
 * one-shot (ADR 0021).
 *
 * @param authorId my user id: the event's {@code creator_user_id} and the dialog's {@code user_id}
 * @param knownIds the run's event ids when I asked
 */
public record AddPostToTimeline(String runId, String addKey, String postId, String summary, String authorId,
                                List<String> knownIds) implements Addition {

    public static final String SUBJECT = "timeline-add:";

    static final ActionKind KIND = new ActionKind("timeline_add_post", 1, (runId, p, version) -> new AddPostToTimeline(
            runId, ActionKind.required(p, "add_key"), ActionKind.required(p, "post_id"), p.path("summary").asText(""),
            ActionKind.required(p, "author_id"), AddedThings.from(p).knownIds()));

    public AddPostToTimeline {
        knownIds = List.copyOf(knownIds);
    }

    /** Adding {@code postId} to {@code run} as I see it now. */
    public static AddPostToTimeline of(PlaybookRun run, String postId, String summary, String authorId) {
        return new AddPostToTimeline(run.id(), UUID.randomUUID().toString(), postId, summary.strip(), authorId,
                eventIds(run));
    }

    static List<String> eventIds(PlaybookRun run) {
        return run.timelineEvents().stream().map(TimelineEvent::id).toList();
    }

    /** The new event from {@code postId} by {@code authorId} in {@code run}: one whose id was not known. */
    static Optional<TimelineEvent> added(PlaybookRun run, List<String> knownIds, String authorId,
                                         java.util.function.Predicate<TimelineEvent> mine) {
        AddedThings before = new AddedThings(knownIds);
        return run.timelineEvents().stream().filter(e -> e.deleteAt() == 0 && before.isNew(e.id())
                && TimelineEvent.EVENT_FROM_POST.equals(e.eventType()) && authorId.equals(e.creatorUserId())
                && mine.test(e)).findFirst();
    }

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + addKey);
    }

    @Override
    public String desiredValue() {
        return summary;
    }

    @Override
    public String description() {
        return "Add the post “" + ManualTimelineEvent.shortLine(summary) + "” to the timeline";
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("add_key", addKey).put("post_id", postId)
                .put("summary", summary).put("author_id", authorId);
        node.set("known_ids", new AddedThings(knownIds).toJson(mapper));
        return node;
    }

    @Override
    public boolean isSettledIn(PlaybookRun run) {
        return added(run, knownIds, authorId, e -> e.postId().equals(postId)).isPresent();
    }

    @Override
    public void send(ActionTransport transport, PlaybookRun current) {
        transport.addPostToTimeline(runId, authorId, postId, summary);
    }
}
