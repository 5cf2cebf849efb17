package com.incidentconsole.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatsCsvTest {

    private static final long START = Instant.parse("2026-11-03T04:12:00Z").toEpochMilli();

    private final IncidentStats stats = new IncidentStats(3, 2, 1,
            new IncidentStats.Summary(2, 0, OptionalLong.of(3_600_000), OptionalLong.of(7_200_000)),
            new IncidentStats.Summary(0, 3, OptionalLong.empty(), OptionalLong.empty()),
            List.of(new IncidentStats.Week(LocalDate.of(2026, 11, 2), 3, 2)),
            List.of(new IncidentStats.MetricSeries("pb1", "m1", "Cost, \"est.\"", "metric_currency", 500L, List.of(
                    new IncidentStats.Point("r1", "DB down\nagain", START, 120)))));

    @Test
    void everyNumberOnTheScreenIsARowWithCrLfLineEnds() {
        String csv = new StatsCsv().write(stats, ZoneOffset.UTC);
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertEquals("section,name,run,date,value,target,unit", lines.get(0));
        assertTrue(lines.contains("summary,runs started,,,3,,count"), csv);
        assertTrue(lines.contains("summary,in progress,,,1,,count"), csv);
        assertTrue(lines.contains("summary,MTTR median,,,3600000,,ms"), csv);
        assertTrue(lines.contains("summary,MTTR p90,,,7200000,,ms"), csv);
        assertTrue(lines.contains("summary,MTTA median,,,,,ms"), "no acknowledged run: empty, not zero");
        assertTrue(lines.contains("week,finished,,2026-11-02,2,,count"), csv);
        assertEquals("", lines.get(lines.size() - 1), "the last record ends with CRLF too");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        String csv = new StatsCsv().write(stats, ZoneOffset.UTC);
        assertTrue(csv.contains("metric,\"Cost, \"\"est.\"\"\",\"DB down\nagain\",2026-11-03,120,500,metric_currency\r\n"), csv);
        assertEquals("plain", StatsCsv.field("plain"));
        assertEquals("\"a\rb\"", StatsCsv.field("a\rb"));
    }
}
