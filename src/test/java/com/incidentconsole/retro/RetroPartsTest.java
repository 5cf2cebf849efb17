package com.incidentconsole.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.WireJson;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The editor's parts without a window: the reminder and state lines, the merge layer, the metrics. */
class RetroPartsTest {

    private final RetroStatusText status = new RetroStatusText(ZoneOffset.UTC);

    private static PlaybookRun run(String fields) throws Exception {
        return WireJson.newMapper().readValue("{\"id\":\"r1\",\"name\":\"Disk\"," + fields + "}", PlaybookRun.class);
    }

    @Test
    void theReminderSaysHowOftenAndWhetherItRuns() throws Exception {
        assertEquals("Retrospective reminder every 1d from the finish until it is published · the playbook's "
                + "interval, fixed for this run (Ctrl+Shift+E off stops it)", status.reminder(run(
                "\"current_status\":\"InProgress\",\"retrospective_enabled\":true,"
                        + "\"retrospective_reminder_interval_seconds\":86400")));
        assertTrue(status.reminder(run("\"current_status\":\"Finished\",\"retrospective_enabled\":true,"
                + "\"retrospective_reminder_interval_seconds\":3600")).startsWith(
                "Retrospective reminder every 1h until it is published"));
        assertEquals("Retrospective reminder every 1h: off while the retrospective is off (Ctrl+Shift+E turns it on)",
                status.reminder(run("\"retrospective_enabled\":false,\"retrospective_reminder_interval_seconds\":3600")));
        assertEquals("Retrospective reminder every 1h: stopped, the retrospective is published", status.reminder(run(
                "\"retrospective_enabled\":true,\"retrospective_published_at\":1764680000000,"
                        + "\"retrospective_reminder_interval_seconds\":3600")));
        assertEquals("No retrospective reminder (the playbook sets none)",
                status.reminder(run("\"retrospective_enabled\":true,\"retrospective_reminder_interval_seconds\":0")));
    }

    @Test
    void theStateLineSaysPublishedCanceledOrUnpublishedChanges() throws Exception {
        PlaybookRun published = run("\"retrospective\":\"text\",\"retrospective_published_at\":1764680000000");
        assertEquals("Published Dec 2 12:53", status.state(published, "text"));
        assertEquals("Published Dec 2 12:53 · your text has unpublished changes", status.state(published, "more"));
        assertTrue(status.state(run("\"retrospective_was_canceled\":true,\"retrospective_published_at\":1"), "")
                .startsWith("No retrospective (canceled"));
        assertEquals("Not published · saved on the server", status.state(run("\"retrospective\":\"x\""), "x"));
    }

    @Test
    void aMergedTextWithMarkersCannotBeAcceptedAndACleanOneCarriesTheInterruptedSend() {
        RetroMerge merge = new RetroMerge();
        AtomicInteger sent = new AtomicInteger();
        merge.show("a\n", "mine\n", "theirs\n", sent::incrementAndGet);
        assertTrue(merge.mergingProperty().get());
        assertTrue(merge.mergedProperty().get().contains("mine") && merge.mergedProperty().get().contains("theirs"));
        assertTrue(merge.accept().isEmpty(), "markers left: not accepted");
        assertTrue(merge.summaryProperty().get().contains("still holds conflict markers"));
        merge.mergedProperty().set("mine\ntheirs\n");
        RetroMerge.Accepted accepted = merge.accept().orElseThrow();
        assertEquals("mine\ntheirs\n", accepted.text());
        assertEquals("theirs\n", accepted.newBase(), "the server's text is the new base");
        assertFalse(merge.mergingProperty().get());
        accepted.then().run();
        assertEquals(1, sent.get());
    }

    @Test
    void metricsFromTheDraftOverTheRunAndBadValuesBlock() {
        RetroMetrics metrics = new RetroMetrics();
        List<PlaybookMetricConfig> configs = List.of(
                new PlaybookMetricConfig("m1", "p", "Time to detect", "", PlaybookMetricConfig.TYPE_DURATION, null),
                new PlaybookMetricConfig("m2", "p", "Cost", "", PlaybookMetricConfig.TYPE_CURRENCY, null),
                new PlaybookMetricConfig("m3", "p", "Customers", "", PlaybookMetricConfig.TYPE_INTEGER, null));
        AtomicInteger changes = new AtomicInteger();
        metrics.fill(configs, List.of(new RunMetricData("m2", 700L), new RunMetricData("m3", 5L)),
                Map.of("m1", "2h 15m", "m3", "lots"), changes::incrementAndGet);
        assertEquals(List.of(new RunMetricData("m1", 8_100_000L), new RunMetricData("m2", 700L),
                new RunMetricData("m3", null)), metrics.values(), "typed beats held; a bad value is none");
        assertEquals(1, metrics.errors().size());
        metrics.rows().get(2).textProperty().set("42");
        assertTrue(metrics.errors().isEmpty());
        assertEquals("42", metrics.typed().get("m3"));
        assertEquals(1, changes.get(), "each keystroke reaches the draft");
    }
}
