package com.incidentconsole.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The words of a notice, from {@code i18n/alerts.properties}: a title that says what happened and a body that
 * names the run (and who, and which task). Server text (run names, task titles, user names) goes through
 * {@code bound}, because a notification is one or two short lines wherever it shows.
 */
public final class AlertText {

    public static final String BUNDLE = "i18n.alerts";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ResourceBundle bundle;
    private final Function<String, String> displayName;
    private final ZoneId zone;
    private final UnaryOperator<String> bound;

    /**
     * @param displayName a user's name by id
     * @param bound shortens server text to what a notification can hold
     */
    public AlertText(ResourceBundle bundle, Function<String, String> displayName, ZoneId zone,
            UnaryOperator<String> bound) {
        this.bundle = bundle;
        this.displayName = displayName;
        this.zone = zone;
        this.bound = bound;
    }

    public String kindName(AlertKind kind) {
        return bundle.getString("alerts.kind." + key(kind));
    }

    public Notice notice(Alert alert, boolean sound) {
        String k = key(alert.kind());
        String run = bound.apply(alert.runName().isBlank() ? alert.runId() : alert.runName());
        String who = alert.actorUserId().isEmpty() ? bundle.getString("alerts.someone")
                : bound.apply(displayName.apply(alert.actorUserId()));
        String due = alert.due().map(d -> TIME.format(d.atZone(zone))).orElse("");
        String body;
        if (alert.kind() == AlertKind.TASK_ASSIGNED && alert.count() > 1) {
            body = bundle.getString("alerts.body.taskAssigned.many").formatted(who, alert.count(), run);
        } else if (alert.kind() == AlertKind.TASK_ASSIGNED) {
            body = bundle.getString("alerts.body.taskAssigned").formatted(who, bound.apply(alert.detail()), run);
        } else {
            body = bundle.getString("alerts.body." + k).formatted(run, who, due);
        }
        return new Notice(alert, bundle.getString("alerts.title." + k), body, sound);
    }

    private static String key(AlertKind kind) {
        return switch (kind) {
            case DUE_SOON -> "dueSoon";
            case OVERDUE -> "overdue";
            case TASK_ASSIGNED -> "taskAssigned";
            case UPDATE_REQUESTED -> "updateRequested";
            case RUN_STARTED -> "runStarted";
            case MADE_OWNER -> "madeOwner";
        };
    }
}
