package com.incidentconsole.report;

import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run's own record as Markdown for the retrospective editor to insert at the cursor: timeline events, status
 * updates, the owner and participants, the run's duration and when each stage (checklist) was completed. Worded
 * like the exported report ({@link ReportWords}) so the two agree; every piece ends with a blank line so inserted
 * pieces stay separate paragraphs.
 */
public final class RunRecordMarkdown {

    private final Function<String, String> userNames;
    private final ZoneId zone;

    /** @param userNames a user id to a display name (the id itself when unknown) */
    public RunRecordMarkdown(Function<String, String> userNames, ZoneId zone) {
        this.userNames = userNames;
        this.zone = zone;
    }

    /** The events, oldest first: one list item each, with time, type, who and the full text. */
    public String events(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        for (TimelineEvent event : events.stream().sorted(Comparator.comparingLong(TimelineEvent::eventAt)).toList()) {
            md.append(event(event)).append('\n');
        }
        return md.append('\n').toString();
    }

    /** One event as a list item ("- **2026-12-02 03:10 UTC** · Status update · Sam Lee — text"). */
    public String event(TimelineEvent event) {
        String actor = !event.creatorUserId().isEmpty() ? event.creatorUserId() : event.subjectUserId();
        StringBuilder md = new StringBuilder("- **").append(ReportWords.time(event.eventAt(), zone)).append("** · ")
                .append(ReportWords.eventType(event.eventType()));
        if (!actor.isEmpty()) {
            md.append(" · ").append(oneLine(userNames.apply(actor)));
        }
        String summary = oneLine(ReportWords.plain(event.summary()));
        if (!summary.isEmpty()) {
            md.append(" — ").append(summary);
        }
        // Details of system events are JSON for the web app; a post's details are its text.
        if (!event.details().isBlank() && !event.details().strip().startsWith("{")) {
            event.details().strip().lines().forEach(line -> md.append("\n  ").append(line));
        }
        return md.toString();
    }

    /** The status updates, oldest first: a bold line with time and author, then the message quoted. */
    public String statusUpdates(List<StatusPostComplete> updates) {
        List<StatusPostComplete> shown = updates.stream().filter(u -> u.deleteAt() == 0)
                .sorted(Comparator.comparingLong(StatusPostComplete::createAt)).toList();
        if (shown.isEmpty()) {
            return "_No status updates were posted._\n\n";
        }
        StringBuilder md = new StringBuilder("#### Status updates\n\n");
        for (StatusPostComplete update : shown) {
            md.append("**").append(ReportWords.time(update.createAt(), zone));
            if (!update.authorUserName().isEmpty()) {
                md.append(" — @").append(oneLine(update.authorUserName()));
            }
            md.append("**\n\n");
            update.message().strip().lines().forEach(line -> md.append(line.isBlank() ? ">" : "> " + line).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    /** The owner (commander) and the participants by name. */
    public String people(PlaybookRun run) {
        String owner = run.ownerUserId().isEmpty() ? "nobody" : oneLine(userNames.apply(run.ownerUserId()));
        String participants = run.participantIds().isEmpty() ? "none"
                : run.participantIds().stream().map(userNames).map(RunRecordMarkdown::oneLine)
                        .collect(Collectors.joining(", "));
        return "- **Owner:** " + owner + "\n- **Participants (" + run.participantIds().size() + "):** " + participants
                + "\n\n";
    }

    /**
     * How long the run took (so far, when it is not finished) and when each stage was completed: the last moment one
     * of its items was done or skipped, once all are; a stage with items still open says how many are done.
     */
    public String durations(PlaybookRun run, Instant now) {
        long end = run.endAt() > 0 ? run.endAt() : now.toEpochMilli();
        StringBuilder md = new StringBuilder("- **Duration:** ").append(ReportWords.duration(end - run.createAt()))
                .append(run.endAt() > 0 ? "" : " so far").append(" (started ")
                .append(ReportWords.time(run.createAt(), zone));
        if (run.endAt() > 0) {
            md.append(", finished ").append(ReportWords.time(run.endAt(), zone));
        }
        md.append(")\n");
        for (Checklist stage : run.checklists()) {
            String title = stage.title().isBlank() ? "(untitled stage)" : oneLine(stage.title());
            long done = stage.items().stream().filter(RunRecordMarkdown::settled).count();
            md.append("- **Stage “").append(title).append("”:** ");
            if (stage.items().isEmpty()) {
                md.append("no items\n");
            } else if (done == stage.items().size()) {
                long at = stage.items().stream().mapToLong(ChecklistItem::stateModified).max().orElse(0);
                md.append("completed ").append(ReportWords.time(at, zone));
                if (at >= run.createAt()) {
                    md.append(", ").append(ReportWords.duration(at - run.createAt())).append(" after the start");
                }
                md.append('\n');
            } else {
                md.append("not completed (").append(done).append(" of ").append(stage.items().size())
                        .append(" items done)\n");
            }
        }
        return md.append('\n').toString();
    }

    /** "met", "over target by 15m" or "" (no value or no target), as the report says it. */
    public static String againstTarget(PlaybookMetricConfig metric, Long value) {
        return ReportWords.againstTarget(metric.type(), value, metric.target());
    }

    /** A metric value in its unit ("2h 15m", "12,000"), as the report writes it. */
    public static String metricValue(PlaybookMetricConfig metric, Long value) {
        return ReportWords.metricValue(metric.type(), value);
    }

    private static boolean settled(ChecklistItem item) {
        return ChecklistItem.CLOSED.equals(item.state()) || ChecklistItem.SKIPPED.equals(item.state());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
