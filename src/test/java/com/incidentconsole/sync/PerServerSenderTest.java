package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each server's actions are sent on that server's own thread: one that accepts and never answers
 * holds up its own queue only. Its new actions still reach the disk at once (the writer never waits on
 * the network), and another server's actions go out meanwhile.
 */
class PerServerSenderTest {

    private final JsonMapper mapper = WireJson.newMapper();

    @Test
    void aHangingServerDelaysNeitherTheOutboxNorAnotherServer() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        try (LocalStore local = LocalStore.inMemory()) {
            Server hanging = new Server(local, "https://hangs.example.com", answer);
            Server healthy = new Server(local, "https://fine.example.com", new CountDownLatch(0));
            try {
                hanging.queue.setItemState("run1", "i1", ChecklistItem.CLOSED);
                await("the hanging server has the request", () -> hanging.transport.calls.contains("state run1 0/0 closed"));
                hanging.queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
                await("the next action is on disk while the first request hangs",
                        () -> local.outbox("https://hangs.example.com").entries().size() == 2);

                healthy.queue.setItemState("run1", "i2", ChecklistItem.CLOSED);
                await("the other server's action went out and settled", () -> healthy.pending.all().isEmpty());
                assertEquals(List.of("state run1 0/1 closed"), healthy.transport.calls);
                assertEquals(2, hanging.pending.all().size(), "still pending on the hanging server");
            } finally {
                answer.countDown();
                hanging.queue.close();
                healthy.queue.close();
            }
        }
    }

    /** One server: its runs, its pending actions, a transport that answers once {@code answer} opens. */
    private final class Server {
        final RunStore store = new RunStore();
        final PendingActions pending = new PendingActions();
        final FakeTransport transport;
        final ActionQueue queue;

        Server(LocalStore local, String address, CountDownLatch answer) {
            PlaybookRun run = TestRunsFactory.run("run1");
            Map<String, PlaybookRun> held = new ConcurrentHashMap<>(Map.of("run1", run));
            store.upsert(run);
            transport = new FakeTransport(held::get, (runId, change) -> {
                try {
                    answer.await(30, TimeUnit.SECONDS); // accepts, then answers nothing until released
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                store.upsert(held.compute(runId, (id, r) -> change.apply(r)));
            });
            Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
            queue = ActionQueue.forServer(address, local.outbox(address), transport, store, pending, new UserDirectory(),
                    Clock.systemUTC(), fast, mapper, () -> { }, () -> "alex");
        }
    }
}
