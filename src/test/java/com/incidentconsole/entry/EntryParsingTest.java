package com.incidentconsole.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.wire.PlaybookMetricConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The formats people type for durations, metric values and times, shared by the CLI and the retro editor. */
class EntryParsingTest {

    private static final PlaybookMetricConfig TIME_TO_DETECT = new PlaybookMetricConfig("m1", "p", "Time to detect",
            "", PlaybookMetricConfig.TYPE_DURATION, null);
    private static final PlaybookMetricConfig COST = new PlaybookMetricConfig("m2", "p", "Cost", "",
            PlaybookMetricConfig.TYPE_CURRENCY, null);
    private static final PlaybookMetricConfig TICKETS = new PlaybookMetricConfig("m3", "p", "Tickets", "",
            PlaybookMetricConfig.TYPE_INTEGER, null);

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(135), DurationText.parse("2h 15m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("90m"));
        assertEquals(Duration.ofSeconds(45), DurationText.parse(" 45s "));
        assertEquals(Duration.ofHours(1), DurationText.parse("1H"));
        assertEquals(Duration.ofHours(28), DurationText.parse("1d 4h"));
    }

    @Test
    void aDurationThatIsNotOneIsRefusedWithTheFormatInTheMessage() {
        for (String bad : new String[] {"", "  ", "soon", "15", "1.5h", "15m 2h", "1h 1h", "h", "-5m", "30m x"}) {
            BadEntry e = assertThrows(BadEntry.class, () -> DurationText.parse(bad), bad);
            assertTrue(e.getMessage().contains("2h 15m"), e.getMessage());
        }
    }

    @Test
    void formattedDurationsReadBackTheSame() {
        for (long seconds : new long[] {0, 1, 59, 60, 61, 3599, 3600, 8100, 86_400, 90_061}) {
            Duration d = Duration.ofSeconds(seconds);
            assertEquals(d, DurationText.parse(DurationText.format(d)), DurationText.format(d));
        }
        assertEquals("2h 15m", DurationText.format(Duration.ofMinutes(135)));
    }

    @Test
    void metricValuesFollowTheMetricsType() {
        assertEquals(Duration.ofMinutes(135).toMillis(), MetricValue.parse(TIME_TO_DETECT, "2h 15m"));
        assertEquals(1500, MetricValue.parse(COST, "1,500"));
        assertEquals(7, MetricValue.parse(TICKETS, " 7 "));
        assertEquals("2h 15m", MetricValue.format(TIME_TO_DETECT, Duration.ofMinutes(135).toMillis()));
        assertEquals("1500", MetricValue.format(COST, 1500));
    }

    @Test
    void aMetricValueThatDoesNotParseNamesTheMetric() {
        assertTrue(assertThrows(BadEntry.class, () -> MetricValue.parse(COST, "$12.50")).getMessage()
                .startsWith("Cost: '$12.50' is not a whole number"));
        assertTrue(assertThrows(BadEntry.class, () -> MetricValue.parse(TICKETS, "-3")).getMessage()
                .startsWith("Tickets:"));
        assertTrue(assertThrows(BadEntry.class, () -> MetricValue.parse(TIME_TO_DETECT, "an hour")).getMessage()
                .startsWith("Time to detect:"));
    }

    @Test
    void timesAreHourMinuteTodayOrIso() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), zone);
        assertEquals(Instant.parse("2026-12-01T13:05:00Z"), EventTime.parse("14:05", clock));
        assertEquals(Instant.parse("2026-12-01T08:05:00Z"), EventTime.parse("9:05", clock));
        assertEquals(Instant.parse("2026-11-30T13:05:00Z"), EventTime.parse("2026-11-30T14:05", clock));
        assertEquals(Instant.parse("2026-11-30T14:05:00Z"), EventTime.parse("2026-11-30T14:05:00Z", clock));
        assertEquals(Instant.parse("2026-11-30T12:05:00Z"), EventTime.parse("2026-11-30T14:05+02:00", clock));
        for (String bad : new String[] {"25:00", "12:60", "noon", "2026-11-30", ""}) {
            assertThrows(BadEntry.class, () -> EventTime.parse(bad, clock), bad);
        }
    }
}
