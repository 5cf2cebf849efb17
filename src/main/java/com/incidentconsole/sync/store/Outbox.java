package com.incidentconsole.sync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public OutboxEntry append(String kind, String runId, String subject, String payload, String description,
                              long createdAt) {
        return append(kind, runId, subject, payload, description, createdAt, "");
    }

    /** @param base what the user saw when acting, as JSON: a replay compares the server with it */
    public OutboxEntry append(String kind, String runId, String subject, String payload, String description,
                              long createdAt, String base) {
        long seq = store.write(db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO outbox (server, kind, run_id, subject, payload, description, state, created_at, base)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, server);
                insert.setString(2, kind);
                insert.setString(3, runId);
                insert.setString(4, subject);
                insert.setString(5, payload);
                insert.setString(6, description);
                insert.setString(7, OutboxEntry.State.PENDING.name());
                insert.setLong(8, createdAt);
                insert.setString(9, base == null ? "" : base);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new OutboxEntry(seq, kind, runId, subject, payload, description, OutboxEntry.State.PENDING, "", 0,
                createdAt, base, "");
    }

    /** Every entry, oldest first: the order to replay in. */
    public List<OutboxEntry> entries() {
        return store.read(db -> {
            try (PreparedStatement query = db.prepareStatement("""
                    SELECT seq, kind, run_id, subject, payload, description, state, error, attempts, created_at,
                           base, conflict
                    FROM outbox WHERE server = ? ORDER BY seq""")) {
                query.setString(1, server);
                List<OutboxEntry> entries = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), OutboxEntry.State.valueOf(rs.getString(7)),
                                rs.getString(8), rs.getInt(9), rs.getLong(10), rs.getString(11), rs.getString(12)));
                    }
                }
                return entries;
            }
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
