package com.incidentconsole.cadence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cadence rules as the Playbooks server applies them (server/app/reminder.go, sqlstore/playbook_run.go). */
class UpdateCadenceTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static final long CREATED = 1_700_000_000_000L;
    private static final long HOUR_NANOS = Duration.ofHours(1).toNanos();

    /** An ongoing run, updates on, reminding every hour, last updated 10 minutes after it began. */
    private static PlaybookRun run(Consumer<ObjectNode> change) {
        ObjectNode tree = MAPPER.createObjectNode()
                .put("id", "r1").put("current_status", PlaybookRun.STATUS_IN_PROGRESS)
                .put("create_at", CREATED).put("last_status_update_at", CREATED + 600_000)
                .put("previous_reminder", HOUR_NANOS).put("status_update_enabled", true)
                .put("reminder_timer_default_seconds", 1800);
        change.accept(tree);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    private static Instant at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    @Test
    void dueOneReminderAfterTheLastUpdate() {
        assertEquals(Optional.of(at(CREATED + 600_000 + 3_600_000)), UpdateCadence.nextUpdateDue(run(r -> { })));
    }

    @Test
    void isAFunctionOfTheRunForOtherRules() {
        Function<PlaybookRun, Optional<Instant>> rule = UpdateCadence::nextUpdateDue;
        assertTrue(rule.apply(run(r -> { })).isPresent());
    }

    @Test
    void aRunWithoutALastUpdateTimeCountsFromItsStart() {
        assertEquals(Optional.of(at(CREATED + 3_600_000)),
                UpdateCadence.nextUpdateDue(run(r -> r.put("last_status_update_at", 0))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            finished run,            current_status,        Finished, FINISHED
            status updates disabled, status_update_enabled, false,    UPDATES_DISABLED
            no reminder (0 ns),      previous_reminder,     0,        NO_REMINDER
            """)
    void nothingIsDueWhenTheServerWouldNotCountItOverdue(String why, String field, String value, String reason) {
        PlaybookRun run = run(r -> {
            switch (value) {
                case "false" -> r.put(field, false);
                case "0" -> r.put(field, 0L);
                default -> r.put(field, value);
            }
        });
        assertEquals(Optional.empty(), UpdateCadence.nextUpdateDue(run), why);
        assertEquals(new UpdateCadence.State.NotDue(UpdateCadence.State.Reason.valueOf(reason)),
                UpdateCadence.at(run, at(CREATED + 100 * 3_600_000L)));
        assertEquals(Instant.MAX, UpdateCadence.at(run, at(CREATED)).sortKey(), "sorts after every due run");
    }

    @Test
    void dueInUntilTheInstantThenOverdueFromItOn() {
        PlaybookRun run = run(r -> { });
        long due = CREATED + 600_000 + 3_600_000;
        assertEquals(new UpdateCadence.State.DueIn(at(due), Duration.ofMinutes(12)),
                UpdateCadence.at(run, at(due - 12 * 60_000)));
        // The server's query is "due <= now": at the instant itself the update is already late.
        assertEquals(new UpdateCadence.State.Overdue(at(due), Duration.ZERO, false), UpdateCadence.at(run, at(due)));
        assertEquals(new UpdateCadence.State.Overdue(at(due), Duration.ofMinutes(7), false),
                UpdateCadence.at(run, at(due + 7 * 60_000)));
    }

    @Test
    void anOverdueRunSaysWhetherTheBotHasPostedItsReminder() {
        PlaybookRun run = run(r -> r.put("reminder_post_id", "post9"));
        UpdateCadence.State state = UpdateCadence.at(run, at(CREATED + 10 * 3_600_000L));
        assertTrue(state instanceof UpdateCadence.State.Overdue o && o.reminderPosted());
    }

    @Test
    void anUpdateOrASnoozeRestartsTheCountdownWithTheNewInterval() {
        // SetNewReminder (after a status update, or a snooze): last_status_update_at = now, previous_reminder = new.
        long snoozedAt = CREATED + 5 * 3_600_000L;
        PlaybookRun snoozed = run(r -> r.put("last_status_update_at", snoozedAt)
                .put("previous_reminder", Duration.ofMinutes(15).toNanos()).put("reminder_post_id", ""));
        assertEquals(new UpdateCadence.State.DueIn(at(snoozedAt + 900_000), Duration.ofMinutes(15)),
                UpdateCadence.at(snoozed, at(snoozedAt)));
    }

    @Test
    void finishingWithAnUpdateLeavesNothingDue() {
        // updateStatus with finish_run: reminder 0, then the run is finished.
        PlaybookRun finished = run(r -> r.put("previous_reminder", 0L).put("current_status", "Finished"));
        assertEquals(Optional.empty(), UpdateCadence.nextUpdateDue(finished));
    }

    @Test
    void theNextUpdateOffersTheCurrentIntervalElseThePlaybookDefault() {
        assertEquals(Optional.of(Duration.ofHours(1)), UpdateCadence.defaultReminder(run(r -> { })));
        assertEquals(Optional.of(Duration.ofMinutes(30)),
                UpdateCadence.defaultReminder(run(r -> r.put("previous_reminder", 0L))));
        assertEquals(Optional.empty(), UpdateCadence.defaultReminder(run(r -> r.put("previous_reminder", 0L)
                .put("reminder_timer_default_seconds", 0))));
        assertEquals(Optional.empty(), UpdateCadence.currentReminder(run(r -> r.put("previous_reminder", 0L))));
    }

    @Test
    void theServerTakesWholePositiveSecondsOnly() {
        assertTrue(UpdateCadence.acceptable(Duration.ofMinutes(30)));
        assertFalse(UpdateCadence.acceptable(Duration.ZERO));
        assertFalse(UpdateCadence.acceptable(Duration.ofMillis(1500)));
        assertEquals(Duration.ofMinutes(15), UpdateCadence.PRESETS.getFirst());
        assertEquals(Duration.ofDays(7), UpdateCadence.PRESETS.getLast());
    }
}
