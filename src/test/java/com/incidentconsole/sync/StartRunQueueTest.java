package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting a run through the real queue and outbox (ADR 0025): a team-scoped action with no run to judge
 * against, made exactly once whatever the network does — queued offline, looked for after a lost answer
 * or a crash, uncertain when the server cannot tell — and an announcement never posted twice.
 */
class StartRunQueueTest {

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final Map<String, PlaybookRun> server = new ConcurrentHashMap<>();
    private final RunStore store = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private LocalStore local;
    private FakeTransport transport;

    @BeforeEach
    void setUp() {
        local = LocalStore.open(dir.resolve("store.db"));
        server.put("run1", TestRunsFactory.run("run1"));
        store.upsert(server.get("run1"));
        transport = new FakeTransport(server::get, (runId, change) -> store.upsert(server.compute(runId,
                (id, run) -> change.apply(run))));
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        local.close();
    }

    private ActionQueue queue() {
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        return new ActionQueue(outbox(), transport, store, pending, new UserDirectory(), worker, Clock.systemUTC(),
                fast, mapper, Duration.ofMillis(50), () -> { }, () -> "alex", Optional.empty());
    }

    private Outbox outbox() {
        return local.outbox("https://chat.example.com");
    }

    private static StartRun start() {
        return StartRun.of("team1", "pb1", "Acme EU app servers degraded", "Latency 5x", "", "", "u-me");
    }

    /** The outbox as a crashed process left it: a start whose request had left at {@code sentAt}. */
    private StartRun startLeftBy(OutboxEntry.State state, long sentAt) {
        StartRun start = start();
        OutboxEntry row = outbox().append(new OutboxEntry.New("c1", start.kind().id(), start.kind().version(),
                start.scope().kind().stored(), start.scope().id(), start.target().subject(),
                start.payload(mapper).toString(), start.description(), sentAt - 10, ""));
        outbox().markSending(row.seq(), sentAt);
        outbox().update(row.seq(), state, "", false);
        return start;
    }

    @Test
    void aStartIsShownAtOnceMadeOnceAndTheNewRunIsInTheStoreWhenTheAnswerComes() {
        StartRun start = start();
        queue().submit(start);
        assertTrue(pending.get(start.target()).isPresent(), "shown pending at once");

        await("started", () -> pending.all().isEmpty() && outbox().entries().isEmpty(), transport.calls::toString);
        assertEquals(1, transport.started.size());
        assertTrue(store.get(transport.started.get(0).id()).isPresent(), "the new run can be opened at once");
        assertTrue(transport.calls.stream().noneMatch(c -> c.startsWith("get team1")), "no run fetched for a team");
    }

    @Test
    void aStartQueuedOfflineIsMadeExactlyOnceWhenTheServerAnswers() {
        transport.unreachable(true);
        ActionQueue queue = queue();
        StartRun start = start();
        queue.submit(start);
        await("waiting, visibly", () -> pending.get(start.target()).filter(p -> !p.error().isEmpty()).isPresent());
        assertTrue(outbox().entries().stream().anyMatch(e -> e.kind().equals("start_run")
                && e.scopeKind().equals("team") && e.scopeId().equals("team1")), "on disk, as a team's action");

        transport.unreachable(false);
        queue.retryNow();

        await("started once", () -> pending.all().isEmpty() && outbox().entries().isEmpty(), transport.calls::toString);
        assertEquals(1, transport.started.size());
    }

    @Test
    void aLostAnswerIsLookedForNotResent() {
        transport.loseAnswers.set(true);
        ActionQueue queue = queue();
        StartRun start = start();
        queue.submit(start);
        await("the answer lost", () -> pending.get(start.target()).filter(p -> !p.error().isEmpty()).isPresent());
        transport.loseAnswers.set(false);
        queue.retryNow();

        await("found, done", () -> pending.all().isEmpty() && outbox().entries().isEmpty(), transport.calls::toString);
        assertEquals(1, transport.started.size(), "made once: " + transport.calls);
    }

    @Test
    void aRestoredSentButUnconfirmedStartTheServerShowsIsNotMadeAgain() {
        long sentAt = System.currentTimeMillis() - 5_000;
        StartRun start = startLeftBy(OutboxEntry.State.SENT, sentAt);
        transport.started.add(FakeTransport.startedRun("made", "team1", start.name(), "u-me", sentAt + 80));
        ActionQueue restarted = queue();
        restarted.restore();
        restarted.resume();

        await("settled without sending", () -> outbox().entries().isEmpty() && pending.all().isEmpty(),
                transport.calls::toString);
        assertEquals(0, transport.calls.stream().filter(c -> c.startsWith("start")).count());
        assertEquals(1, transport.started.size());
    }

    @Test
    void aRestoredStartTheServerCannotPlaceIsUncertainUntilTheUserSendsItAgain() {
        long sentAt = System.currentTimeMillis() - 5_000;
        StartRun start = startLeftBy(OutboxEntry.State.SENT, sentAt);
        transport.started.add(FakeTransport.startedRun("maybe", "team1", start.name(), "u-me", sentAt - 60_000));
        ActionQueue restarted = queue();
        restarted.restore();
        restarted.resume();

        await("uncertain", () -> pending.get(start.target()).filter(PendingAction::uncertain).isPresent(),
                transport.calls::toString);
        assertEquals(0, transport.calls.stream().filter(c -> c.startsWith("start")).count(), "never sent blind");

        restarted.retry(start.target());
        await("sent on the user's word", () -> pending.all().isEmpty() && outbox().entries().isEmpty());
        assertEquals(2, transport.started.size());
    }

    @Test
    void anAnnouncementWhoseAnswerWasLostIsNotPostedTwice() {
        transport.loseAnswers.set(true);
        ActionQueue queue = queue();
        AnnounceRun announce = AnnounceRun.of("run1", "chan1", "~incidents", "📣 Checkout latency spike", "u-me");
        queue.submit(announce);
        await("the answer lost", () -> pending.get(announce.target()).filter(p -> !p.error().isEmpty()).isPresent());
        transport.loseAnswers.set(false);
        queue.retryNow();

        await("found, done", () -> pending.all().isEmpty() && outbox().entries().isEmpty(), transport.calls::toString);
        assertEquals(1, transport.channelPosts.size());
    }
}
