package com.incidentconsole.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection with what a user needs to read it: when the next attempt happens and, for
 * trouble, why (e.g. "connection refused"); how far a load has come; and whether the data on screen
 * is confirmed by the server or is an older copy.
 *
 * @param progress present while {@link ConnectionState#SYNCING}, once the load knows what it loads
 * @param dataAsOf present while the data shown is not confirmed by the server (restored from the
 *                 cache, or kept since the connection was lost): the last moment it was known to be
 *                 current. Empty once a load completed with the event stream live.
 */
public record ConnectionStatus(ConnectionState state, Optional<Instant> nextAttemptAt, String detail,
                               Optional<SyncProgress> progress, Optional<Instant> dataAsOf) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        nextAttemptAt = nextAttemptAt == null ? Optional.empty() : nextAttemptAt;
        detail = detail == null ? "" : detail;
        progress = progress == null ? Optional.empty() : progress;
        dataAsOf = dataAsOf == null ? Optional.empty() : dataAsOf;
    }

    /** A status that says nothing about progress or staleness. */
    public ConnectionStatus(ConnectionState state, Optional<Instant> nextAttemptAt, String detail) {
        this(state, nextAttemptAt, detail, Optional.empty(), Optional.empty());
    }

    public static ConnectionStatus of(ConnectionState state) {
        return new ConnectionStatus(state, Optional.empty(), "");
    }

    /** True when what the window shows may be out of date. */
    public boolean isStale() {
        return dataAsOf.isPresent();
    }

    /** A new state, its retry time and reason; the staleness carries over, progress only within a sync. */
    public ConnectionStatus moveTo(ConnectionState next, Optional<Instant> nextAttempt, String why) {
        return new ConnectionStatus(next, nextAttempt, why,
                next == ConnectionState.SYNCING ? progress : Optional.empty(), dataAsOf);
    }

    public ConnectionStatus moveTo(ConnectionState next) {
        return moveTo(next, Optional.empty(), "");
    }

    public ConnectionStatus withProgress(SyncProgress newProgress) {
        return new ConnectionStatus(state, nextAttemptAt, detail, Optional.of(newProgress), dataAsOf);
    }

    /** The data shown was current at {@code asOf} and may not be any more; an earlier mark is kept. */
    public ConnectionStatus staleSince(Instant asOf) {
        return new ConnectionStatus(state, nextAttemptAt, detail, progress, Optional.of(dataAsOf.orElse(asOf)));
    }

    /** The server confirmed the data shown. */
    public ConnectionStatus confirmed() {
        return new ConnectionStatus(state, nextAttemptAt, detail, progress, Optional.empty());
    }
}
