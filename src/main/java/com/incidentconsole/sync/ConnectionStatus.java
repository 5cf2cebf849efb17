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
 * @param gap      present while the last load left something out (see {@link LoadGap}); it stays through
 *                 the retry's sync and is cleared when a load gets everything
 */
public record ConnectionStatus(ConnectionState state, Optional<Instant> nextAttemptAt, String detail,
                               Optional<SyncProgress> progress, Optional<Instant> dataAsOf, Optional<LoadGap> gap) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
        nextAttemptAt = nextAttemptAt == null ? Optional.empty() : nextAttemptAt;
        detail = detail == null ? "" : detail;
        progress = progress == null ? Optional.empty() : progress;
        dataAsOf = dataAsOf == null ? Optional.empty() : dataAsOf;
        gap = gap == null ? Optional.empty() : gap;
    }

    /** A status with nothing missing from the last load. */
    public ConnectionStatus(ConnectionState state, Optional<Instant> nextAttemptAt, String detail,
                            Optional<SyncProgress> progress, Optional<Instant> dataAsOf) {
        this(state, nextAttemptAt, detail, progress, dataAsOf, Optional.empty());
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
                next == ConnectionState.SYNCING ? progress : Optional.empty(), dataAsOf, gap);
    }

    public ConnectionStatus moveTo(ConnectionState next) {
        return moveTo(next, Optional.empty(), "");
    }

    public ConnectionStatus withProgress(SyncProgress newProgress) {
        return new ConnectionStatus(state, nextAttemptAt, detail, Optional.of(newProgress), dataAsOf, gap);
    }

    /** The data shown was current at {@code asOf} and may not be any more; an earlier mark is kept. */
    public ConnectionStatus staleSince(Instant asOf) {
        return new ConnectionStatus(state, nextAttemptAt, detail, progress, Optional.of(dataAsOf.orElse(asOf)), gap);
    }

    /** The server confirmed the data shown. */
    public ConnectionStatus confirmed() {
        return new ConnectionStatus(state, nextAttemptAt, detail, progress, Optional.empty(), gap);
    }

    /** What the last load left out ({@code Optional.empty()}: nothing). */
    public ConnectionStatus withGap(Optional<LoadGap> newGap) {
        return new ConnectionStatus(state, nextAttemptAt, detail, progress, dataAsOf, newGap);
    }
}
