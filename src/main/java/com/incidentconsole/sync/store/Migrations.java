package com.incidentconsole.sync.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * Schema versions, applied in order inside one transaction each. The version lives in SQLite's
 * {@code user_version}; a database newer than this build is refused rather than guessed at.
 * Never edit a released step: add a new one.
 */
final class Migrations {

    private static final String CACHED_OBJECT = """
            CREATE TABLE cached_object (
                server TEXT NOT NULL,
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                update_at INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (server, kind, id))""";
    private static final String SYNC_META = """
            CREATE TABLE sync_meta (
                server TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (server, key))""";
    /** The outbox since step 3; {@code %s} is its name (the step builds it beside the old one). */
    private static final String OUTBOX_V3 = """
            CREATE TABLE %s (
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
                conflict TEXT NOT NULL DEFAULT '')""";
    /**
     * Text the user is writing that the server does not have yet (a status update, a retrospective), by a key
     * the feature chooses ({@code "status:<run id>"}); {@code base} is the server's text when the draft began, the
     * base of a three-way merge when the server's text changed meanwhile.
     */
    private static final String DRAFT = """
            CREATE TABLE draft (
                server TEXT NOT NULL,
                key TEXT NOT NULL,
                text TEXT NOT NULL,
                base TEXT NOT NULL DEFAULT '',
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (server, key))""";
    /** Timeline events the user starred for the retrospective: the user's own marks, never sent to the server. */
    private static final String TIMELINE_STAR = """
            CREATE TABLE timeline_star (
                server TEXT NOT NULL,
                run_id TEXT NOT NULL,
                event_id TEXT NOT NULL,
                starred_at INTEGER NOT NULL,
                PRIMARY KEY (server, run_id, event_id))""";
    private static final List<String> OUTBOX_INDEXES = List.of(
            "CREATE INDEX outbox_by_server ON outbox (server, seq)",
            "CREATE UNIQUE INDEX outbox_by_client_id ON outbox (server, client_id)");

    /**
     * A new file gets the latest schema at once, the outbox first: its rows then sit in the file's first pages,
     * before the cache grows, where a truncated or partly overwritten store still has them for the rescue. Run
     * step by step, step 3's rebuild would leave the outbox behind every other table (probe M2).
     */
    private static final List<String> FRESH = Stream.concat(
            Stream.of(OUTBOX_V3.formatted("outbox"), CACHED_OBJECT, SYNC_META, DRAFT, TIMELINE_STAR),
            OUTBOX_INDEXES.stream()).toList();

    private static final List<List<String>> STEPS = List.of(
            // 1: run/user/playbook cache per server, the outbox, and per-server sync metadata.
            List.of(CACHED_OBJECT, """
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
                    "CREATE INDEX outbox_by_server ON outbox (server, seq)", SYNC_META),
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
            List.of(OUTBOX_V3.formatted("outbox_v3"), """
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
                    "ALTER TABLE outbox_v3 RENAME TO outbox", OUTBOX_INDEXES.get(0), OUTBOX_INDEXES.get(1)),
            // 4: the user's unsent writing (status update and retrospective drafts) and their timeline stars,
            //    kept beside the outbox so a crash in the middle of typing loses at most the last second.
            List.of(DRAFT, TIMELINE_STAR));

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
        if (current == 0) {
            apply(db, FRESH, latestVersion());
            return;
        }
        for (int version = current; version < latestVersion(); version++) {
            apply(db, STEPS.get(version), version + 1);
        }
    }

    /** Steps from 1 up, as an older build made the file: the starting point of an upgrade, for tests. */
    static void migrateStepByStep(Connection db, int upTo) throws SQLException {
        for (int version = userVersion(db); version < upTo; version++) {
            apply(db, STEPS.get(version), version + 1);
        }
    }

    private static void apply(Connection db, List<String> sqls, int version) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            for (String sql : sqls) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + version);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    static int userVersion(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
             var rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
