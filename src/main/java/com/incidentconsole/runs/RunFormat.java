package com.incidentconsole.runs;

import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.sync.PlaybookDirectory;
import com.incidentconsole.sync.UserDirectory;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.text.RelativeAge;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Turns run data into the words a tired commander reads: names instead of ids, "12 min ago" instead
 * of epoch milliseconds. Shared by the runs list and the run detail so both say the same thing.
 */
public final class RunFormat {

    /** A run name in the list and the header: about two lines of the header's large type at 1280 px. */
    static final int NAME = 160;
    /** The name in its tooltip: all of any name a person would type, bounded so a tooltip never freezes. */
    static final int FULL_NAME = 1_000;
    static final int PERSON = 80;
    static final int TITLE = 120;
    static final int SUMMARY_LINES = 4;
    static final int SUMMARY = 480;
    /** The expanded summary: a pasted log of a few hundred lines, in a bounded scrolling area. */
    static final int FULL_SUMMARY_LINES = 400;
    static final int FULL_SUMMARY = 8_000;
    static final int PARTICIPANTS = 400;

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
        return userId == null || userId.isEmpty() ? text("run.noOwner") : DisplayText.line(users.displayName(userId), PERSON);
    }

    public String playbookTitle(String playbookId) {
        String title = DisplayText.line(playbooks.title(playbookId), TITLE);
        return title.isEmpty() ? text("run.noPlaybook") : title;
    }

    /** A run name as one bounded line: the server lets anyone name a run anything (probe H3, L9). */
    public String name(String serverName) {
        return DisplayText.line(serverName, NAME);
    }

    /** The name in the run header, which may take a few lines. */
    public String headerName(String serverName) {
        return DisplayText.foldRightToLeft(DisplayText.line(serverName, NAME));
    }

    /** The longer name for a tooltip; still bounded, as a tooltip is shaped on the UI thread too. */
    public String fullName(String serverName) {
        return DisplayText.foldRightToLeft(DisplayText.line(serverName, FULL_NAME));
    }

    public String status(PlaybookRun run) {
        return text(run.isFinished() ? "run.status.finished" : "run.status.inProgress");
    }

    /** The derived current stage: the first checklist with open items, or a dash when all are done. */
    public String stage(PlaybookRun run) {
        return run.currentStageIndex()
                .map(i -> DisplayText.line(run.checklists().get(i).title(), TITLE))
                .orElse(text("run.stage.none"));
    }

    /** Summaries are markdown; a label shows them plain rather than with stray asterisks. */
    public String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }

    /** The summary as the header shows it: its first lines, and whether there is more to expand. */
    public DisplayText.Clip summary(String markdown) {
        return DisplayText.paragraph(plain(markdown), SUMMARY_LINES, SUMMARY);
    }

    /** The summary expanded, for a scrolling area of bounded height. */
    public DisplayText.Clip fullSummary(String markdown) {
        return DisplayText.paragraph(plain(markdown), FULL_SUMMARY_LINES, FULL_SUMMARY);
    }

    public String participants(List<String> userIds) {
        StringBuilder names = new StringBuilder();
        for (String id : userIds) {
            // A run with thousands of participants: stop joining once the line is full.
            if (names.length() > PARTICIPANTS * 2) {
                break;
            }
            names.append(names.isEmpty() ? "" : ", ").append(userName(id));
        }
        return DisplayText.foldRightToLeft(DisplayText.line(names.toString(), PARTICIPANTS));
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
     * When the next status update is due, from the run's reminder cadence ({@link UpdateCadence}, the server's
     * rules): "in 3 min", "overdue 5 min", or a dash when nothing is due (finished, updates off, no reminder).
     */
    public NextUpdate nextUpdate(PlaybookRun run, Instant now) {
        return switch (UpdateCadence.at(run, now)) {
            case UpdateCadence.State.NotDue notDue -> new NextUpdate(text("run.stage.none"), false, Long.MAX_VALUE);
            case UpdateCadence.State.DueIn in -> new NextUpdate(String.format(text("time.dueIn"),
                    span(in.left().toMinutes())), false, in.dueAt().toEpochMilli());
            case UpdateCadence.State.Overdue late -> new NextUpdate(String.format(text("time.overdueBy"),
                    span(late.by().toMinutes())), true, late.dueAt().toEpochMilli());
        };
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
