package com.incidentconsole.sandbox.playbooks;

import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookStats;
import com.incidentconsole.wire.RunMetricData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Computes {@code GET /stats/playbook} from the runs the sandbox holds. Windows follow the field
 * names (playbooks-api.md §3): 12 weeks of starts, 14 days of activity, the last 30 days of
 * finishes against the 30 before, and metric figures over the last {@value #ROLLING} runs with
 * a value (overall = all of them).
 */
public final class PlaybookStatistics {

    static final int WEEKS = 12;
    static final int DAYS = 14;
    static final int ROLLING = 10;
    private static final long DAY = 86_400_000L;

    private PlaybookStatistics() {
    }

    public static PlaybookStats of(Collection<RunEntity> playbookRuns, List<PlaybookMetricConfig> metrics, long now) {
        List<RunEntity> runs = List.copyOf(playbookRuns);
        long inProgress = runs.stream().filter(r -> r.endAt == 0).count();
        long participantsActive = runs.stream().filter(r -> r.endAt == 0)
                .flatMap(r -> r.participantIds.stream()).distinct().count();
        long finishedLast30 = runs.stream().filter(r -> r.endAt > now - 30 * DAY && r.endAt <= now).count();
        long finishedPrev30 = runs.stream().filter(r -> r.endAt > now - 60 * DAY && r.endAt <= now - 30 * DAY).count();
        long change = finishedPrev30 == 0 ? PlaybookStats.NO_PREVIOUS_PERIOD
                : Math.round((finishedLast30 - finishedPrev30) * 100.0 / finishedPrev30);

        List<List<Long>> weeks = buckets(now, 7 * DAY, WEEKS);
        List<Long> startedPerWeek = weeks.stream()
                .map(w -> runs.stream().filter(r -> r.createAt >= w.get(0) && r.createAt < w.get(1)).count()).toList();
        List<List<Long>> days = buckets(now, DAY, DAYS);
        List<Long> activePerDay = days.stream().map(d -> activeIn(runs, d).count()).toList();
        List<Long> participantsPerDay = days.stream()
                .map(d -> activeIn(runs, d).flatMap(r -> r.participantIds.stream()).distinct().count()).toList();

        List<RunEntity> withMetrics = runs.stream().filter(r -> r.endAt > 0 && r.metricsData.stream()
                        .anyMatch(m -> m.value() != null))
                .sorted(Comparator.comparingLong((RunEntity r) -> r.endAt).reversed()).toList();
        List<Long> overall = new ArrayList<>();
        List<Long> rolling = new ArrayList<>();
        List<Long> rollingChange = new ArrayList<>();
        List<List<Long>> range = new ArrayList<>();
        List<List<Long>> rollingValues = new ArrayList<>();
        for (PlaybookMetricConfig metric : metrics) {
            List<Long> values = withMetrics.stream().map(r -> valueOf(r, metric.id())).filter(Objects::nonNull).toList();
            List<Long> recent = values.subList(0, Math.min(ROLLING, values.size()));
            List<Long> before = values.subList(recent.size(), Math.min(2 * ROLLING, values.size()));
            overall.add(average(values));
            rolling.add(average(recent));
            Long recentAvg = average(recent);
            Long beforeAvg = average(before);
            rollingChange.add(recentAvg == null || beforeAvg == null || beforeAvg == 0 ? null
                    : Math.round((recentAvg - beforeAvg) * 100.0 / beforeAvg));
            range.add(values.isEmpty() ? Arrays.asList(null, null)
                    : List.of(values.stream().min(Long::compare).orElseThrow(),
                    values.stream().max(Long::compare).orElseThrow()));
            rollingValues.add(recent);
        }
        List<String> lastNames = withMetrics.stream().limit(ROLLING).map(r -> r.name).toList();
        return new PlaybookStats(inProgress, participantsActive, finishedLast30, change, startedPerWeek, weeks,
                activePerDay, days, participantsPerDay, days, overall, rolling, rollingChange, range, rollingValues,
                lastNames);
    }

    /** {@code count} consecutive [start, end) windows of {@code size} ms ending now, oldest first. */
    private static List<List<Long>> buckets(long now, long size, int count) {
        List<List<Long>> buckets = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            long end = now - i * size;
            buckets.add(List.of(end - size, end));
        }
        return buckets;
    }

    private static java.util.stream.Stream<RunEntity> activeIn(List<RunEntity> runs, List<Long> window) {
        return runs.stream().filter(r -> r.createAt < window.get(1) && (r.endAt == 0 || r.endAt >= window.get(0)));
    }

    private static Long valueOf(RunEntity run, String metricId) {
        return run.metricsData.stream().filter(m -> m.metricConfigId().equals(metricId))
                .map(RunMetricData::value).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Long average(List<Long> values) {
        return values.isEmpty() ? null : Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
