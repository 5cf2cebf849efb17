package com.incidentconsole.wire;

import java.util.List;

/**
 * {@code GET /stats/playbook?playbook_id=}: the figures the webapp charts for one playbook. The
 * {@code *_times} lists hold a {@code [start, end]} ms pair per bucket, oldest first; metric lists
 * hold one entry per metric config, in the playbook's order (null where there is no value).
 */
public record PlaybookStats(
        long runsInProgress,
        long participantsActive,
        long runsFinishedPrev30Days,
        long runsFinishedPercentageChange,
        List<Long> runsStartedPerWeek,
        List<List<Long>> runsStartedPerWeekTimes,
        List<Long> activeRunsPerDay,
        List<List<Long>> activeRunsPerDayTimes,
        List<Long> activeParticipantsPerDay,
        List<List<Long>> activeParticipantsPerDayTimes,
        List<Long> metricOverallAverage,
        List<Long> metricRollingAverage,
        List<Long> metricRollingAverageChange,
        List<List<Long>> metricValueRange,
        List<List<Long>> metricRollingValues,
        List<String> lastXRunNames) {

    /** What the server reports when the previous period had no finished runs (any change is "infinite"). */
    public static final long NO_PREVIOUS_PERIOD = 99_999_999L;
}
