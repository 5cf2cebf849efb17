package com.incidentconsole.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * The connection state with what a user needs to read it: when the next attempt happens and, for
 * trouble, why (e.g. "connection refused").
 */
public record ConnectionStatus(ConnectionState state, Optional<Instant> nextAttemptAt, String detail) {

    public ConnectionStatus {
        detail = detail == null ? "" : detail;
    }

    public static ConnectionStatus of(ConnectionState state) {
        return new ConnectionStatus(state, Optional.empty(), "");
    }
}
