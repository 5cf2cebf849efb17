package com.incidentconsole.runinfo;

import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The numbers of v1 {@code /incident info}, computed from a run as the server holds it: who leads, how long
 * it has run, where it stands, how much is left and late, when the next update is due, who takes part.
 * Hidden items (a condition not met) count nowhere, as the web app hides them; skipped ones are neither
 * done nor open.
 *
 * @param duration since the run started, until now or until it finished
 * @param stage the current stage (the first checklist with open items), empty when all are done
 * @param overdue open items whose due date has passed
 * @param nextUpdateDue when the next status update is due; empty when the run asks for none (finished, off)
 * @param participantIds in the run's order
 */
public record RunInfo(String ownerId, Duration duration, boolean finished, Optional<String> stage, int done,
                      int open, int skipped, int overdue, Optional<Instant> nextUpdateDue, List<String> participantIds) {

    public static RunInfo of(PlaybookRun run, Instant now) {
        long end = run.isFinished() && run.endAt() > 0 ? run.endAt() : now.toEpochMilli();
        Duration duration = Duration.ofMillis(Math.max(0, end - run.createAt()));
        int done = 0;
        int open = 0;
        int skipped = 0;
        int overdue = 0;
        for (Checklist checklist : run.checklists()) {
            for (ChecklistItem item : checklist.items()) {
                if (item.isHidden()) {
                    continue;
                }
                if (item.isDone()) {
                    done++;
                } else if (item.isSkipped()) {
                    skipped++;
                } else {
                    open++;
                    if (item.dueDate() > 0 && item.dueDate() < now.toEpochMilli()) {
                        overdue++;
                    }
                }
            }
        }
        Optional<String> stage = run.currentStageIndex().map(i -> run.checklists().get(i).title());
        return new RunInfo(run.ownerUserId(), duration, run.isFinished(), stage, done, open, skipped, overdue,
                nextUpdate(run), List.copyOf(run.participantIds()));
    }

    /**
     * From the last update (or the start) plus the reminder cadence, as the run detail computes it; the server
     * stores {@code previous_reminder} in nanoseconds.
     */
    private static Optional<Instant> nextUpdate(PlaybookRun run) {
        if (run.isFinished() || !run.statusUpdateEnabled() || run.previousReminder() <= 0) {
            return Optional.empty();
        }
        long from = run.lastStatusUpdateAt() > 0 ? run.lastStatusUpdateAt() : run.createAt();
        return Optional.of(Instant.ofEpochMilli(from + run.previousReminder() / 1_000_000));
    }

    public int total() {
        return done + open + skipped;
    }

    public boolean updateOverdue(Instant now) {
        return nextUpdateDue.filter(due -> !due.isAfter(now)).isPresent();
    }
}
