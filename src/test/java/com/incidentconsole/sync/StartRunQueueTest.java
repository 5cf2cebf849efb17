package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.store.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Starting a run through the real queue and outbox (ADR 0025): a team-scoped action with no run to judge
 * against, made exactly once whatever the network does — queued offline, looked for after a lost answer
 * or a crash, uncertain when the server cannot tell — and an announcement never posted twice.
 */
class StartRunQueueTest {

    @RegisterExtension
    final QueueFixture fixture = new QueueFixture();


    private static StartRun start() {
        return StartRun.of("team1", "pb1", "Acme EU app servers degraded", "Latency 5x", "", "", "u-me");
    }

    /** The outbox as a crashed process left it: a start whose request had left at {@code sentAt}. */
    private StartRun startLeftBy(OutboxEntry.State state, long sentAt) {
        StartRun start = start();
        OutboxEntry row = fixture.outbox().append(new OutboxEntry.New("c1", start.kind().id(), start.kind().version(),
                start.scope().kind().stored(), start.scope().id(), start.target().subject(),
                start.payload(fixture.mapper).toString(), start.description(), sentAt - 10, ""));
        fixture.outbox().markSending(row.seq(), sentAt);
        fixture.outbox().update(row.seq(), state, "", false);
        return start;
    }

    @Test
    void aStartIsShownAtOnceMadeOnceAndTheNewRunIsInTheStoreWhenTheAnswerComes() {
        StartRun start = start();
        fixture.queue().submit(start);
        assertTrue(fixture.pending.get(start.target()).isPresent(), "shown pending at once");

        await("started", () -> fixture.pending.all().isEmpty() && fixture.outbox().entries().isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.transport().started.size());
        assertTrue(fixture.store.get(fixture.transport().started.get(0).id()).isPresent(), "the new run can be opened at once");
        assertTrue(fixture.transport().calls.stream().noneMatch(c -> c.startsWith("get team1")), "no run fetched for a team");
    }

    @Test
    void aStartQueuedOfflineIsMadeExactlyOnceWhenTheServerAnswers() {
        fixture.transport().unreachable(true);
        ActionQueue queue = fixture.queue();
        StartRun start = start();
        queue.submit(start);
        await("waiting, visibly", () -> fixture.pending.get(start.target()).filter(p -> !p.error().isEmpty()).isPresent());
        assertTrue(fixture.outbox().entries().stream().anyMatch(e -> e.kind().equals("start_run")
                && e.scopeKind().equals("team") && e.scopeId().equals("team1")), "on disk, as a team's action");

        fixture.transport().unreachable(false);
        queue.retryNow();

        await("started once", () -> fixture.pending.all().isEmpty() && fixture.outbox().entries().isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.transport().started.size());
    }

    @Test
    void aLostAnswerIsLookedForNotResent() {
        fixture.transport().loseAnswers.set(true);
        ActionQueue queue = fixture.queue();
        StartRun start = start();
        queue.submit(start);
        await("the answer lost", () -> fixture.pending.get(start.target()).filter(p -> !p.error().isEmpty()).isPresent());
        fixture.transport().loseAnswers.set(false);
        queue.retryNow();

        await("found, done", () -> fixture.pending.all().isEmpty() && fixture.outbox().entries().isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.transport().started.size(), "made once: " + fixture.transport().calls);
    }

    @Test
    void aRestoredSentButUnconfirmedStartTheServerShowsIsNotMadeAgain() {
        long sentAt = System.currentTimeMillis() - 5_000;
        StartRun start = startLeftBy(OutboxEntry.State.SENT, sentAt);
        fixture.transport().started.add(FakeTransport.startedRun("made", "team1", start.name(), "u-me", sentAt + 80));
        ActionQueue restarted = fixture.queue();
        restarted.restore();
        restarted.resume();

        await("settled without sending", () -> fixture.outbox().entries().isEmpty() && fixture.pending.all().isEmpty(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.transport().calls.stream().filter(c -> c.startsWith("start")).count());
        assertEquals(1, fixture.transport().started.size());
    }

    @Test
    void aRestoredStartTheServerCannotPlaceIsUncertainUntilTheUserSendsItAgain() {
        long sentAt = System.currentTimeMillis() - 5_000;
        StartRun start = startLeftBy(OutboxEntry.State.SENT, sentAt);
        fixture.transport().started.add(FakeTransport.startedRun("maybe", "team1", start.name(), "u-me", sentAt - 60_000));
        ActionQueue restarted = fixture.queue();
        restarted.restore();
        restarted.resume();

        await("uncertain", () -> fixture.pending.get(start.target()).filter(PendingAction::uncertain).isPresent(),
                fixture.transport().calls::toString);
        assertEquals(0, fixture.transport().calls.stream().filter(c -> c.startsWith("start")).count(), "never sent blind");

        restarted.retry(start.target());
        await("sent on the user's word", () -> fixture.pending.all().isEmpty() && fixture.outbox().entries().isEmpty());
        assertEquals(2, fixture.transport().started.size());
    }

    @Test
    void anAnnouncementWhoseAnswerWasLostIsNotPostedTwice() {
        fixture.transport().loseAnswers.set(true);
        ActionQueue queue = fixture.queue();
        AnnounceRun announce = AnnounceRun.of("run1", "chan1", "~incidents", "📣 Checkout latency spike", "u-me");
        queue.submit(announce);
        await("the answer lost", () -> fixture.pending.get(announce.target()).filter(p -> !p.error().isEmpty()).isPresent());
        fixture.transport().loseAnswers.set(false);
        queue.retryNow();

        await("found, done", () -> fixture.pending.all().isEmpty() && fixture.outbox().entries().isEmpty(), fixture.transport().calls::toString);
        assertEquals(1, fixture.transport().channelPosts.size());
    }
}
