package com.incidentconsole.sync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema versions, applied in order inside one transaction each. The version lives in SQLite's
 * {@code user_version}; a database newer than this build is refused rather than guessed at.
 * Never edit a released step: add a new one.
 */
final class Migrations {

    private static final List<List<String>> STEPS = List.of(
            // 1: run/user/playbook cache per server, the outbox, and per-server sync metadata.
            List.of("""
                    CREATE TABLE cached_object (
                        server TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        update_at INTEGER NOT NULL,
                        json TEXT NOT NULL,
                        PRIMARY KEY (server, kind, id))""", """
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        server TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        run_id TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        description TEXT NOT NULL,
                        state TEXT NOT NULL,
                        error TEXT NOT NULL DEFAULT '',
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL)""",
                    "CREATE INDEX outbox_by_server ON outbox (server, seq)", """
                    CREATE TABLE sync_meta (
                        server TEXT NOT NULL,
                        key TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (server, key))"""),
            // 2: what the user saw when acting (the base a replay compares the server with), and the
            //    server's version when the two disagree, so a conflict survives a restart unchanged.
            List.of("ALTER TABLE outbox ADD COLUMN base TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE outbox ADD COLUMN conflict TEXT NOT NULL DEFAULT ''"));

    private Migrations() {
    }

    static int latestVersion() {
        return STEPS.size();
    }

    static void migrate(Connection db) throws SQLException {
        int current = userVersion(db);
        if (current > latestVersion()) {
            throw new SQLException("The local store was written by a newer Incident Console (schema " + current
                    + ", this build knows " + latestVersion() + "); refusing to touch it.");
        }
        for (int version = current; version < latestVersion(); version++) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                for (String sql : STEPS.get(version)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (version + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    static int userVersion(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
