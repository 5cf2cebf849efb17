package com.incidentconsole.stats;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The numbers of a stats view as one CSV table (RFC 4180: CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled), so a spreadsheet opens what the screen showed. One flat table, because a
 * spreadsheet has no sections: {@code section} says which part of the view a row comes from. Durations are in
 * milliseconds, as the server stores them; {@code unit} says what a value is.
 */
public final class StatsCsv {

    static final List<String> HEADER = List.of("section", "name", "run", "date", "value", "target", "unit");

    public String write(IncidentStats stats, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        row(out, List.of("summary", "runs started", "", "", Integer.toString(stats.runsStarted()), "", "count"));
        row(out, List.of("summary", "runs finished", "", "", Integer.toString(stats.runsFinished()), "", "count"));
        row(out, List.of("summary", "in progress", "", "", Integer.toString(stats.inProgress()), "", "count"));
        summary(out, "MTTA", stats.mtta());
        summary(out, "MTTR", stats.mttr());
        for (IncidentStats.Week week : stats.weeks()) {
            row(out, List.of("week", "started", "", week.start().toString(), Integer.toString(week.started()), "", "count"));
            row(out, List.of("week", "finished", "", week.start().toString(), Integer.toString(week.finished()), "", "count"));
        }
        for (IncidentStats.MetricSeries series : stats.metrics()) {
            String target = series.target() == null ? "" : Long.toString(series.target());
            for (IncidentStats.Point point : series.points()) {
                row(out, List.of("metric", series.title(), point.runName(),
                        Instant.ofEpochMilli(point.runStartMillis()).atZone(zone).toLocalDate().toString(),
                        Long.toString(point.value()), target, series.type()));
            }
        }
        return out.toString();
    }

    private static void summary(StringBuilder out, String name, IncidentStats.Summary summary) {
        row(out, List.of("summary", name + " median", "", "", text(summary.medianMillis()), "", "ms"));
        row(out, List.of("summary", name + " p90", "", "", text(summary.p90Millis()), "", "ms"));
        row(out, List.of("summary", name + " runs counted", "", "", Integer.toString(summary.count()), "", "count"));
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    private static void row(StringBuilder out, List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        fields.forEach(f -> quoted.add(field(f)));
        out.append(String.join(",", quoted)).append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
