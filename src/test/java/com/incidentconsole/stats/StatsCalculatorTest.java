package com.incidentconsole.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatsCalculatorTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final long MINUTE = 60_000;
    private static final long DAY0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli(); // a Monday

    /** A run started at {@code start}; {@code events} as (type, minutes after start, subject). */
    private static PlaybookRun run(String id, String playbook, long start, long endMinutes, String... events) {
        StringBuilder timeline = new StringBuilder();
        for (int i = 0; i < events.length; i += 3) {
            timeline.append(timeline.isEmpty() ? "" : ",").append("""
                    {"id":"%s-%d","event_type":"%s","event_at":%d,"subject_user_id":"%s","summary":""}"""
                    .formatted(id, i, events[i], start + Long.parseLong(events[i + 1]) * MINUTE, events[i + 2]));
        }
        String json = """
                {"id":"%s","name":"%s","team_id":"t1","playbook_id":"%s","reporter_user_id":"rep","create_at":%d,
                 "end_at":%d,"current_status":"%s","timeline_events":[%s],
                 "metrics_data":[{"metric_config_id":"m1","value":%d}]}"""
                .formatted(id, id, playbook, start, endMinutes < 0 ? 0 : start + endMinutes * MINUTE,
                        endMinutes < 0 ? "InProgress" : "Finished", timeline, endMinutes * 10);
        try {
            return MAPPER.readValue(json, PlaybookRun.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final List<PlaybookRun> runs = List.of(
            run("a", "pb1", DAY0, 60, "task_state_modified", "2", "rep", "status_updated", "10", "u1"),
            run("b", "pb1", DAY0 + 3_600_000, 120, "task_state_modified", "5", "u2"),
            run("c", "pb2", DAY0 + 8 * 86_400_000L, 30, "task_state_modified", "1", "rep"),
            run("d", "pb1", DAY0 + 9 * 86_400_000L, -1, "status_updated", "20", "rep"));

    private final Map<String, List<PlaybookMetricConfig>> metrics = Map.of(
            "pb1", List.of(new PlaybookMetricConfig("m1", "pb1", "Time", "", "metric_duration", 500L)));

    @Test
    void mttrIsEndMinusStartOfFinishedRunsWithNearestRankPercentiles() {
        IncidentStats stats = new StatsCalculator().compute(runs, metrics, StatsQuery.all(UTC));
        assertEquals(4, stats.runsStarted());
        assertEquals(3, stats.runsFinished());
        assertEquals(1, stats.inProgress());
        assertEquals(OptionalLong.of(60 * MINUTE), stats.mttr().medianMillis(), "30, 60, 120 → 60");
        assertEquals(OptionalLong.of(120 * MINUTE), stats.mttr().p90Millis());
    }

    @Test
    void mttaIsTheFirstStatusUpdateOrChecklistChangeByAnyoneButTheReporter() {
        IncidentStats stats = new StatsCalculator().compute(runs, metrics, StatsQuery.all(UTC));
        // a: the reporter's own tick at 2 does not count, the update at 10 does → 10
        // b: someone else's tick at 5 → 5; c: only the reporter ticked → not acknowledged
        // d: a status update counts whoever posts it → 20
        assertEquals(3, stats.mtta().count());
        assertEquals(1, stats.mtta().missing());
        assertEquals(OptionalLong.of(10 * MINUTE), stats.mtta().medianMillis());
        assertEquals(OptionalLong.of(20 * MINUTE), stats.mtta().p90Millis());
    }

    @Test
    void weeksPlaybookAndDateRangeSelectRuns() {
        IncidentStats all = new StatsCalculator().compute(runs, metrics, StatsQuery.all(UTC));
        assertEquals(List.of(new IncidentStats.Week(LocalDate.of(2026, 11, 2), 2, 2),
                new IncidentStats.Week(LocalDate.of(2026, 11, 9), 2, 1)), all.weeks());

        IncidentStats pb1 = new StatsCalculator().compute(runs, metrics, StatsQuery.all(UTC).withPlaybook("pb1"));
        assertEquals(3, pb1.runsStarted());

        IncidentStats secondWeek = new StatsCalculator().compute(runs, metrics,
                StatsQuery.all(UTC).between(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)));
        assertEquals(2, secondWeek.runsStarted());
        assertEquals(1, secondWeek.runsFinished());
    }

    @Test
    void aMetricSeriesHoldsEachRunsValueInStartOrderWithTheTarget() {
        IncidentStats stats = new StatsCalculator().compute(runs, metrics, StatsQuery.all(UTC));
        IncidentStats.MetricSeries series = stats.metrics().get(0);
        assertEquals(500L, series.target());
        assertEquals(List.of("a", "b", "d"), series.points().stream().map(IncidentStats.Point::runId).toList(),
                "pb2's run has no such metric");
        assertEquals(List.of(600L, 1200L, -10L), series.points().stream().map(IncidentStats.Point::value).toList());
    }

    @Test
    void noRunsGiveEmptyDistributionsNotZeros() {
        IncidentStats stats = new StatsCalculator().compute(List.of(), metrics, StatsQuery.all(UTC));
        assertEquals(OptionalLong.empty(), stats.mttr().medianMillis());
        assertEquals(OptionalLong.empty(), stats.mtta().p90Millis());
    }
}
