package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.incidentconsole.entry.ManualTimelineEntry;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timeline additions (ADR 0031) through the real queue and outbox against a scripted server: each is sent once
 * even when its answer is lost or the app crashed after the request left; the manual event's post is never made
 * twice; when the server cannot tell, the action waits for the user (UNCERTAIN) instead of guessing.
 */
class TimelineKindsTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    private PlaybookRun run() {
        return fixture.server.get("run1");
    }

    private List<TimelineEvent> fromPosts() {
        return run().timelineEvents().stream().filter(e -> e.eventType().equals(TimelineEvent.EVENT_FROM_POST)).toList();
    }

    private ManualTimelineEvent manual(String summary) {
        return ManualTimelineEvent.of(run(), new ManualTimelineEntry(summary, "Primary is read-only since 03:10",
                Optional.empty()), "u-me", Instant.now());
    }

    /** The outbox as a crashed process left it: the request had left (sent_at), no answer recorded. */
    private void leftSentBy(Action action, long sentAt) {
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c-" + action.target().subject(),
                action.kind().id(), action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                action.payload(fixture.mapper).toString(), action.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        fixture.outbox().update(row.seq(), OutboxEntry.State.SENT, "", false);
    }

    private void restart() {
        ActionQueue restarted = fixture.queue();
        restarted.restore();
        restarted.resume();
    }

    @Test
    void bothKindsReadBackAsThemselves() {
        for (Action action : List.of(AddPostToTimeline.of(run(), "p9", "DB failover", "u-me"), manual("Failover"),
                ManualTimelineEvent.of(run(), new ManualTimelineEntry("At two", "", Optional.of(Instant.ofEpochMilli(
                        1_767_000_000_000L))), "u-me", Instant.now()))) {
            OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c-" + action.target().subject(), action.kind().id(),
                    action.kind().version(), OutboxEntry.RUN_SCOPE, "run1", action.target().subject(),
                    action.payload(fixture.mapper).toString(), action.description(), 1, ""));
            var decoded = ActionKinds.standard().decode(row, fixture.mapper);
            assertEquals(action, assertInstanceOf(ActionKinds.Decoded.Readable.class, decoded).action());
            assertFalse(action.idempotent(), action.description());
        }
    }

    @Test
    void aPostAddedWhoseAnswerWasLostIsRecognisedNotAddedAgain() {
        fixture.transport().loseTimelineAnswers.set(true);
        ActionQueue queue = fixture.queue();
        AddPostToTimeline add = AddPostToTimeline.of(run(), "p9", "DB failover", "u-me");
        queue.submit(add);
        await("the answer was lost", () -> fixture.calls("timeline-add ") == 1 && fixture.pending.get(add.target()).isPresent());
        fixture.transport().loseTimelineAnswers.set(false);

        await("settled", () -> fixture.pending.get(add.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("timeline-add "), "the run shows a new event of that post by me: not sent again");
        assertEquals(1, fromPosts().size());
    }

    @Test
    void anEarlierEventOfTheSamePostIsNotMistakenForMine() {
        fixture.transport().addPostToTimeline("run1", "u-me", "p9", "DB failover");
        AddPostToTimeline again = AddPostToTimeline.of(run(), "p9", "DB failover", "u-me");
        assertFalse(again.isSettledIn(run()), "the event was there before I asked");
        assertEquals(Action.Settlement.NOT_TAKEN, again.tookEffect(fixture.transport(), run(), 1, "alex"));
    }

    @Test
    void aRestoredSentPostAddTheServerLacksIsSentOnce() {
        AddPostToTimeline add = AddPostToTimeline.of(run(), "p9", "DB failover", "u-me");
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        restart();
        await("sent and settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(add.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("timeline-add "));
    }

    @Test
    void aManualEventIsOnePostThenThatPostAdded() {
        ActionQueue queue = fixture.queue();
        ManualTimelineEvent add = manual("Failover started");
        queue.submit(add);
        await("added and confirmed", () -> fixture.pending.get(add.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post-at "), fixture.transport().calls.toString());
        String postId = fixture.transport().channelPosts.get(0).id();
        assertEquals("Primary is read-only since 03:10", fixture.transport().channelPosts.get(0).message(),
                "the post holds the details");
        assertEquals(List.of(postId), fromPosts().stream().map(TimelineEvent::postId).toList());
        assertEquals("Failover started", fromPosts().get(0).summary());
    }

    @Test
    void aManualEventWhosePostAnswerWasLostIsNotPostedTwice() {
        fixture.transport().loseAnswers.set(true);
        ActionQueue queue = fixture.queue();
        ManualTimelineEvent add = manual("Failover started");
        queue.submit(add);
        await("the post's answer was lost", () -> fixture.calls("post-at ") == 1 && fixture.pending.get(add.target()).isPresent());
        fixture.transport().loseAnswers.set(false);

        await("settled", () -> fixture.pending.get(add.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post-at "), "my post was found in the channel and used: " + fixture.transport().calls);
        assertEquals(1, fixture.calls("timeline-add "));
        assertEquals(1, fixture.transport().channelPosts.size());
        assertEquals(1, fromPosts().size());
    }

    @Test
    void aManualEventWhoseAddAnswerWasLostIsRecognisedNotSentAgain() {
        fixture.transport().loseTimelineAnswers.set(true);
        ActionQueue queue = fixture.queue();
        ManualTimelineEvent add = manual("Failover started");
        queue.submit(add);
        await("the add's answer was lost", () -> fixture.calls("timeline-add ") == 1 && fixture.pending.get(add.target()).isPresent());
        fixture.transport().loseTimelineAnswers.set(false);

        await("settled", () -> fixture.pending.get(add.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post-at "));
        assertEquals(1, fixture.calls("timeline-add "), "the run shows my event with that summary: not sent again");
        assertEquals(1, fromPosts().size());
    }

    @Test
    void aRestoredManualEventTheServerHasIsNotSentAgain() {
        ManualTimelineEvent add = manual("Failover started");
        fixture.transport().createPostAt(run().channelId(), "Primary is read-only since 03:10", 0);
        fixture.transport().addPostToTimeline("run1", "u-me", fixture.transport().channelPosts.get(0).id(),
                "Failover started");
        fixture.transport().calls.clear();
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        restart();
        await("settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(add.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("post-at ") + fixture.calls("timeline-add "), fixture.transport().calls.toString());
    }

    @Test
    void aCrashBetweenThePostAndTheAddOnlyAddsThePost() {
        ManualTimelineEvent add = manual("Failover started");
        fixture.transport().createPostAt(run().channelId(), "Primary is read-only since 03:10", 0);
        fixture.transport().calls.clear();
        leftSentBy(add, System.currentTimeMillis() - 5_000);
        restart();
        await("settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(add.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("post-at "), "the post was made before the crash: " + fixture.transport().calls);
        assertEquals(1, fixture.calls("timeline-add "));
        assertEquals(fixture.transport().channelPosts.get(0).id(), fromPosts().get(0).postId());
    }

    @Test
    void whenTheChannelCannotShowWhetherIPostedTheEventIsUncertainAndNothingIsSent() {
        long sentAt = System.currentTimeMillis() - 5_000;
        ManualTimelineEvent add = manual("Failover started");
        for (int k = 0; k < ManualTimelineEvent.LOOK_BACK; k++) { // a busy channel: its newest posts are all newer
            fixture.transport().channelPosts.add(0, FakeTransport.post("busy" + k, run().channelId(), "u-other",
                    "chatter " + k, sentAt + 1_000 + k));
        }
        fixture.transport().calls.clear();
        leftSentBy(add, sentAt);
        restart();
        await("uncertain", () -> fixture.outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.UNCERTAIN), fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("post-at ") + fixture.calls("timeline-add "), fixture.transport().calls.toString());
    }
}
