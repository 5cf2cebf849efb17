package com.incidentconsole.alerts;

import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * When a run's next status update is due, the way the real server decides it is overdue
 * ({@code sqlstore/playbook_run.go} {@code GetOverdueUpdateRuns}: in progress, status updates enabled,
 * {@code previous_reminder != 0}, and {@code previous_reminder / 1e6 + last_status_update_at <= now}).
 * {@code previous_reminder} is a Go duration in nanoseconds; the server sets it from the playbook's default at
 * creation, and again on every update and snooze ({@code SetNewReminder}), together with
 * {@code last_status_update_at}. A dismissed reminder ({@code 0}) has no due time. The status-cadence code may
 * supply a better function; this is the default the alerts use until it does.
 */
public final class NextUpdate implements Function<PlaybookRun, Optional<Instant>> {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    @Override
    public Optional<Instant> apply(PlaybookRun run) {
        if (run.isFinished() || !run.statusUpdateEnabled() || run.previousReminder() <= 0) {
            return Optional.empty();
        }
        // A run decoded from an older cache may lack the stamp; the server sets it at creation.
        long from = run.lastStatusUpdateAt() > 0 ? run.lastStatusUpdateAt() : run.createAt();
        return Optional.of(Instant.ofEpochMilli(from + run.previousReminder() / NANOS_PER_MILLI));
    }
}
