package com.incidentconsole.alerts;

import static com.incidentconsole.alerts.RunJson.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The server's own arithmetic: previous_reminder (nanoseconds) after last_status_update_at. */
class NextUpdateTest {

    private static final Instant T = Instant.parse("2026-11-01T09:00:00Z");
    private final NextUpdate next = new NextUpdate();

    @Test
    void dueIsTheLastUpdatePlusThePreviousReminder() {
        assertEquals(Optional.of(T.plusSeconds(900)), next.apply(run("r", "me", "me", "t", T.minusSeconds(3600), 15)
                .set("last_status_update_at", T.toEpochMilli()).record()));
    }

    @Test
    void aRunWithoutTheStampCountsFromItsCreation() {
        assertEquals(Optional.of(T.plusSeconds(600)), next.apply(run("r", "me", "me", "t", T, 10)
                .set("last_status_update_at", 0).record()));
    }

    @Test
    void noDueTimeWhenDismissedDisabledOrFinished() {
        RunJson r = run("r", "me", "me", "t", T, 10);
        assertEquals(Optional.empty(), next.apply(r.set("previous_reminder", 0).record()));
        assertEquals(Optional.empty(), next.apply(r.set("status_update_enabled", false).record()));
        assertEquals(Optional.empty(), next.apply(r.set("current_status", PlaybookRun.STATUS_FINISHED).record()));
    }
}
