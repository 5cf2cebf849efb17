package com.incidentconsole.sync.store;

/**
 * One user action waiting for the server, as stored.
 *
 * @param seq the order the user acted in; replay follows it
 * @param clientId this action's own id (a UUID), given when the user acted; stable across restarts
 * @param kind what the action is (e.g. {@code item_state}, {@code owner}, {@code run_finish})
 * @param kindVersion the version of the kind's stored form ({@code payload}); a build reads the
 *                    versions it knows and keeps, unsent, the rows it cannot read
 * @param scopeKind what the action belongs to: {@code run}, {@code playbook}, {@code team}, {@code server}
 * @param scopeId the id of that run, playbook or team; {@code ""} for the server scope
 * @param subject what it changes inside the scope (an item id, "owner", "status")
 * @param payload the action's parameters as JSON, e.g. {@code {"item_id":"…","new_state":"closed"}}
 * @param description the sentence the outbox panel shows
 * @param state the stored state; {@code null} when the row holds a state this build does not know
 * @param sentAt when a request for this action last left (epoch ms), {@code 0} if none ever did: a
 *               non-idempotent action with one is checked against the server before anything else
 * @param base what the user saw when acting (JSON), compared with the server before a replay;
 *             {@code ""} for entries written before bases were recorded
 * @param conflict the server's version when it disagreed with the base (JSON); {@code ""} unless
 *                 {@code state} is {@link State#CONFLICT}
 */
public record OutboxEntry(long seq, String clientId, String kind, int kindVersion, String scopeKind, String scopeId,
                          String subject, String payload, String description, State state, String error, int attempts,
                          long createdAt, long sentAt, String base, String conflict) {

    public static final String RUN_SCOPE = "run";

    public enum State {
        /** Not yet accepted by the server (never sent, or sent without an answer). */
        PENDING,
        /** Accepted; waiting for the server's state to show it. */
        SENT,
        /** Refused by the server, or impossible to send; the user decides. */
        FAILED,
        /** The server's state changed under the action; the user chooses which version wins. */
        CONFLICT,
        /**
         * A non-idempotent action may or may not have reached the server (sent, then a crash or a lost
         * answer) and the server cannot tell: the user decides whether to send it again.
         */
        UNCERTAIN
    }

    public OutboxEntry {
        clientId = clientId == null ? "" : clientId;
        scopeKind = scopeKind == null ? RUN_SCOPE : scopeKind;
        scopeId = scopeId == null ? "" : scopeId;
        payload = payload == null ? "" : payload;
        error = error == null ? "" : error;
        base = base == null ? "" : base;
        conflict = conflict == null ? "" : conflict;
    }

    /** The run a run-scoped action belongs to ({@code scopeId}); {@code ""} for other scopes. */
    public String runId() {
        return RUN_SCOPE.equals(scopeKind) ? scopeId : "";
    }

    /** A new row, before the outbox numbered it. */
    public record New(String clientId, String kind, int kindVersion, String scopeKind, String scopeId,
                      String subject, String payload, String description, long createdAt, String base) {
    }
}
