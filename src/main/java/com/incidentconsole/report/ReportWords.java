package com.incidentconsole.report;

import com.incidentconsole.text.DurationText;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a report words times, durations, states and event types: one place, so the three formats agree. */
final class ReportWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private ReportWords() {
    }

    static String time(long epochMillis, ZoneId zone) {
        return epochMillis <= 0 ? "" : TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** Empty for a negative length (an end before the start is not a duration to print). */
    static String duration(long millis) {
        return millis < 0 ? "" : DurationText.of(millis);
    }

    static String itemState(String state) {
        return switch (state == null ? "" : state) {
            case ChecklistItem.CLOSED -> "done";
            case ChecklistItem.SKIPPED -> "skipped";
            case ChecklistItem.IN_PROGRESS -> "in progress";
            case ChecklistItem.OPEN -> "open";
            default -> state;
        };
    }

    static String eventType(String type) {
        return switch (type == null ? "" : type) {
            case TimelineEvent.INCIDENT_CREATED -> "Run started";
            case TimelineEvent.TASK_STATE_MODIFIED -> "Task";
            case TimelineEvent.STATUS_UPDATED -> "Status update";
            case TimelineEvent.STATUS_UPDATE_REQUESTED -> "Update requested";
            case TimelineEvent.STATUS_UPDATE_SNOOZED -> "Reminder snoozed";
            case TimelineEvent.STATUS_UPDATES_ENABLED -> "Status updates on";
            case TimelineEvent.STATUS_UPDATES_DISABLED -> "Status updates off";
            case TimelineEvent.OWNER_CHANGED -> "Owner changed";
            case TimelineEvent.ASSIGNEE_CHANGED -> "Assignee changed";
            case TimelineEvent.RAN_SLASH_COMMAND -> "Slash command";
            case TimelineEvent.EVENT_FROM_POST -> "From a post";
            case TimelineEvent.USER_JOINED_LEFT, TimelineEvent.PARTICIPANTS_CHANGED -> "Participants";
            case TimelineEvent.PUBLISHED_RETROSPECTIVE -> "Retrospective published";
            case TimelineEvent.CANCELED_RETROSPECTIVE -> "Retrospective canceled";
            case TimelineEvent.RETROSPECTIVE_ENABLED -> "Retrospective on";
            case TimelineEvent.RETROSPECTIVE_DISABLED -> "Retrospective off";
            case TimelineEvent.RUN_FINISHED -> "Run finished";
            case TimelineEvent.RUN_RESTORED -> "Run restored";
            case TimelineEvent.CHANNEL_ARCHIVED -> "Channel archived";
            case TimelineEvent.CHANNEL_UNARCHIVED -> "Channel unarchived";
            case TimelineEvent.PROPERTY_CHANGED -> "Property changed";
            default -> type;
        };
    }

    /** A metric value in its type's unit; durations are stored in milliseconds. */
    static String metricValue(String type, Long value) {
        if (value == null) {
            return "";
        }
        return switch (type == null ? "" : type) {
            case "metric_duration" -> duration(value);
            case "metric_currency" -> String.format(Locale.ROOT, "%,d", value);
            default -> String.format(Locale.ROOT, "%,d", value);
        };
    }

    /** "met" or "over target by 15m": every Playbooks metric (a duration, a cost, a count) is better lower. */
    static String againstTarget(String type, Long value, Long target) {
        if (value == null || target == null) {
            return "";
        }
        long over = value - target;
        if (over <= 0) {
            return "met";
        }
        return "over target by " + metricValue(type, over);
    }

    /** Markdown-ish summaries of server events lose their bold marks in a table. */
    static String plain(String summary) {
        return summary == null ? "" : summary.replace("**", "");
    }
}
