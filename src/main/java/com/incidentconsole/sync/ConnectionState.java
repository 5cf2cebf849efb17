package com.incidentconsole.sync;

/** Where the connection to a server stands, as the status bar shows it. */
public enum ConnectionState {
    /** First connection attempt, nothing loaded yet. */
    CONNECTING,
    /** Loading or re-loading runs over REST (initial load, or after events were lost). */
    SYNCING,
    /** Connected and up to date: events arrive as they happen. */
    LIVE,
    /**
     * Connected, but the last load could not get everything ({@link ConnectionStatus#gap()} says what
     * and why); it is tried again at {@link ConnectionStatus#nextAttemptAt()}. Events still arrive.
     */
    INCOMPLETE,
    /** Not reachable (never reached since start, or lost); a new attempt is scheduled. */
    RECONNECTING,
    /**
     * The address answers, but not as Mattermost (a web page, another kind of server): most likely a wrong
     * address, so sign-in is tried again only at a slow pace ({@link ConnectionStatus#nextAttemptAt()}).
     */
    NOT_MATTERMOST,
    /** Not connected and not trying (stopped, or loading failed). */
    OFFLINE,
    /** The server refused the credentials (401/403): not retried, as only new credentials can help. */
    SIGN_IN_REFUSED
}
