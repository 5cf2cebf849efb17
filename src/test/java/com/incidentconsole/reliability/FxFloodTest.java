package com.incidentconsole.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runs.RunFormat;
import com.incidentconsole.runs.RunListViewModel;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.PlaybookRun;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proof 3, FX side: 10,000 store changes from four threads while a stand-in FX thread is busy
 * (1 ms per runnable, like a pulse with layout) never queue more than one runnable for the runs
 * list, and the list ends showing exactly the store's newest run for every row.
 */
class FxFloodTest {

    @Test
    @Timeout(60)
    void tenThousandStoreChangesNeverQueueMoreThanOneFxRunnable() throws Exception {
        TestWorkspace workspace = TestWorkspace.seeded();
        RunFormat format = new RunFormat(ResourceBundle.getBundle("i18n.messages"), workspace.users(),
                workspace.playbooks(), ZoneOffset.UTC);
        RunStore store = new RunStore();
        LinkedBlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();
        ThreadPoolExecutor fx = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, fxQueue);
        AtomicInteger runnables = new AtomicInteger();
        AtomicInteger maxQueued = new AtomicInteger();
        FxBatcher batcher = new FxBatcher(task -> {
            runnables.incrementAndGet();
            fx.execute(() -> {
                task.run();
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a busy pulse
            });
            maxQueued.accumulateAndGet(fxQueue.size(), Math::max);
        });
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        store.subscribe(batcher.collecting(model::apply));

        int runs = 100;
        int changes = 10_000;
        for (int r = 0; r < runs; r++) {
            store.upsert(TestRuns.run(new TestRuns.RunSpec("run-" + r, "Run " + r).createdAt(r)));
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < changes; i++) {
            int n = i;
            writers.execute(() -> {
                String id = "run-" + (n % runs);
                PlaybookRun held = store.get(id).orElseThrow();
                store.upsert(TestRuns.withOwner(held, n % 2 == 0 ? "u-bob" : "u-alex", 1_000 + n));
            });
        }
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        fx.shutdown();
        assertTrue(fx.awaitTermination(30, TimeUnit.SECONDS));

        System.out.printf("fx flood: %d store changes -> %d FX runnables, at most %d queued%n",
                changes + runs, runnables.get(), maxQueued.get());
        assertTrue(maxQueued.get() <= 1, "at most one runnable waits on the FX thread: " + maxQueued.get());
        assertTrue(runnables.get() < changes / 10, "coalesced: " + runnables.get() + " runnables");
        Map<String, PlaybookRun> shown = model.visibleRows().stream()
                .collect(Collectors.toMap(RunRow::id, row -> row.runProperty().get()));
        Map<String, PlaybookRun> held = store.all().stream().collect(Collectors.toMap(PlaybookRun::id, Function.identity()));
        assertEquals(held, shown, "the list shows the store's newest run for every row");
    }
}
