package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.sync.RunStore;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.PlaybookRun;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The storm's finding in isolation: two writers (an event and a catch-up answer) upsert the same
 * run at once; the last change a listener hears of must be the run the store holds. Before the
 * fix, listeners fired after the lock was released and could hear the older run last.
 */
class RunStoreOrderTest {

    @Test
    void listenersHearChangesInTheOrderTheyWereApplied() throws Exception {
        PlaybookRun base = TestRuns.run(new TestRuns.RunSpec("run-1", "Outage").createdAt(1));
        int rounds = 5_000; // without the fix, about one round in a thousand showed it here
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < rounds && wrong.size() < 5; round++) {
            RunStore store = new RunStore();
            store.upsert(base);
            AtomicReference<PlaybookRun> lastHeard = new AtomicReference<>();
            store.subscribe(change -> change.upserted().forEach(lastHeard::set));
            PlaybookRun older = TestRuns.withOwner(base, "u-bob", 10);
            PlaybookRun newer = TestRuns.withOwner(base, "u-alex", 20);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread a = Thread.ofPlatform().start(() -> {
                await(start);
                store.upsert(older);
            });
            Thread b = Thread.ofPlatform().start(() -> {
                await(start);
                store.upsert(newer);
            });
            a.join();
            b.join();
            if (!store.get("run-1").orElseThrow().equals(lastHeard.get())) {
                wrong.add("round " + round + ": store holds update_at " + store.get("run-1").orElseThrow().updateAt()
                        + ", listener heard " + lastHeard.get().updateAt() + " last");
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
