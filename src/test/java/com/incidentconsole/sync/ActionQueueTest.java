package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
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
        assertEquals(3, transport.calls.size(), "two refusals, then accepted");
        assertEquals(ChecklistItem.CLOSED, stateOnServer("i2"));
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
        List<String> accepted = transport.calls.subList(2, transport.calls.size());
        assertEquals(List.of("state run1 0/0 closed", "owner run1 u2", "state run1 0/1 skipped"), accepted);
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
        assertEquals(List.of("state run1 0/1 closed", "owner run1 u2"), transport.calls);
        await("outbox emptied", () -> outbox().entries().isEmpty());
    }
}
