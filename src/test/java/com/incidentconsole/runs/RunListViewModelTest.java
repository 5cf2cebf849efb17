package com.incidentconsole.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.triage.RunFilter;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The runs list model without a stage: what each column says, filtering, and how store bursts arrive. */
class RunListViewModelTest {

    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final RunFormat format = new RunFormat(ResourceBundle.getBundle("i18n.messages"), workspace.users(),
            workspace.playbooks(), ZoneOffset.UTC);

    @Test
    void rowsSayNamesTitlesProgressAndStageInsteadOfIds() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW);

        RunRow db = model.visibleRows().get(0);
        assertEquals("Database outage eu-west", db.nameProperty().get());
        assertEquals("Alice Archer", db.ownerProperty().get());
        assertEquals("Incident Resolution", db.playbookProperty().get());
        assertEquals("1/6", db.progressProperty().get().text());
        assertEquals("Triage", db.stageProperty().get());
        assertEquals("12 min ago", db.lastUpdateProperty().get().text());
        assertEquals("2026-11-23 02:30", db.startedProperty().get().text());
        assertEquals("in 18 min", db.nextUpdateProperty().get().text());
        RunRow login = model.visibleRows().get(1);
        assertEquals("overdue 4 h", login.nextUpdateProperty().get().text());
        assertTrue(login.updateOverdueProperty().get(), "an overdue update stands out");
        assertEquals("—", model.visibleRows().get(2).stageProperty().get(), "a finished run has no current stage");
    }

    @Test
    void inProgressRunsComeFirstNewestFirst() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW);

        assertEquals(List.of(TestWorkspace.DB_OUTAGE, TestWorkspace.LOGIN_LATENCY, TestWorkspace.WEBHOOKS),
                model.visibleRows().stream().map(RunRow::id).toList());
    }

    @Test
    void filterMatchesNameOwnerOrPlaybookWordsAndStatus() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW);

        model.filterTextProperty().set("carol");
        assertEquals(List.of(TestWorkspace.WEBHOOKS), ids(model));
        model.filterTextProperty().set("resolution spike");
        assertEquals(List.of(TestWorkspace.LOGIN_LATENCY), ids(model));
        model.filterTextProperty().set("");
        model.filterProperty().set(model.filterProperty().get().withStatus(RunFilter.Status.FINISHED));
        assertEquals(List.of(TestWorkspace.WEBHOOKS), ids(model));
        model.filterProperty().set(model.filterProperty().get().withStatus(RunFilter.Status.IN_PROGRESS));
        assertEquals(List.of(TestWorkspace.DB_OUTAGE, TestWorkspace.LOGIN_LATENCY), ids(model));
    }

    @Test
    void aBurstOfAThousandStoreChangesFromManyThreadsBecomesOneModelUpdate() throws InterruptedException {
        RunStore store = new RunStore();
        Queue<Runnable> fxPulses = new ArrayDeque<>();
        FxBatcher batcher = new FxBatcher(task -> {
            synchronized (fxPulses) {
                fxPulses.add(task);
            }
        });
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        store.subscribe(batcher.collecting(model::apply));

        ExecutorService events = Executors.newFixedThreadPool(4);
        IntStream.range(0, 1000).forEach(i -> events.execute(() -> store.upsert(TestRuns.run(
                new TestRuns.RunSpec("run-" + i, "Run " + i).createdAt(i)))));
        events.shutdown();
        events.awaitTermination(10, TimeUnit.SECONDS);

        assertEquals(1, fxPulses.size(), "one FX update scheduled for the whole burst");
        fxPulses.poll().run();
        assertEquals(1000, model.visibleRows().size());
        assertEquals("Run 999", model.visibleRows().get(0).nameProperty().get(), "newest first");

        store.remove("run-5");
        store.upsert(TestRuns.withOwner(store.get("run-7").orElseThrow(), "u-bob", 1));
        assertEquals(1, fxPulses.size(), "the next burst schedules the next single update");
        fxPulses.poll().run();
        assertEquals(999, model.visibleRows().size());
    }

    private static List<String> ids(RunListViewModel model) {
        return model.visibleRows().stream().map(RunRow::id).toList();
    }

    @Test
    void onlyARunJustStartedElsewhereIsAnnouncedNotTheOnesArrivingWithTheFirstLoad() {
        RunStore store = new RunStore();
        RunListViewModel model = new RunListViewModel(store, format, () -> TestWorkspace.NOW);
        long now = TestWorkspace.NOW.toEpochMilli();

        model.apply(List.of(new com.incidentconsole.sync.RunsChange(List.of(
                TestRuns.run(new TestRuns.RunSpec("old", "Yesterday's outage").createdAt(now - 86_400_000L)),
                TestRuns.run(new TestRuns.RunSpec("fresh1", "Started a minute ago").createdAt(now - 60_000L))),
                java.util.Set.of(), false)));
        assertEquals("", model.arrivalProperty().get(), "the first load announces nothing");

        model.apply(List.of(new com.incidentconsole.sync.RunsChange(List.of(
                TestRuns.run(new TestRuns.RunSpec("late", "An old run on a later page").createdAt(now - 7_200_000L))),
                java.util.Set.of(), false)));
        assertEquals("", model.arrivalProperty().get(), "an old run is not news");

        model.apply(List.of(new com.incidentconsole.sync.RunsChange(List.of(
                TestRuns.run(new TestRuns.RunSpec("new", "Payments down").createdAt(now - 5_000L))),
                java.util.Set.of(), false)));
        assertTrue(model.arrivalProperty().get().contains("Payments down"), model.arrivalProperty().get());
    }

    // runlist: pending ticks, chips, sort
    @Test
    void aTickOnItsWayCountsInProgressAndStageAndTheRowSaysPending() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW, "u-alice",
                workspace.pending(), id -> id);
        RunRow db = model.visibleRows().stream().filter(r -> r.id().equals(TestWorkspace.DB_OUTAGE)).findFirst().orElseThrow();
        workspace.fakeCommands().setItemState(TestWorkspace.DB_OUTAGE, "i-channel", com.incidentconsole.wire.ChecklistItem.CLOSED);
        workspace.fakeCommands().setItemState(TestWorkspace.DB_OUTAGE, "i-scope", com.incidentconsole.wire.ChecklistItem.CLOSED);
        model.pendingChanged(List.of(com.incidentconsole.sync.ActionTarget.item(TestWorkspace.DB_OUTAGE, "i-scope")));

        assertEquals("3/6 \u00b7 2 pending", db.progressProperty().get().text());
        assertEquals("Mitigate", db.stageProperty().get(), "Triage is done once my ticks land");
        assertTrue(db.pendingProperty().get());
    }

    @Test
    void theChipsOfferWhatTheRunsHaveAndMineMeansOwnerOrParticipant() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW, "u-bob",
                workspace.pending(), id -> id);
        assertEquals(List.of("Alice Archer", "Bob Baker", "Carol Chen"),
                model.ownerChoices().stream().map(RunListViewModel.Choice::label).toList());
        assertEquals(List.of("Incident Resolution", "Security Incident"),
                model.playbookChoices().stream().map(RunListViewModel.Choice::label).toList());

        model.toggleMine();
        assertEquals(List.of(TestWorkspace.DB_OUTAGE, TestWorkspace.LOGIN_LATENCY), ids(model),
                "Bob owns the login run and takes part in the database one");
        model.togglePlaybook("pb-sec");
        assertEquals(List.of(), ids(model));
        model.clearFilters();
        assertEquals(3, ids(model).size());
    }

    @Test
    void sortingByAColumnAndBack() {
        RunListViewModel model = new RunListViewModel(workspace.runs(), format, () -> TestWorkspace.NOW);
        model.sortBy(com.incidentconsole.triage.RunSort.Column.OWNER);
        assertEquals(List.of(TestWorkspace.DB_OUTAGE, TestWorkspace.LOGIN_LATENCY, TestWorkspace.WEBHOOKS), ids(model));
        model.reverseSort();
        assertEquals(List.of(TestWorkspace.WEBHOOKS, TestWorkspace.LOGIN_LATENCY, TestWorkspace.DB_OUTAGE), ids(model));
        model.sortBy(com.incidentconsole.triage.RunSort.Column.NEXT_UPDATE);
        assertEquals(List.of(TestWorkspace.LOGIN_LATENCY, TestWorkspace.DB_OUTAGE, TestWorkspace.WEBHOOKS), ids(model),
                "the overdue update first; a finished run has none due and goes last");
        model.sortProperty().set(com.incidentconsole.triage.RunSort.URGENT_FIRST);
        assertEquals(List.of(TestWorkspace.DB_OUTAGE, TestWorkspace.LOGIN_LATENCY, TestWorkspace.WEBHOOKS), ids(model));
    }
}
