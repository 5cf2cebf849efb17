package com.incidentconsole.sync;

import java.time.Instant;

/**
 * The rules for what the data on screen is worth, in one place and without I/O: what a new connection
 * must load (everything, or what changed since the newest run held), and when the data counts as
 * confirmed by the server or as a copy that may be out of date. Confirmed means: the runs part of a
 * load completed while the event stream was live — LIVE alone confirms nothing, and neither does a
 * load the stream could have missed events around. Thread-safe (each flag is written by one party).
 */
final class DataFreshness {

    /** The stores hold a whole picture (a load of the runs completed, or a recent cache): a new connection only catches up. */
    private volatile boolean haveBaseline;
    /** Teams and playbooks were loaded in this session (a cache's copy may be old). */
    private volatile boolean directoriesLoaded;
    /** Data was confirmed at least once in this session: from then on, losing the server makes it a copy. */
    private volatile boolean confirmedOnce;
    /**
     * The runs were loaded for the current connection before its stream reported LIVE (the hello comes first,
     * and a quick catch-up can beat the state change): LIVE then confirms them itself.
     */
    private volatile boolean caughtUpBeforeLive;

    /** @param fromRecentCache the stores were filled from a cache recent enough to catch up from */
    DataFreshness(boolean fromRecentCache) {
        this.haveBaseline = fromRecentCache;
    }

    /** The picture held cannot be caught up from (another user's cache): the next load loads everything. */
    void discardBaseline() {
        haveBaseline = false;
    }

    /**
     * What a new connection loads: everything the first time; afterwards, or after a start from a recent
     * cache, the runs changed since {@code sinceMillis} (and teams and playbooks once per session).
     */
    LoadPlan planForNewConnection(long sinceMillis) {
        return haveBaseline ? LoadPlan.catchUp(!directoriesLoaded, sinceMillis) : LoadPlan.everything();
    }

    /** A load of {@code plan} finished and still owes {@code owed}; returns whether its runs are whole now. */
    boolean loaded(LoadPlan plan, LoadPlan owed) {
        if (plan.playbooks() && !owed.playbooks()) {
            directoriesLoaded = true;
        }
        boolean runsLoaded = plan.runs() && !owed.runs();
        if (runsLoaded) {
            haveBaseline = true;
        }
        return runsLoaded;
    }

    /**
     * The runs were loaded: confirmed now when the stream is live, otherwise when it reports LIVE
     * ({@link #onLive}). Returns the status to show.
     */
    ConnectionStatus runsLoaded(ConnectionStatus status, boolean streamLive) {
        if (streamLive) {
            caughtUpBeforeLive = false;
            confirmedOnce = true;
            return status.confirmed();
        }
        caughtUpBeforeLive = true;
        return status;
    }

    /** The stream reported LIVE: that confirms the data only if its load already finished. */
    ConnectionStatus onLive(ConnectionStatus status) {
        if (!caughtUpBeforeLive) {
            return status;
        }
        caughtUpBeforeLive = false;
        confirmedOnce = true;
        return status.confirmed();
    }

    /** A new connection said hello: only its own load can confirm the data now. */
    void newConnection() {
        caughtUpBeforeLive = false;
    }

    /** The stream left LIVE (or a load failed): a load that finished before no longer counts for the next LIVE. */
    void streamLeftLive() {
        caughtUpBeforeLive = false;
    }

    /** From the moment the server stops confirming it, what we show is a copy as of {@code now}. */
    ConnectionStatus markStale(ConnectionStatus status, Instant now) {
        return confirmedOnce ? status.staleSince(now) : status;
    }
}
