package com.incidentconsole.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The numbers of a stats view.
 *
 * <ul>
 * <li><b>MTTR</b> (time to resolve) of a finished run: its end time minus its start time. Over the runs that
 *     finished in the range.</li>
 * <li><b>MTTA</b> (time to acknowledge) of a run: from its start to the first sign that someone took it up —
 *     its first status update (by anyone: posting one is acknowledging), or the first checklist change by
 *     someone other than the reporter (the reporter ticking their own list acknowledges nothing), whichever
 *     comes first. Over the runs started in the range that have such a sign; runs without one are counted in
 *     {@link Summary#missing()}.</li>
 * <li><b>median</b> and <b>p90</b> are nearest-rank percentiles: always a duration some run really had.</li>
 * </ul>
 */
public record IncidentStats(int runsStarted, int runsFinished, int inProgress, Summary mttr, Summary mtta,
                            List<Week> weeks, List<MetricSeries> metrics) {

    public IncidentStats {
        weeks = List.copyOf(weeks);
        metrics = List.copyOf(metrics);
    }

    /** A distribution of durations in milliseconds; empty when no run had one. */
    public record Summary(int count, int missing, OptionalLong medianMillis, OptionalLong p90Millis) {
    }

    /** Runs started and finished in the week beginning on Monday {@code start}. */
    public record Week(LocalDate start, int started, int finished) {
    }

    /** One playbook metric over time: each run that has a value, by its start time, against the target. */
    public record MetricSeries(String playbookId, String metricId, String title, String type, Long target,
                               List<Point> points) {
        public MetricSeries {
            points = List.copyOf(points);
        }
    }

    public record Point(String runId, String runName, long runStartMillis, long value) {
    }
}
