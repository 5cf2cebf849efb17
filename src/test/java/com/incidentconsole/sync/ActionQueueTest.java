package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of the outbox, against a scripted server: an action shows at once, stays pending
 * through server trouble, fails visibly on refusal, and survives a restart.
 */
@BesideOtherTests
class ActionQueueTest {

    private static final ActionTarget ITEM_2 = ActionTarget.item("run1", "i2");

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final Map<String, PlaybookRun> server = new ConcurrentHashMap<>();
    /** When set, the server's changes reach the client as events (the store); when clear, events are lost. */
    private final AtomicBoolean eventsFlow = new AtomicBoolean(true);
    private final RunStore store = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final UserDirectory users = new UserDirectory();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private LocalStore local;
    private FakeTransport transport;

    @BeforeEach
    void setUp() {
        local = LocalStore.open(dir.resolve("store.db"));
        users.putAll(List.of(TestRuns.user("u1", "alex", "Alex", "Rivera"), TestRuns.user("u2", "dana", "Dana", "Fox"),
                TestRuns.user("u3", "sam", "Sam", "Lee"), TestRuns.user("u4", "kim", "Kim", "Park")));
        server.put("run1", TestRunsFactory.run("run1"));
        store.upsert(server.get("run1"));
        transport = new FakeTransport(server::get, (runId, change) -> {
            PlaybookRun changed = server.compute(runId, (id, run) -> change.apply(run));
            if (eventsFlow.get()) {
                store.upsert(changed);
            }
        });
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        local.close();
    }

    private ActionQueue queue(Outbox outbox) {
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        return new ActionQueue(outbox, transport, store, pending, users, worker, Clock.systemUTC(), fast, mapper,
                Duration.ofMillis(50));
    }

    private Outbox outbox() {
        return local.outbox("https://chat.example.com");
    }

    private String stateOnServer(String itemId) {
        return server.get("run1").checklists().get(0).items().stream().filter(i -> i.id().equals(itemId))
                .findFirst().orElseThrow().state();
    }

    @Test
    void aTickShowsAtOnceAndClearsWhenTheServerConfirmsIt() {
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        PendingAction shown = pending.get(ITEM_2).orElseThrow();
        assertEquals(ChecklistItem.CLOSED, shown.desiredValue(), "the intended state shows before any answer");
        assertEquals("Tick “Open a bridge”", shown.description());
        await("confirmation", () -> pending.get(ITEM_2).isEmpty());
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
        assertEquals(List.of("state run1 0/1 closed"), transport.calls);
        await("outbox emptied", () -> outbox().entries().isEmpty());
    }

    @Test
    void serverErrorsKeepTheActionPendingAndRetryUntilAccepted() {
        transport.failNext(FakeTransport.serverError(503, "maintenance"))
                .failNext(FakeTransport.rateLimited(Duration.ofMillis(30)));
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        await("confirmed after retries", () -> pending.get(ITEM_2).isEmpty(), () -> transport.calls.toString());
        assertEquals(List.of("state run1 0/1 closed", "get run1", "get run1", "state run1 0/1 closed"), transport.calls,
                "refused with 503; the check before resending is rate limited (429); then checked and accepted");
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
    }

    @Test
    void anEndedSessionKeepsEveryActionPendingInOrderUntilResumedAfterSigningIn() {
        transport.failNext(FakeTransport.serverError(401, "Invalid or expired session, please login again."));
        java.util.concurrent.atomic.AtomicInteger sessionEnded = new java.util.concurrent.atomic.AtomicInteger();
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        ActionQueue queue = new ActionQueue(outbox(), transport, store, pending, users, worker, Clock.systemUTC(), fast,
                mapper, Duration.ofMillis(50), sessionEnded::incrementAndGet);
        ActionTarget item1 = ActionTarget.item("run1", "i1");

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        await("the session end is reported", () -> sessionEnded.get() == 1);
        queue.setItemState("run1", "i1", ChecklistItem.CLOSED);
        await("both wait for sign-in, visibly", () -> pending.all().size() == 2 && pending.all().stream()
                .allMatch(p -> p.error().equals(ActionQueue.WAITING_FOR_SIGN_IN)), () -> pending.all().toString());
        queue.retryNow(); // only signing in can help: nothing is sent
        await("both in the outbox, pending", () -> outbox().entries().size() == 2 && outbox().entries().stream()
                .allMatch(e -> e.state() == OutboxEntry.State.PENDING));
        assertFalse(pending.all().stream().anyMatch(PendingAction::failed), "a 401 fails nothing the user did");
        assertEquals(List.of("state run1 0/1 closed"), transport.calls, "nothing more went out with the ended session");
        assertEquals(1, sessionEnded.get(), "reported once");

        queue.resume(); // signed in again, runs loaded

        await("both confirmed", () -> pending.all().isEmpty(), () -> transport.calls.toString());
        assertEquals(List.of("state run1 0/1 closed", "get run1", "state run1 0/1 closed", "get run1",
                "state run1 0/0 closed"),
                transport.calls, "replayed in the order the user acted, each checked against the server first");
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i1"));
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
        assertTrue(pending.get(item1).isEmpty());
    }

    @Test
    void a403IsARealRefusalAndFailsVisiblyWithoutEndingTheSession() {
        transport.failNext(FakeTransport.serverError(403, "You do not have permission"));
        java.util.concurrent.atomic.AtomicInteger sessionEnded = new java.util.concurrent.atomic.AtomicInteger();
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        ActionQueue queue = new ActionQueue(outbox(), transport, store, pending, users, worker, Clock.systemUTC(), fast,
                mapper, Duration.ofMillis(50), sessionEnded::incrementAndGet);

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        await("failed visibly", () -> pending.get(ITEM_2).map(PendingAction::failed).orElse(false));
        await("failed in the outbox", () -> outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.FAILED));
        assertEquals(0, sessionEnded.get(), "a refusal of the action, not the end of the session");
    }

    @Test
    void aRefusalStaysVisibleWithTheServersMessageAndCanBeRetried() {
        transport.failNext(FakeTransport.serverError(403, "Not authorized"));
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        await("visible failure", () -> pending.get(ITEM_2).map(PendingAction::failed).orElse(false));
        assertEquals("Server refused (403): Not authorized", pending.get(ITEM_2).orElseThrow().error());
        assertEquals(ChecklistItem.OPEN, stateOnServer("i2"), "nothing applied");
        await("failure recorded in the outbox", () -> outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.FAILED));

        queue.retry(ITEM_2);

        await("confirmed after retry", () -> pending.get(ITEM_2).isEmpty());
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
    }

    @Test
    void dismissingAFailedActionRemovesItFromTheOutbox() {
        transport.failNext(FakeTransport.serverError(400, "cannot modify a finished run"));
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        await("visible failure", () -> pending.get(ITEM_2).map(PendingAction::failed).orElse(false));

        pending.dismiss(ITEM_2);

        await("outbox emptied", () -> outbox().entries().isEmpty());
    }

    @Test
    void offlineActionsWaitAndGoOutInTheOrderTheUserActed() {
        transport.failNext(FakeTransport.offline()).failNext(FakeTransport.offline());
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i1", ChecklistItem.CLOSED);
        queue.changeOwner("run1", "u2");
        queue.setItemState("run1", "i2", ChecklistItem.SKIPPED);

        await("all confirmed", () -> pending.all().isEmpty(), () -> transport.calls.toString());
        // Two calls fail offline; after that, each waited action is checked against the server, then sent.
        List<String> changes = transport.calls.subList(2, transport.calls.size()).stream()
                .filter(call -> !call.startsWith("get")).toList();
        assertEquals(List.of("state run1 0/0 closed", "owner run1 u2", "state run1 0/1 skipped"), changes);
    }

    @Test
    void aLostEventIsSettledByAskingTheServer() {
        eventsFlow.set(false);
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        await("confirmed by a fetch", () -> pending.get(ITEM_2).isEmpty());
        assertTrue(transport.calls.contains("get run1"));
        assertEquals(ChecklistItem.CLOSED, store.get("run1").orElseThrow().item(0, 1).orElseThrow().state());
    }

    @Test
    void actionsSavedBeforeACrashAreReplayedOnceAfterRestart() {
        Outbox before = outbox();
        before.append("item_state", "run1", "item:i2",
                "{\"item_id\":\"i2\",\"item_title\":\"Open a bridge\",\"new_state\":\"closed\"}", "Tick", 1);
        before.append("owner", "run1", "owner", "{\"owner_id\":\"u2\",\"owner_name\":\"Sam\"}", "Owner", 2);

        ActionQueue restarted = queue(outbox());
        restarted.restore();
        await("restored as pending", () -> pending.all().size() == 2);
        restarted.resume();

        await("replayed and confirmed", () -> pending.all().isEmpty());
        assertEquals(List.of("get run1", "state run1 0/1 closed", "get run1", "owner run1 u2"), transport.calls,
                "each restored action is compared with the server's run before it is sent");
        await("outbox emptied", () -> outbox().entries().isEmpty());
    }

    // --- Replay checks the server first: conflicts, and what the server already shows ---

    private static final ActionTarget OWNER = ActionTarget.owner("run1");

    /** A colleague changes the server while this console cannot hear about it (it is offline). */
    private void colleague(java.util.function.UnaryOperator<PlaybookRun> change) {
        server.compute("run1", (id, run) -> change.apply(run));
    }

    private long sentChanges(String prefix) {
        return transport.calls.stream().filter(call -> call.startsWith(prefix)).count();
    }

    private void goOfflineAndWaitUntilQueued(ActionTarget target) {
        await("the action waits for the server", () -> pending.get(target)
                .map(p -> p.error().startsWith("Waiting for the server")).orElse(false));
    }

    private ActionConflict conflictOn(ActionTarget target) {
        await("a conflict", () -> pending.get(target).map(PendingAction::conflicted).orElse(false),
                () -> transport.calls + " " + pending.get(target));
        return pending.get(target).orElseThrow().conflict().orElseThrow();
    }

    @Test
    void aTickQueuedOfflineBecomesAConflictWhenAColleagueChangedTheSameItem() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        goOfflineAndWaitUntilQueued(ITEM_2);
        colleague(run -> TestRunsFactory.changedBy(run, 0, 1, ChecklistItem.SKIPPED, "u3", 4_000));

        transport.unreachable(false);

        ActionConflict conflict = conflictOn(ITEM_2);
        assertEquals(new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.OPEN, ChecklistItem.SKIPPED, "u3",
                4_000, ""), conflict, "both versions: open when I acted, skipped by Sam on the server");
        assertTrue(conflict.canApplyMine());
        assertEquals(ChecklistItem.SKIPPED, stateOnServer("i2"), "the colleague's change stands");
        assertEquals(1, sentChanges("state"), "only the attempt that never reached the server");
        PendingAction shown = pending.get(ITEM_2).orElseThrow();
        assertEquals(ChecklistItem.CLOSED, shown.desiredValue(), "my intent is kept, not reverted");
        assertEquals("Conflict — server now: skipped by Sam Lee. Ctrl+Shift+O to choose.", shown.error());
        await("recorded in the outbox", () -> outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.CONFLICT && !e.conflict().isEmpty()));
    }

    @Test
    void aQueuedTickTheServerAlreadyShowsIsSettledWithoutSending() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        goOfflineAndWaitUntilQueued(ITEM_2);
        colleague(run -> TestRunsFactory.changedBy(run, 0, 1, ChecklistItem.CLOSED, "u3", 4_000));

        transport.unreachable(false);

        await("settled", () -> pending.get(ITEM_2).isEmpty(), () -> transport.calls.toString());
        assertEquals(1, sentChanges("state"), "not sent again: the server already shows it");
        await("outbox emptied", () -> outbox().entries().isEmpty());
    }

    @Test
    void anOwnerChangeQueuedOfflineConflictsWhenSomeoneElseWasMadeOwner() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.changeOwner("run1", "u2");
        goOfflineAndWaitUntilQueued(OWNER);
        colleague(run -> TestRunsFactory.ownerChangedBy(run, "u3", "u3", 5_000));

        transport.unreachable(false);

        assertEquals(new ActionConflict(ActionConflict.Kind.CHANGED, "u1", "u3", "u3", 5_000, ""), conflictOn(OWNER));
        assertEquals("u3", server.get("run1").ownerUserId());
        assertEquals("Conflict — server now: Sam Lee is the commander (changed by Sam Lee). Ctrl+Shift+O to choose.",
                pending.get(OWNER).orElseThrow().error());
    }

    @Test
    void anOwnerChangeTheServerAlreadyShowsIsDone() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.changeOwner("run1", "u2");
        goOfflineAndWaitUntilQueued(OWNER);
        colleague(run -> TestRunsFactory.ownerChangedBy(run, "u2", "u3", 5_000));

        transport.unreachable(false);

        await("settled", () -> pending.get(OWNER).isEmpty());
        assertEquals(1, sentChanges("owner"));
    }

    @Test
    void aRunFinishedMeanwhileIsAConflictThatCannotBeAppliedAnyway() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        goOfflineAndWaitUntilQueued(ITEM_2);
        colleague(run -> TestRunsFactory.finishedBy(run, "u3", 6_000));

        transport.unreachable(false);

        ActionConflict conflict = conflictOn(ITEM_2);
        assertEquals(new ActionConflict(ActionConflict.Kind.RUN_FINISHED, ChecklistItem.OPEN, ChecklistItem.OPEN, "u3",
                6_000, ""), conflict);
        assertFalse(conflict.canApplyMine(), "the server refuses changes to a finished run");
        assertEquals(ChecklistItem.OPEN, stateOnServer("i2"));
    }

    @Test
    void aRunRestoredSinceTheUserActedOnItIsAConflict() {
        Outbox before = outbox();
        before.append("item_state", "run1", "item:i2",
                "{\"item_id\":\"i2\",\"item_title\":\"Open a bridge\",\"new_state\":\"closed\"}", "Tick", 1,
                "{\"value\":\"\",\"assignee\":\"\",\"owner_id\":\"u1\",\"run_status\":\"Finished\",\"run_update_at\":900}");
        colleague(run -> TestRunsFactory.restoredBy(run, "u3", 7_000));

        ActionQueue restarted = queue(outbox());
        restarted.restore();
        restarted.resume();

        ActionConflict conflict = conflictOn(ITEM_2);
        assertEquals(ActionConflict.Kind.RUN_RESTORED, conflict.kind());
        assertEquals("u3", conflict.byUserId());
        assertEquals(0, sentChanges("state"));
    }

    @Test
    void anItemDeletedMeanwhileIsAConflict() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        goOfflineAndWaitUntilQueued(ITEM_2);
        colleague(run -> TestRunsFactory.withoutItem(run, 0, 1));

        transport.unreachable(false);

        ActionConflict conflict = conflictOn(ITEM_2);
        assertEquals(ActionConflict.Kind.ITEM_GONE, conflict.kind());
        assertFalse(conflict.canApplyMine());
        assertEquals(1, sentChanges("state"));
    }

    @Test
    void aRefusalTheRunExplainsIsAConflictWithTheServersWords() {
        eventsFlow.set(false); // the finish has not reached this console when the tick goes out
        colleague(run -> TestRunsFactory.finishedBy(run, "u3", 6_000));
        transport.failNext(FakeTransport.serverError(400, "cannot modify a finished run"));
        ActionQueue queue = queue(outbox());

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        ActionConflict conflict = conflictOn(ITEM_2);
        assertEquals(ActionConflict.Kind.RUN_FINISHED, conflict.kind());
        assertEquals("cannot modify a finished run (400)", conflict.serverMessage());
        assertTrue(pending.get(ITEM_2).orElseThrow().error().contains("server said: cannot modify a finished run"),
                pending.get(ITEM_2).orElseThrow().error());
    }

    @Test
    void applyMineSendsTheActionAndTheServerShowsMine() {
        ActionQueue queue = conflictedTick();

        queue.retry(ITEM_2);

        await("confirmed", () -> pending.get(ITEM_2).isEmpty(), () -> transport.calls.toString());
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
        await("outbox emptied", () -> outbox().entries().isEmpty());
    }

    @Test
    void keepTheirsDiscardsMineAndLeavesTheServerAlone() {
        conflictedTick();
        long sent = sentChanges("state");

        pending.dismiss(ITEM_2);

        await("outbox emptied", () -> outbox().entries().isEmpty());
        assertTrue(pending.get(ITEM_2).isEmpty());
        assertEquals(ChecklistItem.SKIPPED, stateOnServer("i2"));
        assertEquals(sent, sentChanges("state"), "nothing sent");
    }

    @Test
    void applyMineConflictsAgainWhenTheServerMovedOnAfterTheChoiceWasShown() {
        ActionQueue queue = conflictedTick();
        colleague(run -> TestRunsFactory.changedBy(run, 0, 1, ChecklistItem.IN_PROGRESS, "u4", 8_000));

        queue.retry(ITEM_2);

        await("a new conflict, with the newer server version", () -> pending.get(ITEM_2)
                .flatMap(PendingAction::conflict).map(c -> c.serverValue().equals(ChecklistItem.IN_PROGRESS))
                .orElse(false), () -> pending.get(ITEM_2).toString());
        ActionConflict again = pending.get(ITEM_2).orElseThrow().conflict().orElseThrow();
        assertEquals(ChecklistItem.SKIPPED, again.baseValue(), "the version I chose to override is the new base");
        assertEquals(ChecklistItem.IN_PROGRESS, stateOnServer("i2"));
    }

    @Test
    void aConflictSurvivesARestartWithBothVersionsAndCanStillBeApplied() {
        conflictedTick();
        PendingAction before = pending.get(ITEM_2).orElseThrow();

        PendingActions afterRestart = new PendingActions();
        ActionQueue restarted = new ActionQueue(outbox(), transport, store, afterRestart, users, worker,
                Clock.systemUTC(), new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO,
                new SplittableRandom(1)), mapper, Duration.ofMillis(50));
        restarted.restore();
        restarted.resume();

        await("restored", () -> afterRestart.get(ITEM_2).isPresent());
        PendingAction restored = afterRestart.get(ITEM_2).orElseThrow();
        assertEquals(before.conflict(), restored.conflict());
        assertEquals(before.error(), restored.error());
        assertEquals(before.startedAt().toEpochMilli(), restored.startedAt().toEpochMilli(), "when I acted, kept");

        restarted.retry(ITEM_2);
        await("applied after the restart", () -> afterRestart.get(ITEM_2).isEmpty());
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
    }

    @Test
    void rateLimitedActionsWaitAsLongAsTheServerAsks() {
        transport.failNext(FakeTransport.rateLimited(Duration.ofMillis(300)));
        ActionQueue queue = queue(outbox());
        long start = System.nanoTime();

        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

        await("confirmed", () -> pending.get(ITEM_2).isEmpty());
        long waitedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(waitedMs >= 300, "Retry-After 300 ms wins over a 5–20 ms backoff; waited " + waitedMs + " ms");
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
    }

    @Test
    void tickingThenReopeningBeforeTheEventArrivesSendsBoth() {
        eventsFlow.set(false); // the server's confirmation of the tick has not arrived when the user reopens
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        await("the tick is sent", () -> transport.calls.contains("state run1 0/1 closed"));

        queue.setItemState("run1", "i2", ChecklistItem.OPEN);

        await("both settled", () -> pending.all().isEmpty(), () -> transport.calls + " " + pending.all());
        assertEquals(ChecklistItem.OPEN, stateOnServer("i2"), "the reopen was not mistaken for already done");
        assertTrue(transport.calls.contains("state run1 0/1 "), transport.calls.toString());
    }

    /** Ticks i2 offline while a colleague (Sam Lee) skips it: a conflict. */
    private ActionQueue conflictedTick() {
        transport.unreachable(true);
        ActionQueue queue = queue(outbox());
        queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
        goOfflineAndWaitUntilQueued(ITEM_2);
        colleague(run -> TestRunsFactory.changedBy(run, 0, 1, ChecklistItem.SKIPPED, "u3", 4_000));
        transport.unreachable(false);
        conflictOn(ITEM_2);
        await("conflict recorded", () -> outbox().entries().stream()
                .anyMatch(e -> e.state() == OutboxEntry.State.CONFLICT));
        return queue;
    }
}
