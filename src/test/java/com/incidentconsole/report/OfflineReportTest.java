package com.incidentconsole.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report made from the local cache has no status-update text; it must say so rather than claim there were none. */
class OfflineReportTest {

    @Test
    void anOfflineReportSaysTheStatusUpdateTextIsUnavailableInsteadOfNone() {
        PlaybookRun run = ReportFixtures.run("Checkout down", "Page the DB team", "");
        String md = new MarkdownReport().render(new ReportBuilder().build(new ReportInput(run, "", List.of(), Map.of(),
                List.of(), ZoneId.of("UTC"), Instant.parse("2026-11-04T10:00:00Z"), true)));
        assertTrue(md.contains("Status update text is unavailable"), md);
        assertFalse(md.contains("No status updates were posted."), "missing is not the same as none");
    }

    @Test
    void anOnlineReportWithoutUpdatesStillSaysNoneWerePosted() {
        PlaybookRun run = ReportFixtures.run("Checkout down", "Page the DB team", "");
        String md = new MarkdownReport().render(new ReportBuilder().build(new ReportInput(run, "", List.of(), Map.of(),
                List.of(), ZoneId.of("UTC"), Instant.parse("2026-11-04T10:00:00Z"))));
        assertTrue(md.contains("No status updates were posted."), md);
        assertFalse(md.contains("unavailable"), md);
    }
}
