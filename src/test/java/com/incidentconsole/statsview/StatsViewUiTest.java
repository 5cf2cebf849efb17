package com.incidentconsole.statsview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.stats.StatsCalculator;
import com.incidentconsole.stats.StatsQuery;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stats window over the seeded workspace: its charts say what an independent computation says, and follow changes. */
@ExtendWith(ApplicationExtension.class)
class StatsViewUiTest {

    private static final JsonMapper JSON = WireJson.newMapper();
    private static final long DAY = 86_400_000L;
    private static final long NOW = TestWorkspace.NOW.toEpochMilli();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private TestWorkspace workspace;
    private StatsViewUi ui;
    private Stage main;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        ObjectNode pb = JSON.valueToTree(TestRuns.playbook("pb-ir", "Incident Resolution"));
        pb.set("metrics", JSON.valueToTree(List.of(
                new PlaybookMetricConfig("m-ttr", "pb-ir", "Time to restore", "", PlaybookMetricConfig.TYPE_DURATION, 3_600_000L))));
        workspace.playbooks().putAll(List.of(JSON.convertValue(pb, Playbook.class)));
        workspace.runs().upsert(List.of(withMetric(finished("r-old1", NOW - 20 * DAY), 5_400_000),
                withMetric(finished("r-old2", NOW - 9 * DAY), 1_800_000), finished("r-old3", NOW - 8 * DAY)));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        String css = IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm();
        ui = new StatsViewUi(workspace, ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(),
                background, ZoneOffset.UTC, () -> TODAY, List.of(css));
        Button opener = new Button("Runs");
        opener.setId("mainWindowButton");
        stage.setScene(new Scene(opener, 400, 200));
        stage.show();
        main = stage;
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void theChartsShowWhatTheCalculatorSaysAndFollowNewRunsAndEscClosesBackToTheRuns(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        fx.interact(() -> ui.open(main));
        user.waitUntil("the numbers are computed", () -> !text(fx, "#runsStarted").isEmpty());

        assertChartsMatch(fx, user);
        assertTrue(text(fx, "#statsDefinitions").startsWith("MTTR of a finished run: its end minus its start"));

        // A run finishing elsewhere arrives through the store: the window follows without being reopened.
        workspace.runs().upsert(withMetric(finished("r-new", NOW - DAY), 7_200_000));
        user.waitUntil("the new run is counted", () -> text(fx, "#runsStarted").equals(Integer.toString(expected().runsStarted())));
        assertChartsMatch(fx, user);

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the stats window closed", () -> Window.getWindows().stream().noneMatch(w -> w != main && w.isShowing()));
        assertTrue(main.isShowing());
    }

    private void assertChartsMatch(FxRobot fx, ConsoleRobot user) {
        IncidentStats expected = expected();
        // The chart lists every week of the range; the calculator only those with runs, and the rest are zero.
        user.waitUntil("the charts show the latest numbers", () -> nonZero(weekly(fx, 0)).equals(
                expected.weeks().stream().filter(w -> w.started() > 0)
                        .collect(Collectors.toMap(w -> w.start().toString(), w -> (Number) w.started()))));
        assertEquals(expected.weeks().stream().filter(w -> w.finished() > 0)
                .collect(Collectors.toMap(w -> w.start().toString(), w -> (Number) w.finished())), nonZero(weekly(fx, 1)));
        assertEquals(13, weekly(fx, 0).size(), "every week from 2026-08-31 to 2026-11-23");
        assertEquals(Integer.toString(expected.runsFinished()), text(fx, "#runsFinished"));
        assertEquals(Integer.toString(expected.inProgress()), text(fx, "#inProgress"));

        IncidentStats.MetricSeries series = expected.metrics().get(0);
        assertFalse(series.points().isEmpty());
        LineChart<?, ?> chart = fx.lookup("#metric-m-ttr").queryAs(LineChart.class);
        assertEquals(series.points().stream().map(p -> p.value() / 60_000.0).toList(), ys(chart, 0), "values in minutes");
        assertEquals(series.points().stream().map(p -> 60.0).toList(), ys(chart, 1), "the target line: an hour");
    }

    private static Map<String, Number> nonZero(Map<String, Number> weeks) {
        return weeks.entrySet().stream().filter(e -> e.getValue().intValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private IncidentStats expected() {
        Map<String, List<PlaybookMetricConfig>> metrics = workspace.playbooks().all().stream()
                .collect(Collectors.toMap(Playbook::id, Playbook::metrics));
        return new StatsCalculator().compute(workspace.runs().all(), metrics,
                StatsQuery.all(ZoneOffset.UTC).between(TODAY.minusWeeks(12).plusDays(1), TODAY));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> weekly(FxRobot fx, int series) {
        BarChart<String, Number> chart = fx.lookup("#weeklyChart").queryAs(BarChart.class);
        return onFx(() -> chart.getData().size() <= series ? Map.<String, Number>of()
                : chart.getData().get(series).getData().stream()
                        .collect(Collectors.toMap(XYChart.Data::getXValue, d -> (Number) d.getYValue().intValue())));
    }

    private static List<Double> ys(LineChart<?, ?> chart, int series) {
        return onFx(() -> chart.getData().get(series).getData().stream()
                .map(d -> ((Number) d.getYValue()).doubleValue()).toList());
    }

    private static String text(FxRobot fx, String query) {
        Label label = fx.lookup(query).queryAs(Label.class);
        return onFx(label::getText);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static PlaybookRun finished(String id, long createdAt) {
        return TestRuns.run(new TestRuns.RunSpec(id, "Run " + id).playbook("pb-ir").createdAt(createdAt).finished());
    }

    private static PlaybookRun withMetric(PlaybookRun run, long value) {
        ObjectNode tree = JSON.valueToTree(run);
        tree.set("metrics_data", JSON.valueToTree(List.of(Map.of("metric_config_id", "m-ttr", "value", value))));
        return JSON.convertValue(tree, PlaybookRun.class);
    }
}
