package com.incidentconsole.alerts;

import com.incidentconsole.cadence.UpdateCadence;
import static com.incidentconsole.alerts.RunJson.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Decisions to notices: debounced, per-kind settings, do-not-disturb, history, words. */
class AlertDeskTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AlertDesk desk = new AlertDesk(new AlertRules("me", Set.of("t"), pb -> false, UpdateCadence::nextUpdateDue, START),
            new Debounce(Duration.ofSeconds(2)),
            new AlertText(ResourceBundle.getBundle(AlertText.BUNDLE), Map.of("bob", "Bob Stone")::get, ZoneOffset.UTC,
                    s -> s),
            new AlertHistory(50), notifier, now::get);

    private void advance(Duration by) {
        now.set(now.get().plus(by));
        desk.tick();
    }

    /** What the store held when the desk started: taken as it is. */
    private void load(RunJson... runs) {
        desk.changed(new RunsChange(List.of(runs).stream().map(RunJson::record).toList(), Set.of(), true));
    }

    private void upsert(RunJson... runs) {
        desk.changed(new RunsChange(List.of(runs).stream().map(RunJson::record).toList(), Set.of(), false));
    }

    @Test
    void aBurstOfAssignmentsIsOneNoticeSayingHowManyAndWho() {
        RunJson r = run("r1", "bob", "bob", "t", START, 60);
        load(r);
        r = r.item("i1", "Page", "me", START.plusSeconds(1)).event("e1", TimelineEvent.ASSIGNEE_CHANGED, START.plusSeconds(1), "bob", "");
        upsert(r);
        upsert(r.item("i2", "Mitigate", "me", START.plusSeconds(1)).updatedAt(START.plusSeconds(1)));
        assertEquals(List.of(), notifier.shown(), "held for the debounce window");
        advance(Duration.ofSeconds(2));
        assertEquals(1, notifier.shown().size());
        Notice notice = notifier.shown().get(0);
        assertEquals("A task for you", notice.title());
        assertEquals("Bob Stone assigned you 2 tasks in Run r1.", notice.body());
        assertEquals("r1", notice.runId());
        assertFalse(notice.sound(), "assignments are quiet by default");
    }

    @Test
    void overdueSaysTheDueTimeAndRingsByDefault() {
        load(run("r1", "me", "bob", "t", START, 15));
        advance(Duration.ofMinutes(10));
        advance(Duration.ofSeconds(2));
        advance(Duration.ofMinutes(5));
        advance(Duration.ofSeconds(2));
        assertEquals(List.of(AlertKind.DUE_SOON, AlertKind.OVERDUE), notifier.kinds());
        assertEquals("Run r1: the update was due at 09:15. Post one now.", notifier.shown().get(1).body());
        assertTrue(notifier.shown().get(1).sound());
        assertEquals(2, desk.history().entries().size());
        assertEquals(AlertKind.OVERDUE, desk.history().entries().get(0).notice().alert().kind(), "newest first");
    }

    @Test
    void aKindTurnedOffIsNeitherShownNorListedAndSoundFollowsTheSetting() {
        desk.update(s -> s.withEnabled(AlertKind.DUE_SOON, false).withSound(AlertKind.OVERDUE, false));
        load(run("r1", "me", "bob", "t", START, 15));
        advance(Duration.ofMinutes(10));
        advance(Duration.ofMinutes(6));
        advance(Duration.ofSeconds(2));
        assertEquals(List.of(AlertKind.OVERDUE), notifier.kinds());
        assertFalse(notifier.shown().get(0).sound());
        assertEquals(1, desk.history().entries().size());
    }

    @Test
    void doNotDisturbHoldsThePopUpButTheHistoryKeepsIt() {
        desk.update(s -> s.withDoNotDisturb(true));
        load(run("r1", "me", "bob", "t", START, 15));
        advance(Duration.ofMinutes(16));
        advance(Duration.ofSeconds(2));
        assertEquals(List.of(), notifier.shown());
        AlertHistory.Entry entry = desk.history().entries().get(0);
        assertEquals(AlertKind.OVERDUE, entry.notice().alert().kind());
        assertFalse(entry.shown());
    }

    @Test
    void aFailingNotifierDoesNotLoseTheNotice() {
        AlertDesk failing = new AlertDesk(new AlertRules("me", Set.of("t"), pb -> false, UpdateCadence::nextUpdateDue, START),
                new Debounce(Duration.ZERO), new AlertText(ResourceBundle.getBundle(AlertText.BUNDLE), id -> id,
                        ZoneOffset.UTC, s -> s), new AlertHistory(5), n -> {
                            throw new IllegalStateException("bus gone");
                        }, now::get);
        failing.changed(new RunsChange(List.of(run("r1", "bob", "bob", "t", START, 60).record()), Set.of(), false));
        assertEquals(1, failing.history().entries().size());
    }

    @Test
    void settingsListenersHearEveryChange() {
        AtomicReference<AlertSettings> heard = new AtomicReference<>();
        desk.onSettings(heard::set);
        desk.update(s -> s.withSound(AlertKind.RUN_STARTED, true));
        assertTrue(heard.get().of(AlertKind.RUN_STARTED).sound());
    }
}
