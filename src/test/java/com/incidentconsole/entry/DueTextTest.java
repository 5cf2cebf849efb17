package com.incidentconsole.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueTextTest {

    /** 2026-12-02 04:12 in Berlin (03:12 UTC). */
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T03:12:00Z"), ZoneId.of("Europe/Berlin"));

    private Instant due(String text) {
        return DueText.parse(text, clock).orElseThrow();
    }

    @Test
    void relativeTimesCountFromNow() {
        assertEquals(Instant.parse("2026-12-02T03:42:00Z"), due("in 30m"));
        assertEquals(Instant.parse("2026-12-02T04:42:00Z"), due("In 1h 30m"));
    }

    @Test
    void aClockTimeIsTodayInTheUsersZoneAndTomorrowDefaultsToNine() {
        assertEquals(Instant.parse("2026-12-02T13:00:00Z"), due("14:00"));
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"), due("tomorrow 9:00"));
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"), due("tomorrow"));
        assertEquals(Instant.parse("2026-12-03T16:30:00Z"), due("tomorrow at 17:30"));
        assertEquals(Instant.parse("2026-12-03T13:00:00Z"), due("tomorrow 14"));
    }

    @Test
    void absoluteTimesWithAndWithoutOffset() {
        assertEquals(Instant.parse("2026-12-01T13:05:00Z"), due("2026-12-01T14:05"));
        assertEquals(Instant.parse("2026-12-01T14:05:00Z"), due("2026-12-01T14:05:00Z"));
    }

    @Test
    void nothingClearsIt() {
        assertEquals(Optional.empty(), DueText.parse("", clock));
        assertEquals(Optional.empty(), DueText.parse("  none ", clock));
        assertEquals(Optional.empty(), DueText.parse(null, clock));
    }

    @Test
    void anythingElseIsRefusedWithEveryForm() {
        for (String bad : new String[] {"soon", "in forever", "25:00", "tomorrow 25:00", "in 30"}) {
            BadEntry e = assertThrows(BadEntry.class, () -> DueText.parse(bad, clock), bad);
            assertTrue(e.getMessage().contains("in 30m") && e.getMessage().contains("tomorrow 9:00"), e.getMessage());
        }
    }
}
