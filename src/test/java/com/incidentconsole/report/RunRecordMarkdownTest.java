package com.incidentconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRecordMarkdownTest {

    private final Map<String, String> names = Map.of("u1", "Alex Rivera", "u2", "Priya Shah", "u3", "Ines Moreau");
    private final RunRecordMarkdown record = new RunRecordMarkdown(id -> names.getOrDefault(id, id), ZoneId.of("UTC"));
    private final PlaybookRun run = ReportFixtures.run("Checkout down", "Page the DBA", "");

    @Test
    void eventsAreListItemsOldestFirstWithTimeTypeWhoAndPlainText() {
        List<TimelineEvent> events = List.of(run.timelineEvents().get(1), run.timelineEvents().get(0));
        assertEquals("- **2026-11-03 04:12 UTC** · Run started · Priya Shah\n"
                + "- **2026-11-03 04:22 UTC** · Task · Ines Moreau — checked off checklist item Page the DBA\n\n",
                record.events(events));
        assertEquals("", record.events(List.of()));
    }

    @Test
    void aPostsDetailsFollowIndentedAndSystemJsonIsLeftOut() {
        TimelineEvent fromPost = new TimelineEvent("e9", "run1", 0, 0, ReportFixtures.START, "event_from_post",
                "Failover started", "Primary  down\nswitching to replica", "p1", "", "u1");
        TimelineEvent system = new TimelineEvent("e8", "run1", 0, 0, ReportFixtures.START, "owner_changed",
                "Owner changed", "{\"action\":\"x\"}", "", "u2", "");
        assertEquals("- **2026-11-03 04:12 UTC** · From a post · Alex Rivera — Failover started\n"
                + "  Primary  down\n  switching to replica", record.event(fromPost));
        assertEquals("- **2026-11-03 04:12 UTC** · Owner changed · Priya Shah — Owner changed", record.event(system));
    }

    @Test
    void statusUpdatesAreQuotedUnderTheirTimeAndAuthorOldestFirst() {
        String md = record.statusUpdates(List.of(
                new StatusPostComplete("p2", ReportFixtures.START + 2_000_000, 0, 0, "Second\n\nmitigated", "alex"),
                new StatusPostComplete("p1", ReportFixtures.START + 900_000, 0, 0, "First", "alex"),
                new StatusPostComplete("p0", ReportFixtures.START, 0, 5, "deleted", "alex")));
        assertEquals("#### Status updates\n\n**2026-11-03 04:27 UTC — @alex**\n\n> First\n\n"
                + "**2026-11-03 04:45 UTC — @alex**\n\n> Second\n>\n> mitigated\n\n", md);
        assertEquals("_No status updates were posted._\n\n", record.statusUpdates(List.of()));
    }

    @Test
    void peopleByName() {
        assertEquals("- **Owner:** Alex Rivera\n- **Participants (3):** Alex Rivera, Priya Shah, Ines Moreau\n\n",
                record.people(run));
    }

    @Test
    void durationAndEachStagesCompletion() {
        String md = record.durations(run, Instant.parse("2026-11-04T10:00:00Z"));
        assertTrue(md.startsWith("- **Duration:** 2h 30m (started 2026-11-03 04:12 UTC, finished 2026-11-03 06:42 UTC)\n"),
                md);
        assertTrue(md.contains("- **Stage “Triage”:** not completed (2 of 3 items done)\n"), md);
        assertTrue(md.contains("- **Stage “Empty stage”:** no items\n"), md);
    }

    @Test
    void aStageWithEveryItemSettledSaysWhenItWasCompleted() throws Exception {
        PlaybookRun done = ReportFixtures.MAPPER.readValue("""
                {"id":"r","create_at":%d,"checklists":[{"id":"c","title":"Fix","items":[
                  {"id":"a","title":"A","state":"closed","state_modified":%d},
                  {"id":"b","title":"B","state":"skipped","state_modified":%d}]}]}
                """.formatted(ReportFixtures.START, ReportFixtures.START + 60_000, ReportFixtures.START + 3_900_000),
                PlaybookRun.class);
        String md = record.durations(done, Instant.ofEpochMilli(ReportFixtures.START + 7_200_000));
        assertTrue(md.startsWith("- **Duration:** 2h so far"), md);
        assertTrue(md.contains("- **Stage “Fix”:** completed 2026-11-03 05:17 UTC, 1h 5m after the start\n"), md);
    }

    @Test
    void metricsAgainstTheirTarget() {
        PlaybookMetricConfig ttr = new PlaybookMetricConfig("m", "pb", "TTR", "", "metric_duration", 7_200_000L);
        assertEquals("met", RunRecordMarkdown.againstTarget(ttr, 3_600_000L));
        assertEquals("over target by 15m", RunRecordMarkdown.againstTarget(ttr, 8_100_000L));
        assertEquals("", RunRecordMarkdown.againstTarget(ttr, null));
    }
}
