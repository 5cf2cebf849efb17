package com.incidentconsole.sync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The timeline events a user starred, per run, to mark what the retrospective must cover. Local only: the
 * server has no such field. Blocking JDBC: call it from a background thread.
 */
public final class TimelineStars {

    private final LocalStore store;
    private final String server;

    TimelineStars(LocalStore store, String server) {
        this.store = store;
        this.server = server;
    }

    public void star(String runId, String eventId, long at) {
        store.write(db -> {
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO timeline_star (server, run_id, event_id, starred_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (server, run_id, event_id) DO NOTHING""")) {
                insert.setString(1, server);
                insert.setString(2, runId);
                insert.setString(3, eventId);
                insert.setLong(4, at);
                insert.executeUpdate();
            }
            return null;
        });
    }

    public void unstar(String runId, String eventId) {
        store.write(db -> {
            try (PreparedStatement delete = db.prepareStatement(
                    "DELETE FROM timeline_star WHERE server = ? AND run_id = ? AND event_id = ?")) {
                delete.setString(1, server);
                delete.setString(2, runId);
                delete.setString(3, eventId);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** The starred event ids of {@code runId}, in the order they were starred. */
    public Set<String> starred(String runId) {
        return store.read(db -> {
            try (PreparedStatement select = db.prepareStatement("""
                    SELECT event_id FROM timeline_star WHERE server = ? AND run_id = ? ORDER BY starred_at, event_id""")) {
                select.setString(1, server);
                select.setString(2, runId);
                Set<String> ids = new LinkedHashSet<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }
}
