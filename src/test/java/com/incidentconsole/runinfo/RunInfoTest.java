package com.incidentconsole.runinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The numbers of the run's summary panel (v1 {@code /incident info}), from a run as the server sends it. */
@BesideOtherTests
class RunInfoTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:12:00Z");
    private static final long START = NOW.minus(Duration.ofMinutes(95)).toEpochMilli();

    private static PlaybookRun run(String status, long endAt) throws Exception {
        long pastDue = NOW.minusSeconds(600).toEpochMilli();
        long futureDue = NOW.plusSeconds(600).toEpochMilli();
        return WireJson.newMapper().readValue("""
                {"id":"r1","name":"Acme","owner_user_id":"u1","create_at":%d,"end_at":%d,"current_status":"%s",
                 "status_update_enabled":true,"previous_reminder":%d,"last_status_update_at":%d,
                 "participant_ids":["u1","u2","u3"],
                 "checklists":[
                  {"title":"Triage","items":[{"id":"a","state":"closed"},{"id":"b","state":"skipped"},
                                              {"id":"c","state":"closed"}]},
                  {"title":"Investigate","items":[{"id":"d","state":"","due_date":%d},
                                                   {"id":"e","state":"in_progress","due_date":%d},
                                                   {"id":"f","state":""},
                                                   {"id":"g","state":"","due_date":%d,"condition_action":"hidden"}]},
                  {"title":"Resolve","items":[{"id":"h","state":""}]}]}
                """.formatted(START, endAt, status, Duration.ofMinutes(30).toNanos(),
                NOW.minus(Duration.ofMinutes(40)).toEpochMilli(), pastDue, futureDue, pastDue), PlaybookRun.class);
    }

    @Test
    void anOngoingRunCountsItsTasksStageAndTheUpdateItOwes() throws Exception {
        RunInfo info = RunInfo.of(run("InProgress", 0), NOW);

        assertEquals("u1", info.ownerId());
        assertEquals(Duration.ofMinutes(95), info.duration());
        assertEquals(Optional.of("Investigate"), info.stage(), "the first checklist with open items");
        assertEquals(2, info.done());
        assertEquals(4, info.open(), "in progress is open; the hidden item counts nowhere");
        assertEquals(1, info.skipped());
        assertEquals(1, info.overdue(), "only the visible open item whose due date passed");
        assertEquals(Optional.of(NOW.minus(Duration.ofMinutes(10))), info.nextUpdateDue(),
                "last update 40 min ago, every 30 min: due 10 min ago");
        assertTrue(info.updateOverdue(NOW));
        assertEquals(List.of("u1", "u2", "u3"), info.participantIds());
    }

    @Test
    void aFinishedRunLastsUntilItEndedAndOwesNoUpdate() throws Exception {
        long end = NOW.minus(Duration.ofMinutes(5)).toEpochMilli();
        RunInfo info = RunInfo.of(run("Finished", end), NOW);

        assertEquals(Duration.ofMinutes(90), info.duration());
        assertEquals(Optional.empty(), info.nextUpdateDue());
        assertFalse(info.updateOverdue(NOW));
    }

    @Test
    void thePanelSaysTheNumbersInWordsAndMarksWhatIsLate() throws Exception {
        List<RunInfoText> lines = RunInfoText.lines(RunInfo.of(run("InProgress", 0), NOW), NOW,
                java.util.Map.of("u1", "Alex Rivera", "u2", "Priya Natarajan", "u3", "Sam Lee")::get,
                ResourceBundle.getBundle("i18n.messages"), ZoneOffset.UTC);

        assertEquals("Alex Rivera", value(lines, "infoOwner"));
        assertEquals("1h 35m", value(lines, "infoDuration"));
        assertEquals("2 done · 4 open · 1 overdue · 1 skipped", value(lines, "infoTasks"));
        assertEquals("overdue by 10m (was due Dec 2 04:02)", value(lines, "infoNextUpdate"));
        assertEquals("Alex Rivera, Priya Natarajan, Sam Lee", value(lines, "infoParticipants"));
        assertTrue(lines.stream().filter(l -> l.id().equals("infoTasks")).findFirst().orElseThrow().alarming());
    }

    private static String value(List<RunInfoText> lines, String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().value();
    }
}
