package com.incidentconsole.sync.store;

/**
 * One user action waiting for the server, as stored.
 *
 * @param seq the order the user acted in; replay follows it
 * @param kind what the action is (e.g. {@code item_state}, {@code owner})
 * @param subject what it changes inside the run (an item id, "owner")
 * @param payload the action's parameters as JSON, e.g. {@code {"item_id":"…","new_state":"closed"}}
 * @param description the sentence the outbox panel shows
 * @param base what the user saw when acting (JSON), compared with the server before a replay;
 *             {@code ""} for entries written before bases were recorded
 * @param conflict the server's version when it disagreed with the base (JSON); {@code ""} unless
 *                 {@code state} is {@link State#CONFLICT}
 */
public record OutboxEntry(long seq, String kind, String runId, String subject, String payload, String description,
                          State state, String error, int attempts, long createdAt, String base, String conflict) {

    public enum State {
        /** Not yet accepted by the server (never sent, or sent without an answer). */
        PENDING,
        /** Accepted; waiting for the server's state to show it. */
        SENT,
        /** Refused by the server, or impossible to send; the user decides. */
        FAILED,
        /** The server's state changed under the action; the user chooses which version wins. */
        CONFLICT
    }

    public OutboxEntry {
        error = error == null ? "" : error;
        base = base == null ? "" : base;
        conflict = conflict == null ? "" : conflict;
    }
}
