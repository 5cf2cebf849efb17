package com.incidentconsole.shell;

import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.LoadGap;
import com.incidentconsole.sync.SyncProgress;
import com.incidentconsole.text.RelativeAge;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A connection status in words — "Offline — retrying in 4 s", "Syncing runs 400 / 1,240", "data from
 * 03:12 (41 min ago)" — so the status bar and the startup screen say the same thing the same way.
 */
final class ConnectionText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Duration A_DAY = Duration.ofDays(1);

    private final ResourceBundle bundle;
    private final ZoneId zone;
    private final NumberFormat counts;
    private final DateTimeFormatter dayAndTime;
    private final RelativeAge ages;

    ConnectionText(ResourceBundle bundle, ZoneId zone) {
        this.bundle = bundle;
        this.zone = zone;
        // The bundle's locale, not the machine's: the words and the digit grouping must match.
        this.counts = NumberFormat.getIntegerInstance(bundle.getLocale());
        this.dayAndTime = DateTimeFormatter.ofPattern("d MMM HH:mm", bundle.getLocale());
        this.ages = new RelativeAge(bundle);
    }

    /** Where the connection stands, plus, when the data shown is not confirmed, how old it is. */
    String statusLine(ConnectionStatus status, Instant now) {
        String state = state(status, now);
        return dataAge(status, now).map(age -> String.format(text("connection.stale"), state, age)).orElse(state);
    }

    String state(ConnectionStatus status, Instant now) {
        return switch (status.state()) {
            case CONNECTING -> text("connection.connecting");
            case SYNCING -> status.progress().map(this::progress).orElse(text("connection.syncing"));
            case LIVE -> text("connection.live");
            case INCOMPLETE -> {
                String gap = status.gap().map(this::gap).orElse(text("load.somethingMissing"));
                yield status.nextAttemptAt()
                        .map(at -> String.format(text("load.retryingIn"), gap, secondsUntil(at, now)))
                        .orElse(String.format(text("load.retrying"), gap));
            }
            case RECONNECTING -> status.nextAttemptAt()
                    .map(at -> String.format(text("connection.retryingIn"), secondsUntil(at, now)))
                    .orElse(text("connection.retrying"));
            case OFFLINE -> status.detail().isEmpty() ? text("connection.offline")
                    : String.format(text("connection.offlineWhy"), status.detail());
            case NOT_MATTERMOST -> status.nextAttemptAt()
                    .map(at -> String.format(text("connection.notMattermostIn"), secondsUntil(at, now)))
                    .orElse(text("connection.notMattermost"));
            case SIGN_IN_REFUSED -> String.format(text("connection.refused"), status.detail());
        };
    }

    /** "03:12 (41 min ago)" for data not confirmed by the server; empty when it is. */
    Optional<String> dataAge(ConnectionStatus status, Instant now) {
        return status.dataAsOf().map(at -> {
            Duration age = Duration.between(at, now);
            String when = (age.compareTo(A_DAY) < 0 ? TIME : dayAndTime).format(at.atZone(zone));
            return String.format(text("connection.dataFrom"), when, ages.of(age));
        });
    }

    long secondsUntil(Instant at, Instant now) {
        return Math.max(0, (Duration.between(now, at).toMillis() + 999) / 1000);
    }

    /** "Runs: 400 of 1,240 loaded — the server answered 429 (too many requests)": what is missing, then why. */
    String gap(LoadGap gap) {
        List<String> parts = new ArrayList<>();
        gap.runs().ifPresent(runs -> parts.add(gap.onlyChanges() ? text("load.changes")
                : runs.hasTotal() ? String.format(text("load.runs"), counts.format(runs.done()), counts.format(runs.total()))
                : runs.done() > 0 ? String.format(text("load.runsSoFar"), counts.format(runs.done()))
                : text("load.runsNone")));
        List<LoadGap.MissingPlaybook> missing = gap.missingPlaybooks();
        if (missing.size() == 1) {
            parts.add(String.format(text("load.playbookMissing"), missing.get(0).id(), missing.get(0).exampleRunName()));
        } else if (missing.size() > 1) {
            parts.add(String.format(text("load.playbooksMissing"), missing.size(), missing.get(0).exampleRunName()));
        } else if (gap.playbooks() && gap.runs().isEmpty()) {
            parts.add(text("load.playbooks"));
        }
        if (gap.people()) {
            parts.add(text("load.people"));
        }
        if (parts.isEmpty()) {
            parts.add(text("load.somethingMissing"));
        }
        return String.format(text("load.line"), String.join("; ", parts), why(gap));
    }

    private String why(LoadGap gap) {
        int status = gap.status();
        if (status == 429) {
            return text("load.why.rateLimited");
        }
        if (status >= 500) {
            return String.format(text("load.why.serverError"), status);
        }
        if (status > 0) {
            return String.format(text("load.why.status"), status);
        }
        return gap.reason();
    }

    private String progress(SyncProgress progress) {
        return switch (progress.phase()) {
            case PLAYBOOKS -> text("connection.syncingPlaybooks");
            case RUNS -> progress.hasTotal()
                    ? String.format(text("connection.syncingRuns"), counts.format(progress.done()),
                            counts.format(progress.total()))
                    : String.format(text("connection.syncingRunsSoFar"), counts.format(progress.done()));
            case USERS -> String.format(text("connection.syncingUsers"), counts.format(progress.done()));
        };
    }

    private String text(String key) {
        return bundle.getString(key);
    }
}
