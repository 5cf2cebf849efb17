package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kinds beyond ticks and owners, through the real queue and outbox against a scripted server:
 * finishing and restoring a run, and a status post — the first action that is not idempotent, so
 * never resent blind after a crash or a lost answer.
 */
class ActionKindsQueueTest {

    private static final String MESSAGE = "Mitigated: traffic back on the primary.";

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();

    /** The outbox as a crashed process left it: a post whose request had left (sent_at), answered or not. */
    private PostStatusUpdate postLeftBy(OutboxEntry.State state, long sentAt) {
        PostStatusUpdate post = new PostStatusUpdate("run1", "k1", MESSAGE, 3600);
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c1", post.kind().id(), post.kind().version(),
                OutboxEntry.RUN_SCOPE, "run1", post.target().subject(), post.payload(fixture.mapper).toString(),
                post.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        fixture.outbox().update(row.seq(), state, "", false);
        return post;
    }

    @Test
    void finishThenRestoreAreSentOnceEachAndConfirmedByTheRun() {
        ActionQueue queue = fixture.queue();

        queue.submit(new FinishRun("run1", "DB outage"));
        await("finished", () -> fixture.pending.all().isEmpty() && fixture.server.get("run1").isFinished(), fixture.transport().calls::toString);
        queue.submit(new RestoreRun("run1", "DB outage"));
        await("restored", () -> fixture.pending.all().isEmpty() && !fixture.server.get("run1").isFinished(), fixture.transport().calls::toString);

        assertEquals(List.of("finish run1", "restore run1"), fixture.transport().calls);
        await("outbox emptied", () -> fixture.outbox().entries().isEmpty());
    }

    @Test
    void aFinishQueuedOfflineDoesNotConflictWithTheRunBeingFinishedMeanwhile() {
        fixture.transport().unreachable(true);
        ActionQueue queue = fixture.queue();
        queue.submit(new FinishRun("run1", "DB outage"));
        await("waiting", () -> fixture.pending.all().stream().anyMatch(p -> !p.error().isEmpty()));
        fixture.server.compute("run1", (id, run) -> TestRunsFactory.finishedBy(run, "u3", System.currentTimeMillis()));
        long triedOffline = fixture.calls("finish");

        fixture.transport().unreachable(false);
        queue.retryNow();

        await("done without sending", () -> fixture.pending.all().isEmpty(), () -> fixture.pending.all().toString());
        assertEquals(triedOffline, fixture.calls("finish"), "someone else's finish is the effect mine wanted: nothing more sent");
    }

    @Test
    void aTickOnARunFinishedMeanwhileIsAConflictNamingTheFinish() {
        fixture.transport().unreachable(true);
        ActionQueue queue = fixture.queue();
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        await("waiting", () -> fixture.pending.all().stream().anyMatch(p -> !p.error().isEmpty()));
        fixture.server.compute("run1", (id, run) -> TestRunsFactory.finishedBy(run, "u3", System.currentTimeMillis()));

        fixture.transport().unreachable(false);
        queue.retryNow();

        await("conflict", () -> fixture.pending.all().stream().anyMatch(PendingAction::conflicted));
        assertEquals(ActionConflict.Kind.RUN_FINISHED, fixture.pending.all().get(0).conflict().orElseThrow().kind());
    }

    /** Any action as a crashed process left it, after its request had left at {@code sentAt}. */
    private void leftBy(Action action, OutboxEntry.State state, long sentAt) {
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c2", action.kind().id(), action.kind().version(),
                OutboxEntry.RUN_SCOPE, action.runId(), action.target().subject(), action.payload(fixture.mapper).toString(),
                action.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        fixture.outbox().update(row.seq(), state, "", false);
    }

    /** Issue #15: a snooze and a request are not idempotent either: restored, they are looked for, not resent. */
    @Test
    void aRestoredSentSnoozeTheServerShowsIsNotSentAgainAndAMissingRequestIsSentOnce() {
        long sentAt = System.currentTimeMillis() - 5_000;
        com.fasterxml.jackson.databind.node.ObjectNode tree = fixture.mapper.valueToTree(fixture.server.get("run1"));
        tree.put("previous_reminder", 900L * 1_000_000_000L);
        tree.withArray("timeline_events").addObject().put("id", "e9").put("event_type", "status_update_snoozed")
                .put("event_at", sentAt + 30).put("create_at", sentAt + 30);
        fixture.server.put("run1", fixture.mapper.convertValue(tree, com.incidentconsole.wire.PlaybookRun.class));
        ResetReminder snooze = ResetReminder.snooze("run1", Duration.ofMinutes(15));
        leftBy(snooze, OutboxEntry.State.SENT, sentAt);
        RequestStatusUpdate request = new RequestStatusUpdate("run1", "DB outage");
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c3", request.kind().id(), request.kind().version(),
                OutboxEntry.RUN_SCOPE, "run1", request.target().subject(), request.payload(fixture.mapper).toString(),
                request.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.all().isEmpty(), fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("reminder"), "the snooze is on the run: not sent twice");
        assertEquals(1, fixture.calls("request"), "no request of mine on the run: sent once");
    }

    @Test
    void aRestoredSentStatusPostThatTheServerShowsIsNotPostedAgain() {
        long sentAt = System.currentTimeMillis() - 5_000;
        fixture.transport().posts.add(new StatusPostComplete("p0", sentAt + 40, 0, 0, MESSAGE, "alex"));
        PostStatusUpdate post = postLeftBy(OutboxEntry.State.SENT, sentAt);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("settled", () -> fixture.outbox().entries().isEmpty() && fixture.pending.get(post.target()).isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.calls("post"), "found among the run's status posts: not posted twice");
        assertEquals(1, fixture.transport().posts.size());
    }

    @Test
    void aPostWhoseAnswerWasLostIsLookedForBeforeItIsSentAgain() {
        fixture.transport().loseAnswers.set(true);
        ActionQueue queue = fixture.queue();
        PostStatusUpdate post = PostStatusUpdate.of("run1", MESSAGE, Duration.ofHours(1));

        queue.submit(post);
        await("the answer was lost", () -> fixture.calls("post") == 1 && fixture.calls("status-updates") >= 1
                || fixture.pending.get(post.target()).map(p -> !p.error().isEmpty()).orElse(false));
        fixture.transport().loseAnswers.set(false);

        await("settled", () -> fixture.pending.get(post.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post"), "applied once, found on the server, not resent");
        assertEquals(1, fixture.transport().posts.size());
    }

    @Test
    void aRestoredPostTheServerCannotVouchForIsUncertainUntilTheUserSendsItAgain() {
        long sentAt = System.currentTimeMillis();
        // The same text by me a minute before my request: mine with a skewed clock, or an earlier one of mine?
        fixture.transport().posts.add(new StatusPostComplete("p0", sentAt - 60_000, 0, 0, MESSAGE, "alex"));
        PostStatusUpdate post = postLeftBy(OutboxEntry.State.SENT, sentAt);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("uncertain", () -> fixture.pending.get(post.target()).map(PendingAction::uncertain).orElse(false),
                () -> fixture.pending.all().toString());
        assertEquals(0, fixture.calls("post"), "not resent blind");
        PendingAction doubt = fixture.pending.get(post.target()).orElseThrow();
        assertEquals(MESSAGE, doubt.desiredValue(), "mine is shown");
        assertTrue(doubt.error().contains("cannot tell"), doubt.error());
        await("kept in the outbox as uncertain", () -> fixture.outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.UNCERTAIN));

        restarted.retry(post.target()); // "send again"

        await("sent and settled", () -> fixture.pending.get(post.target()).isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post"));
        assertEquals(2, fixture.transport().posts.size());
    }

    @Test
    void aRestoredPostTheServerCertainlyLacksIsSentOnce() {
        PostStatusUpdate post = postLeftBy(OutboxEntry.State.PENDING, System.currentTimeMillis() - 1_000);
        ActionQueue restarted = fixture.queue();

        restarted.restore();
        restarted.resume();

        await("sent", () -> fixture.pending.get(post.target()).isEmpty() && fixture.outbox().entries().isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(1, fixture.calls("post"));
    }
}
