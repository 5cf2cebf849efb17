package com.incidentconsole.cadence;

import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run's status-update cadence with the real server's rules (ADR 0027):
 * <ul>
 * <li>an update is due only while the run is in progress, its status updates are enabled and it has a reminder
 *     ({@code previous_reminder}, a Go duration in ns, not 0) — the same three conditions as the server's overdue
 *     queries (sqlstore/playbook_run.go GetOverdueUpdateRuns…);</li>
 * <li>it is due at {@code last_status_update_at + previous_reminder}, and overdue from that instant on (the
 *     server's {@code <=});</li>
 * <li>{@code last_status_update_at} restarts at every status update and every snooze (both end in
 *     {@code SetNewReminder}, which also deletes the reminder post and stores the new interval), and at a
 *     restore (sqlstore RestorePlaybookRun); finishing with an update sets the interval to 0: nothing more due;</li>
 * <li>the next update's default interval is the current one, else the playbook's default
 *     ({@code reminder_timer_default_seconds}), as the update dialog offers.</li>
 * </ul>
 * Stateless: every answer comes from the run alone, so the list, the detail and notifications agree.
 */
public final class UpdateCadence {

    /** The update dialog's reminder choices (app/playbook_run_service.go newUpdatePlaybookRunDialog). */
    public static final List<Duration> PRESETS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofMinutes(60), Duration.ofHours(4), Duration.ofHours(24), Duration.ofDays(7));

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private UpdateCadence() {
    }

    /** When the next update is due; empty when none is (finished, updates disabled, no reminder). */
    public static Optional<Instant> nextUpdateDue(PlaybookRun run) {
        if (run.isFinished() || !run.statusUpdateEnabled() || run.previousReminder() <= 0) {
            return Optional.empty();
        }
        // The server sets last_status_update_at at creation; a run from before that field has its creation instead
        // (the server's own migration fills it with the newest status post, else the creation).
        long from = run.lastStatusUpdateAt() > 0 ? run.lastStatusUpdateAt() : run.createAt();
        return Optional.of(Instant.ofEpochMilli(from + run.previousReminder() / NANOS_PER_MILLI));
    }

    /** Where the run stands at {@code now}. */
    public static State at(PlaybookRun run, Instant now) {
        Optional<Instant> due = nextUpdateDue(run);
        if (due.isEmpty()) {
            return new State.NotDue(whyNotDue(run));
        }
        Instant at = due.get();
        if (!at.isAfter(now)) {
            return new State.Overdue(at, Duration.between(at, now), !run.reminderPostId().isEmpty());
        }
        return new State.DueIn(at, Duration.between(now, at));
    }

    /** The interval the next update offers by default; empty when the run has none (the user must choose). */
    public static Optional<Duration> defaultReminder(PlaybookRun run) {
        if (run.previousReminder() > 0) {
            return Optional.of(Duration.ofNanos(run.previousReminder()));
        }
        return run.reminderTimerDefaultSeconds() > 0
                ? Optional.of(Duration.ofSeconds(run.reminderTimerDefaultSeconds())) : Optional.empty();
    }

    /** The interval the run reminds at now; empty when it has none. */
    public static Optional<Duration> currentReminder(PlaybookRun run) {
        return run.previousReminder() > 0 ? Optional.of(Duration.ofNanos(run.previousReminder())) : Optional.empty();
    }

    /**
     * Whether a reminder interval is one the server takes: whole seconds above 0 ({@code reminder} of the status
     * endpoint, {@code new_reminder_seconds} of the snooze; 0 only together with finishing the run).
     */
    public static boolean acceptable(Duration reminder) {
        return reminder.getSeconds() > 0 && reminder.getNano() == 0;
    }

    private static State.Reason whyNotDue(PlaybookRun run) {
        if (run.isFinished()) {
            return State.Reason.FINISHED;
        }
        return run.statusUpdateEnabled() ? State.Reason.NO_REMINDER : State.Reason.UPDATES_DISABLED;
    }

    /** Where a run's cadence stands at one instant. */
    public sealed interface State {

        /** The instant to sort by: the due time, or the far future when nothing is due. */
        Instant sortKey();

        /** Nothing is due. */
        record NotDue(Reason reason) implements State {
            @Override
            public Instant sortKey() {
                return Instant.MAX;
            }
        }

        record DueIn(Instant dueAt, Duration left) implements State {
            @Override
            public Instant sortKey() {
                return dueAt;
            }
        }

        /** @param reminderPosted the server's bot has posted its reminder in the run channel (and not deleted it) */
        record Overdue(Instant dueAt, Duration by, boolean reminderPosted) implements State {
            @Override
            public Instant sortKey() {
                return dueAt;
            }
        }

        enum Reason { FINISHED, UPDATES_DISABLED, NO_REMINDER }
    }
}
