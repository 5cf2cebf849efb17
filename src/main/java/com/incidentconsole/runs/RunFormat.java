package com.incidentconsole.runs;

import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.text.RelativeAge;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;

/**
 * Turns run data into the words a tired commander reads: names instead of ids, "12 min ago" instead
 * of epoch milliseconds. Shared by the runs list and the run detail so both say the same thing.
 */
public final class RunFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ResourceBundle bundle;
    private final UserDirectory users;
    private final PlaybookDirectory playbooks;
    private final ZoneId zone;
    private final RelativeAge ages;

    public RunFormat(ResourceBundle bundle, UserDirectory users, PlaybookDirectory playbooks, ZoneId zone) {
        this.bundle = bundle;
        this.users = users;
        this.playbooks = playbooks;
        this.zone = zone;
        this.ages = new RelativeAge(bundle);
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    public String userName(String userId) {
        return userId == null || userId.isEmpty() ? text("run.noOwner") : users.displayName(userId);
    }

    public String playbookTitle(String playbookId) {
        String title = playbooks.title(playbookId);
        return title.isEmpty() ? text("run.noPlaybook") : title;
    }

    public String status(PlaybookRun run) {
        return text(run.isFinished() ? "run.status.finished" : "run.status.inProgress");
    }

    /** The derived current stage: the first checklist with open items, or a dash when all are done. */
    public String stage(PlaybookRun run) {
        return run.currentStageIndex()
                .map(i -> run.checklists().get(i).title())
                .orElse(text("run.stage.none"));
    }

    /** Summaries are markdown; a label shows them plain rather than with stray asterisks. */
    public String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }

    public String progress(int done, int total) {
        return done + "/" + total;
    }

    public String timeAgo(long epochMillis, Instant now) {
        if (epochMillis <= 0) {
            return text("time.never");
        }
        return ages.of(Duration.between(Instant.ofEpochMilli(epochMillis), now));
    }

    /**
     * When the next status update is due, from the run's reminder cadence: "in 3 min", "overdue 5 min",
     * or a dash when the run is finished or has no cadence.
     */
    public NextUpdate nextUpdate(PlaybookRun run, Instant now) {
        if (run.isFinished() || !run.statusUpdateEnabled() || run.previousReminder() <= 0) {
            return new NextUpdate(text("run.stage.none"), false, Long.MAX_VALUE);
        }
        long from = run.lastStatusUpdateAt() > 0 ? run.lastStatusUpdateAt() : run.createAt();
        long dueAt = from + run.previousReminder() / 1_000_000;
        long minutes = Math.abs(Duration.between(now, Instant.ofEpochMilli(dueAt)).toMinutes());
        boolean overdue = dueAt <= now.toEpochMilli();
        return new NextUpdate(String.format(text(overdue ? "time.overdueBy" : "time.dueIn"), span(minutes)), overdue, dueAt);
    }

    private String span(long minutes) {
        if (minutes < 60) {
            return String.format(text("time.minutes"), minutes);
        }
        return minutes < 1440 ? String.format(text("time.hours"), minutes / 60) : String.format(text("time.days"), minutes / 1440);
    }

    /** The next status update as shown: words, whether it is late, and the due time to sort by. */
    public record NextUpdate(String text, boolean overdue, long dueAt) {
    }

    public String dateTime(long epochMillis) {
        return epochMillis <= 0 ? text("run.stage.none") : DATE_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    public String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
