package com.incidentconsole.shell;

import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.SyncProgress;
import com.incidentconsole.text.RelativeAge;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
            case RECONNECTING -> status.nextAttemptAt()
                    .map(at -> String.format(text("connection.retryingIn"), secondsUntil(at, now)))
                    .orElse(text("connection.retrying"));
            case OFFLINE -> status.detail().isEmpty() ? text("connection.offline")
                    : String.format(text("connection.offlineWhy"), status.detail());
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
