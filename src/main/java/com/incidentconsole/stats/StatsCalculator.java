package com.incidentconsole.stats;

import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.TimelineEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Computes {@link IncidentStats} in one pass over the runs plus a sort per distribution: over 10,000 runs
 * this is a few milliseconds, so a view can recompute on every change instead of keeping running totals.
 */
public final class StatsCalculator {

    /**
     * @param metricsByPlaybook each playbook's metric definitions (from the playbooks the user can see); a
     *                          run of a playbook not in the map contributes no metric points
     */
    public IncidentStats compute(Collection<PlaybookRun> runs, Map<String, List<PlaybookMetricConfig>> metricsByPlaybook,
            StatsQuery query) {
        int started = 0;
        int finished = 0;
        int inProgress = 0;
        long[] resolve = new long[runs.size()];
        int resolveCount = 0;
        long[] acknowledge = new long[runs.size()];
        int acknowledgeCount = 0;
        int unacknowledged = 0;
        TreeMap<LocalDate, int[]> weeks = new TreeMap<>();
        Map<String, List<IncidentStats.Point>> points = new HashMap<>();
        StatsQuery.Range range = query.range();
        for (PlaybookRun run : runs) {
            if (!matches(run, query)) {
                continue;
            }
            boolean startedInRange = range.contains(run.createAt());
            boolean finishedInRange = run.isFinished() && range.contains(run.endAt());
            if (!run.isFinished()) {
                inProgress++;
            }
            if (startedInRange) {
                started++;
                weeks.computeIfAbsent(week(run.createAt(), query), w -> new int[2])[0]++;
                long ack = acknowledgedAt(run);
                if (ack > 0) {
                    acknowledge[acknowledgeCount++] = Math.max(0, ack - run.createAt());
                } else {
                    unacknowledged++;
                }
                collectMetrics(run, metricsByPlaybook, points);
            }
            if (finishedInRange) {
                finished++;
                weeks.computeIfAbsent(week(run.endAt(), query), w -> new int[2])[1]++;
                resolve[resolveCount++] = Math.max(0, run.endAt() - run.createAt());
            }
        }
        List<IncidentStats.Week> weekList = new ArrayList<>();
        weeks.forEach((start, counts) -> weekList.add(new IncidentStats.Week(start, counts[0], counts[1])));
        return new IncidentStats(started, finished, inProgress, summary(resolve, resolveCount, 0),
                summary(acknowledge, acknowledgeCount, unacknowledged), weekList,
                series(metricsByPlaybook, points, query));
    }

    /**
     * The first status update, or the first checklist change by someone other than the reporter, whichever
     * is first; 0 when neither happened. Timeline events are the record of both (status posts carry only ids).
     */
    public static long acknowledgedAt(PlaybookRun run) {
        long first = 0;
        for (TimelineEvent event : run.timelineEvents()) {
            if (event.deleteAt() != 0) {
                continue;
            }
            boolean statusUpdate = TimelineEvent.STATUS_UPDATED.equals(event.eventType());
            boolean othersChange = TimelineEvent.TASK_STATE_MODIFIED.equals(event.eventType())
                    && !event.subjectUserId().isEmpty() && !event.subjectUserId().equals(run.reporterUserId());
            if ((statusUpdate || othersChange) && (first == 0 || event.eventAt() < first)) {
                first = event.eventAt();
            }
        }
        if (first == 0) {
            // A run whose timeline was not loaded still shows its status posts' times.
            for (var post : run.statusPosts()) {
                if (post.deleteAt() == 0 && post.createAt() > 0 && (first == 0 || post.createAt() < first)) {
                    first = post.createAt();
                }
            }
        }
        return first;
    }

    private static boolean matches(PlaybookRun run, StatsQuery query) {
        return query.teamId().map(run.teamId()::equals).orElse(true)
                && query.playbookId().map(run.playbookId()::equals).orElse(true);
    }

    private static LocalDate week(long epochMillis, StatsQuery query) {
        return Instant.ofEpochMilli(epochMillis).atZone(query.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static void collectMetrics(PlaybookRun run, Map<String, List<PlaybookMetricConfig>> metricsByPlaybook,
            Map<String, List<IncidentStats.Point>> points) {
        if (!metricsByPlaybook.containsKey(run.playbookId())) {
            return;
        }
        for (RunMetricData data : run.metricsData()) {
            if (data.value() != null) {
                points.computeIfAbsent(data.metricConfigId(), id -> new ArrayList<>())
                        .add(new IncidentStats.Point(run.id(), run.name(), run.createAt(), data.value()));
            }
        }
    }

    private static List<IncidentStats.MetricSeries> series(Map<String, List<PlaybookMetricConfig>> metricsByPlaybook,
            Map<String, List<IncidentStats.Point>> points, StatsQuery query) {
        List<IncidentStats.MetricSeries> out = new ArrayList<>();
        metricsByPlaybook.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> query.playbookId().map(e.getKey()::equals).orElse(true))
                .forEach(e -> {
                    for (PlaybookMetricConfig metric : e.getValue()) {
                        List<IncidentStats.Point> series = new ArrayList<>(points.getOrDefault(metric.id(), List.of()));
                        series.sort(Comparator.comparingLong(IncidentStats.Point::runStartMillis));
                        out.add(new IncidentStats.MetricSeries(e.getKey(), metric.id(), metric.title(), metric.type(),
                                metric.target(), series));
                    }
                });
        return out;
    }

    static IncidentStats.Summary summary(long[] values, int count, int missing) {
        if (count == 0) {
            return new IncidentStats.Summary(0, missing, OptionalLong.empty(), OptionalLong.empty());
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new IncidentStats.Summary(count, missing, OptionalLong.of(nearestRank(sorted, 50)),
                OptionalLong.of(nearestRank(sorted, 90)));
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    static long nearestRank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
