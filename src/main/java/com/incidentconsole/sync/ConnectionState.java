package com.incidentconsole.sync;

/** Where the live event stream of a server stands, as the status bar shows it. */
public enum ConnectionState {
    /** First connection attempt, nothing loaded yet. */
    CONNECTING,
    /** Loading or re-loading runs over REST (initial load, or after events were lost). */
    SYNCING,
    /** Connected and up to date: events arrive as they happen. */
    LIVE,
    /** Lost the connection; a new attempt is scheduled. */
    RECONNECTING,
    /** Not connected and not trying (stopped, or credentials rejected). */
    OFFLINE
}
