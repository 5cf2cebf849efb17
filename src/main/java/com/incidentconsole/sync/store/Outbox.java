package com.incidentconsole.sync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable queue of one server's user actions. An action is written here, committed to disk,
 * and only then shown as accepted by the app; it leaves the outbox when the server's state shows it
 * or when the user discards it.
 */
public final class Outbox {

    private final LocalStore store;
    private final String server;

    Outbox(LocalStore store, String server) {
        this.store = store;
        this.server = server;
    }

    /** A run-scoped version-1 action with a fresh client id and no base (the form of the first two kinds). */
    public OutboxEntry append(String kind, String runId, String subject, String payload, String description,
                              long createdAt) {
        return append(kind, runId, subject, payload, description, createdAt, "");
    }

    /** @param base what the user saw when acting, as JSON: a replay compares the server with it */
    public OutboxEntry append(String kind, String runId, String subject, String payload, String description,
                              long createdAt, String base) {
        return append(new OutboxEntry.New(UUID.randomUUID().toString(), kind, 1, OutboxEntry.RUN_SCOPE, runId,
                subject, payload, description, createdAt, base));
    }

    /** Writes one new action and commits it: when this returns, the action survives a crash. */
    public OutboxEntry append(OutboxEntry.New row) {
        long seq = store.write(db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO outbox (server, client_id, kind, kind_version, scope_kind, scope_id, subject, payload,
                                        description, state, created_at, base)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, server);
                insert.setString(2, row.clientId());
                insert.setString(3, row.kind());
                insert.setInt(4, row.kindVersion());
                insert.setString(5, row.scopeKind());
                insert.setString(6, row.scopeId());
                insert.setString(7, row.subject());
                insert.setString(8, row.payload());
                insert.setString(9, row.description());
                insert.setString(10, OutboxEntry.State.PENDING.name());
                insert.setLong(11, row.createdAt());
                insert.setString(12, row.base() == null ? "" : row.base());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new OutboxEntry(seq, row.clientId(), row.kind(), row.kindVersion(), row.scopeKind(), row.scopeId(),
                row.subject(), row.payload(), row.description(), OutboxEntry.State.PENDING, "", 0, row.createdAt(), 0,
                row.base(), "");
    }

    /**
     * Every entry, oldest first: the order to replay in. A row whose state this build does not know
     * is returned with a {@code null} state rather than dropped: it is shown, kept and never sent.
     */
    public List<OutboxEntry> entries() {
        return store.read(db -> {
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT seq, client_id, kind, kind_version, scope_kind, scope_id, subject, payload, description,
                           state, error, attempts, created_at, sent_at, base, conflict
                    FROM outbox WHERE server = ? ORDER BY seq""")) {
                query.setString(1, server);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                state(rs.getString(10)), rs.getString(11), rs.getInt(12), rs.getLong(13),
                                rs.getLong(14), rs.getString(15), rs.getString(16)));
                    }
                }
                return entries;
            }
        });
    }

    private static OutboxEntry.State state(String stored) {
        for (OutboxEntry.State state : OutboxEntry.State.values()) {
            if (state.name().equals(stored)) {
                return state;
            }
        }
        return null;
    }

    /**
     * A request for the action is about to leave: recorded (and committed) first, so that after a crash a
     * non-idempotent action is known to be possibly on the server and is checked, not resent blind.
     */
    public void markSending(long seq, long sentAt) {
        store.write(db -> {
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE server = ? AND seq = ?")) {
                update.setLong(1, sentAt);
                update.setString(2, server);
                update.setLong(3, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    public Optional<OutboxEntry> get(long seq) {
        return entries().stream().filter(e -> e.seq() == seq).findFirst();
    }

    /**
     * Records a state change; {@code attempted} counts one more send. Any recorded conflict is
     * cleared: only {@link #markConflict} leaves an entry in conflict.
     */
    public void update(long seq, OutboxEntry.State state, String error, boolean attempted) {
        store.write(db -> {
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE outbox SET state = ?, error = ?, attempts = attempts + ?, conflict = ''
                    WHERE server = ? AND seq = ?""")) {
                update.setString(1, state.name());
                update.setString(2, error == null ? "" : error);
                update.setInt(3, attempted ? 1 : 0);
                update.setString(4, server);
                update.setLong(5, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The server disagreed with what the user saw: keep both, as {@link OutboxEntry.State#CONFLICT}. */
    public void markConflict(long seq, String error, String conflict, boolean attempted) {
        store.write(db -> {
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE outbox SET state = ?, error = ?, conflict = ?, attempts = attempts + ?
                    WHERE server = ? AND seq = ?""")) {
                update.setString(1, OutboxEntry.State.CONFLICT.name());
                update.setString(2, error == null ? "" : error);
                update.setString(3, conflict == null ? "" : conflict);
                update.setInt(4, attempted ? 1 : 0);
                update.setString(5, server);
                update.setLong(6, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The action waits for the user's choice with the server's version beside it: a
     * {@link OutboxEntry.State#CONFLICT}, or an {@link OutboxEntry.State#UNCERTAIN} non-idempotent action.
     */
    public void hold(long seq, OutboxEntry.State state, String error, String conflict) {
        store.write(db -> {
            try (PreparedStatement update = db.prepareStatement("""
                    UPDATE outbox SET state = ?, error = ?, conflict = ? WHERE server = ? AND seq = ?""")) {
                update.setString(1, state.name());
                update.setString(2, error == null ? "" : error);
                update.setString(3, conflict == null ? "" : conflict);
                update.setString(4, server);
                update.setLong(5, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces what the action is compared with, e.g. the server's version the user chose to override. */
    public void rebase(long seq, String base) {
        store.write(db -> {
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE outbox SET base = ? WHERE server = ? AND seq = ?")) {
                update.setString(1, base == null ? "" : base);
                update.setString(2, server);
                update.setLong(3, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    public void remove(long seq) {
        store.write(db -> {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM outbox WHERE server = ? AND seq = ?")) {
                delete.setString(1, server);
                delete.setLong(2, seq);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
