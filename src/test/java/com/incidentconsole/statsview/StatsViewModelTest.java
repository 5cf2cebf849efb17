package com.incidentconsole.statsview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.stats.StatsCalculator;
import com.incidentconsole.stats.StatsQuery;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.PlaybookRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsViewModelTest {

    private static final long DAY = 86_400_000L;
    private static final long NOW = TestWorkspace.NOW.toEpochMilli();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages");
    private final RunStore runs = new RunStore();
    private final PlaybookDirectory playbooks = new PlaybookDirectory();

    private StatsViewModel model(java.util.concurrent.Executor background) {
        return new StatsViewModel(runs, playbooks, List.of(), background, Runnable::run, ZoneOffset.UTC, () -> TODAY, bundle);
    }

    private static PlaybookRun run(String id, String playbook, long createdAt, boolean finished) {
        TestRuns.RunSpec spec = new TestRuns.RunSpec(id, "Run " + id).playbook(playbook).createdAt(createdAt);
        return TestRuns.run(finished ? spec.finished() : spec);
    }

    @Test
    void theDefaultRangeIsTheLastTwelveWeeksAndTheNumbersFollowTheStore() {
        runs.replaceAll(List.of(run("a", "pb-ir", NOW - 2 * DAY, true), run("b", "pb-ir", NOW - DAY, false)));
        StatsViewModel model = model(Runnable::run);
        model.recompute();
        assertEquals(TODAY.minusWeeks(12).plusDays(1), model.fromProperty().get());
        assertEquals(TODAY, model.toProperty().get());
        assertEquals("2", model.runsStartedProperty().get());
        assertEquals("1", model.runsFinishedProperty().get());
        assertEquals("1", model.inProgressProperty().get());
        assertEquals("median 1h · p90 1h (over 1 run)", model.mttrProperty().get(), "the fixtures' runs last an hour");

        runs.upsert(run("c", "pb-sec", NOW - 3 * DAY, false));
        model.runsChanged();
        assertEquals("3", model.runsStartedProperty().get());
        assertEquals("2", model.inProgressProperty().get());
    }

    @Test
    void filtersNarrowTheRunsAndARangeEndingBeforeItStartsIsExplainedNotComputed() {
        playbooks.putAll(List.of(TestRuns.playbook("pb-ir", "Incident Resolution"), TestRuns.playbook("pb-sec", "Security")));
        runs.replaceAll(List.of(run("a", "pb-ir", NOW - 2 * DAY, true), run("b", "pb-sec", NOW - DAY, false),
                run("old", "pb-ir", NOW - 200 * DAY, true)));
        StatsViewModel model = model(Runnable::run);
        model.recompute();
        assertEquals("2", model.runsStartedProperty().get(), "the 200-day-old run is outside the last 12 weeks");

        model.playbookProperty().set(model.playbooks().stream().filter(c -> "pb-sec".equals(c.id())).findFirst().orElseThrow());
        assertEquals("1", model.runsStartedProperty().get());
        assertEquals("0", model.runsFinishedProperty().get());

        model.fromProperty().set(TODAY.minusYears(1));
        model.playbookProperty().set(model.playbooks().get(0));
        assertEquals("3", model.runsStartedProperty().get());

        model.toProperty().set(TODAY.minusYears(2));
        assertTrue(model.problemProperty().get().startsWith("The range ends before it starts"), model.problemProperty().get());
        assertEquals("3", model.runsStartedProperty().get(), "the last good numbers stay on screen");
    }

    @Test
    void changesDuringAComputationCoalesceIntoOneMoreWithTheLatestFilters() {
        runs.replaceAll(List.of(run("a", "pb-ir", NOW - 2 * DAY, true)));
        Queue<Runnable> background = new ArrayDeque<>();
        StatsViewModel model = model(background::add);
        model.recompute();
        runs.upsert(run("b", "pb-ir", NOW - DAY, false));
        model.runsChanged();
        runs.upsert(run("c", "pb-ir", NOW - DAY, false));
        model.runsChanged();
        model.runsChanged();
        assertEquals(1, background.size(), "at most one computation in flight");

        background.poll().run();
        assertEquals(1, background.size(), "the stale result is dropped and one recompute follows");
        assertEquals(null, model.statsProperty().get(), "a stale result is not shown");
        background.poll().run();
        assertTrue(background.isEmpty());
        assertEquals("3", model.runsStartedProperty().get());
        IncidentStats expected = new StatsCalculator().compute(runs.all(), Map.of(),
                StatsQuery.all(ZoneOffset.UTC).between(TODAY.minusWeeks(12).plusDays(1), TODAY));
        IncidentStats shown = model.statsProperty().get();
        assertEquals(expected.runsStarted(), shown.runsStarted());
        assertEquals(expected.mttr(), shown.mttr());
        assertEquals(expected.mtta(), shown.mtta());
        assertEquals(expected.weeks(), withRuns(shown.weeks()));
    }

    @Test
    void quietWeeksOfTheRangeAreShownAsZeroSoTheChartKeepsTimeEven() {
        runs.replaceAll(List.of(run("a", "pb-ir", NOW - 60 * DAY, true), run("b", "pb-ir", NOW - DAY, false)));
        StatsViewModel model = model(Runnable::run);
        model.recompute();
        List<IncidentStats.Week> weeks = model.statsProperty().get().weeks();
        assertEquals(13, weeks.size(), "2026-08-31 (the Monday of Sep 1) to 2026-11-23, every week");
        assertEquals(LocalDate.of(2026, 8, 31), weeks.get(0).start());
        assertEquals(TODAY, weeks.get(weeks.size() - 1).start());
        assertEquals(2, withRuns(weeks).size());
        assertEquals(2, weeks.stream().mapToInt(IncidentStats.Week::started).sum());
    }

    private static List<IncidentStats.Week> withRuns(List<IncidentStats.Week> weeks) {
        return weeks.stream().filter(w -> w.started() > 0 || w.finished() > 0).toList();
    }

    @Test
    void exportWritesTheShownNumbersAsCsvAndSaysWhere(@TempDir Path dir) throws Exception {
        runs.replaceAll(List.of(run("a", "pb-ir", NOW - 2 * DAY, true), run("b", "pb-ir", NOW - DAY, false)));
        StatsViewModel model = model(Runnable::run);
        model.recompute();
        Path file = dir.resolve("stats.csv");
        model.exportCsv(file);
        assertEquals("Saved to " + file, model.exportMessageProperty().get());
        String csv = Files.readString(file);
        assertTrue(csv.startsWith("section,name,run,date,value,target,unit\r\n"), csv);
        assertTrue(csv.contains("summary,runs started,,,2,,count\r\n"), csv);
        assertTrue(csv.contains("summary,MTTR median,,,3600000,,ms\r\n"), csv);

        Path nowhere = dir.resolve("missing-folder").resolve("stats.csv");
        model.exportCsv(nowhere);
        assertTrue(model.exportMessageProperty().get().startsWith("Could not save " + nowhere), model.exportMessageProperty().get());
    }

    @Test
    void thePickedPlaybooksOwnServerFiguresAreShownBesideAndAgreeWithTheLocalCount() {
        try (com.incidentconsole.sandbox.SandboxFixture fixture = com.incidentconsole.sandbox.SandboxFixture.start(
                com.incidentconsole.sandbox.SandboxOptions.defaults().withPort(0));
             com.incidentconsole.client.MattermostConnection connection = com.incidentconsole.client.MattermostConnection.open(
                     new com.incidentconsole.client.ServerAddress(fixture.server().baseUrl()),
                     new com.incidentconsole.client.Credentials.AccessToken(fixture.server().control().credentials().token()),
                     com.incidentconsole.wire.WireJson.newMapper())) {
            String team = connection.teams().mine().get(0).id();
            playbooks.putAll(connection.playbooks().listAll(team));
            runs.replaceAll(connection.runs().listAll(com.incidentconsole.client.RunQuery.all()));
            StatsViewModel model = new StatsViewModel(runs, playbooks, List.of(), Runnable::run, Runnable::run,
                    ZoneOffset.UTC, () -> TODAY, bundle, id -> java.util.Optional.of(connection.playbooks().stats(id)));
            model.askServer();
            assertTrue(model.serverFiguresProperty().get().startsWith("The server computes its own figures per playbook"));

            String busiest = runs.all().stream().filter(r -> !r.playbookId().isEmpty())
                    .collect(java.util.stream.Collectors.groupingBy(PlaybookRun::playbookId,
                            java.util.stream.Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            model.fromProperty().set(LocalDate.of(2000, 1, 1));
            model.toProperty().set(LocalDate.of(2100, 1, 1));
            model.playbookProperty().set(model.playbooks().stream().filter(c -> busiest.equals(c.id())).findFirst().orElseThrow());
            String figures = model.serverFiguresProperty().get();
            assertTrue(figures.startsWith(model.inProgressProperty().get() + " in progress"),
                    "the server's in-progress count agrees with the local one over all time: " + figures
                            + " vs " + model.inProgressProperty().get());
        }
    }

    @Test
    void withoutAServerOrWhenItRefusesTheFiguresSayWhy() {
        playbooks.putAll(List.of(TestRuns.playbook("pb-ir", "Incident Resolution")));
        StatsViewModel offline = model(Runnable::run);
        offline.playbookProperty().set(offline.playbooks().get(1));
        assertTrue(offline.serverFiguresProperty().get().startsWith("Not available: there is no signed-in server"));

        StatsViewModel refused = new StatsViewModel(runs, playbooks, List.of(), Runnable::run, Runnable::run,
                ZoneOffset.UTC, () -> TODAY, bundle, id -> {
                    throw new IllegalStateException("403 timeline feature is not covered by current server license");
                });
        refused.playbookProperty().set(refused.playbooks().get(1));
        assertEquals("Not available: 403 timeline feature is not covered by current server license",
                refused.serverFiguresProperty().get());
    }
}
