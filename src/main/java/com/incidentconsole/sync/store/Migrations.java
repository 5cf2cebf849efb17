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
                    "ALTER TABLE outbox ADD COLUMN conflict TEXT NOT NULL DEFAULT ''"),
            // 3: the open action model (ADR 0018). An action belongs to a scope (a run, a playbook, a team,
            //    the server), not necessarily to a run, so run_id NOT NULL gives way to scope_kind/scope_id;
            //    each action has a client-side id (the outbox's key across threads and restarts), the version
            //    of its stored form, and the time a request for it may have left (a non-idempotent action
            //    restored with one is checked, never resent blind). SQLite cannot drop NOT NULL, so the
            //    table is rebuilt; every existing row is kept with its seq, as a run-scoped version-1 action.
            List.of("""
                    CREATE TABLE outbox_v3 (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        server TEXT NOT NULL,
                        client_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        kind_version INTEGER NOT NULL DEFAULT 1,
                        scope_kind TEXT NOT NULL,
                        scope_id TEXT,
                        subject TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        description TEXT NOT NULL,
                        state TEXT NOT NULL,
                        error TEXT NOT NULL DEFAULT '',
                        attempts INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL,
                        sent_at INTEGER NOT NULL DEFAULT 0,
                        base TEXT NOT NULL DEFAULT '',
                        conflict TEXT NOT NULL DEFAULT '')""", """
                    INSERT INTO outbox_v3 (seq, server, client_id, kind, kind_version, scope_kind, scope_id, subject,
                                           payload, description, state, error, attempts, created_at, sent_at, base,
                                           conflict)
                    SELECT seq, server,
                           lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
                                 || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                           kind, 1, 'run', run_id, subject, payload, description, state, error, attempts, created_at,
                           0, base, conflict
                    FROM outbox""",
                    "DROP TABLE outbox",
                    "ALTER TABLE outbox_v3 RENAME TO outbox",
                    "CREATE INDEX outbox_by_server ON outbox (server, seq)",
                    "CREATE UNIQUE INDEX outbox_by_client_id ON outbox (server, client_id)"));

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
