package com.incidentconsole.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.triage.RunSort;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.PlaybookRun;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The runs list under an event storm (issue 18, ADR 0033): many updates to many runs between two pulses are one
 * batch; the list then shows every run's last update, drops none, keeps every row that kept its place where it was
 * (so the selection and the scroll position stay put; the rows' own properties carry the new values to the cells),
 * and a run whose place changed is where a fresh load puts it.
 */
class RunListStormTest {

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final RunFormat format = new RunFormat(ResourceBundle.getBundle("i18n.messages"), workspace.users(),
            workspace.playbooks(), ZoneOffset.UTC);

    @Test
    void aStormBetweenTwoPulsesShowsEachRunsLastUpdateAndMovesNoRowThatKeptItsPlace() throws Exception {
        RunStore store = new RunStore();
        for (int i = 0; i < 2_000; i++) {
            store.upsert(TestRuns.run(new TestRuns.RunSpec("run-" + i, "Run " + i).createdAt(i)));
        }
        Queue<Runnable> fx = new ArrayDeque<>();
        FxBatcher batcher = new FxBatcher(task -> {
            synchronized (fx) {
                fx.add(task);
            }
        });
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        store.subscribe(batcher.collecting(model::apply));
        List<String> kinds = new ArrayList<>();
        model.visibleRows().addListener((ListChangeListener<RunRow>) change -> {
            while (change.next()) {
                kinds.add(change.wasUpdated() ? "update" : change.wasPermutated() ? "permutation" : "add/remove");
            }
        });

        // Four server threads rename 200 runs ten times each, interleaved: 2,000 events before the FX thread looks.
        ExecutorService events = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            int first = thread * 50;
            events.execute(() -> {
                for (int version = 1; version <= 10; version++) {
                    for (int i = first; i < first + 50; i++) {
                        PlaybookRun run = store.get("run-" + i).orElseThrow();
                        store.upsert(TestRuns.run(new TestRuns.RunSpec(run.id(), "Run " + i + " v" + version)
                                .createdAt(run.createAt())));
                    }
                }
            });
        }
        events.shutdown();
        assertTrue(events.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1, fx.size(), "one FX update for the whole storm");
        fx.poll().run();

        assertEquals(2_000, model.visibleRows().size(), "nothing dropped, nothing doubled");
        for (RunRow row : model.visibleRows()) {
            int i = Integer.parseInt(row.id().substring(4));
            assertEquals(i < 200 ? "Run " + i + " v10" : "Run " + i, row.nameProperty().get(), "the last update wins");
        }
        assertEquals(ids(fresh(store, RunSort.URGENT_FIRST, "")), ids(model), "newest first, as a fresh load shows");
        assertEquals(List.of(), kinds, "the rows changed in place: none removed, added or moved under the user");
    }

    @Test
    void underANameSortAndASearchRenamedRunsMoveToTheirPlaceComeAndGoAsAFreshLoadShowsThem() {
        RunStore store = new RunStore();
        SplittableRandom random = new SplittableRandom(18);
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo"};
        for (int i = 0; i < 300; i++) {
            store.upsert(TestRuns.run(new TestRuns.RunSpec("run-" + i, words[random.nextInt(5)] + " " + i).createdAt(i)));
        }
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        store.subscribe(change -> model.apply(List.of(change)));
        model.sortBy(RunSort.Column.NAME);
        model.filterTextProperty().set("a");

        for (int batch = 0; batch < 40; batch++) {
            for (int k = 0; k < 1 + random.nextInt(40); k++) {
                String id = "run-" + random.nextInt(320);
                int pick = random.nextInt(10);
                if (pick == 0) {
                    store.remove(id);
                } else {
                    store.upsert(TestRuns.run(new TestRuns.RunSpec(id, words[random.nextInt(5)] + " " + batch + "-" + k)
                            .createdAt(Long.parseLong(id.substring(4)))));
                }
            }
            assertEquals(ids(fresh(store, model.sortProperty().get(), "a")), ids(model), "after batch " + batch);
        }
        model.reverseSort();
        assertEquals(ids(fresh(store, model.sortProperty().get(), "a")), ids(model), "reversed");
    }

    /** The list as a fresh start from the same store would show it. */
    private RunListViewModel fresh(RunStore store, RunSort sort, String text) {
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        model.sortProperty().set(sort);
        model.filterTextProperty().set(text);
        return model;
    }

    private static List<String> ids(RunListViewModel model) {
        return model.visibleRows().stream().map(RunRow::id).toList();
    }
}
