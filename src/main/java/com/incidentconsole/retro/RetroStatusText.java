package com.incidentconsole.retro;

import com.incidentconsole.text.DurationText;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The editor's lines about what the server holds: published or not, and the retrospective reminder. */
final class RetroStatusText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);

    private final ZoneId zone;

    RetroStatusText(ZoneId zone) {
        this.zone = zone;
    }

    /** "Published Dec 2 14:05 · your text has unpublished changes" and the like. */
    String state(PlaybookRun run, String onScreen) {
        if (run.retrospectiveWasCanceled()) {
            return "No retrospective (canceled " + when(run.retrospectivePublishedAt()) + ")";
        }
        if (run.retrospectivePublishedAt() > 0) {
            return "Published " + when(run.retrospectivePublishedAt())
                    + (run.retrospective().equals(onScreen) ? "" : " · your text has unpublished changes");
        }
        return "Not published" + (run.retrospective().isEmpty() ? "" : " · saved on the server");
    }

    /**
     * The run's reminder. The server copies the playbook's interval into the run at its start and has no route that
     * changes a run's (PATCH /runs/{id} takes name and summary only; GraphQL RunUpdates has no such field), so it is
     * shown, with when it applies: only while the retrospective is on, after the finish, until it is published.
     */
    String reminder(PlaybookRun run) {
        long every = run.retrospectiveReminderIntervalSeconds();
        if (every <= 0) {
            return "No retrospective reminder (the playbook sets none)";
        }
        String interval = "Retrospective reminder every " + DurationText.of(every * 1000);
        if (!run.retrospectiveEnabled()) {
            return interval + ": off while the retrospective is off (Ctrl+Shift+E turns it on)";
        }
        if (run.retrospectivePublishedAt() > 0) {
            return interval + ": stopped, the retrospective is published";
        }
        return interval + (run.isFinished() ? " until it is published" : " from the finish until it is published")
                + " · the playbook's interval, fixed for this run (Ctrl+Shift+E off stops it)";
    }

    String when(long epochMillis) {
        return epochMillis <= 0 ? "" : WHEN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
