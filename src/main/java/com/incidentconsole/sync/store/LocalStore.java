package com.incidentconsole.sync.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import com.incidentconsole.datafolder.PrivateFiles;
import java.io.IOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens the store file, applies migrations and hands out the cache and the outbox. One JDBC
 * connection, used under this object's lock: writes are small and a desktop app has one writer.
 */
public final class LocalStore implements AutoCloseable {

    private final Connection db;
    private final Object lock = new Object();
    /** The store file, to tell a full disk from other failures; {@code null} in memory. */
    private final Path file;

    private LocalStore(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * Opens (creating if needed) the store at {@code file}: the folder {@code 0700}, the file and its {@code -wal}
     * and {@code -shm} {@code 0600}, whatever the umask (they hold incident data and the outbox, as private as the
     * credentials). A damaged file is checked ({@code PRAGMA quick_check}) and refused without being changed.
     *
     * @throws DamagedStore when the file is not a database or is corrupt; the readable outbox rows were saved
     * @throws StoreException when it cannot be opened for another reason (newer schema, permissions, disk)
     */
    public static LocalStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** As {@link #open(Path)}; {@code clock} names the rescue file of a damaged store. */
    public static LocalStore open(Path file, Clock clock) {
        Connection db = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                PrivateFiles.folder(folder);
            }
            // Made before SQLite opens it: SQLite gives its -wal and -shm the main file's mode.
            PrivateFiles.file(file);
            for (String suffix : List.of("-wal", "-shm")) {
                PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = db.createStatement()) {
                // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
                statement.execute("PRAGMA journal_mode=WAL");
                // FULL: a commit survives a power cut too; the outbox promises exactly that.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            Optional<String> damage = quickCheck(db);
            if (damage.isPresent()) {
                db.close();
                throw StoreRescue.damaged(file, damage.get(), null, clock);
            }
            Migrations.migrate(db);
            return new LocalStore(db, file.toAbsolutePath());
        } catch (SQLException e) {
            closeQuietly(db);
            if (StoreRescue.isDamage(e)) {
                throw StoreRescue.damaged(file, e.getMessage(), e, clock);
            }
            throw new StoreException("Cannot open the local store at " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(db);
            throw new StoreException("Cannot open the local store at " + file + ": " + e.getMessage(), e);
        }
    }

    /** SQLite's structural check (all pages, not the index contents): empty when the file is sound. */
    static Optional<String> quickCheck(Connection db) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA quick_check(5)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (problems.equals(List.of("ok"))) {
            return Optional.empty();
        }
        // Worded for the startup screen: the first problem, not SQLite's whole multi-line report.
        List<String> real = problems.stream().filter(p -> !p.startsWith("*** in database")).toList();
        String first = real.isEmpty() ? String.join(" ", problems) : real.get(0).strip();
        return Optional.of("its integrity check failed: " + first + (real.size() > 1 ? " (and more)" : ""));
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
        }
    }

    /** An in-memory store, for tests and for the sandbox, whose data would be stale at the next start anyway. */
    public static LocalStore inMemory() {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
            Migrations.migrate(db);
            return new LocalStore(db, null);
        } catch (SQLException e) {
            throw new StoreException("Cannot open an in-memory store: " + e.getMessage(), e);
        }
    }

    public int schemaVersion() {
        return read(Migrations::userVersion);
    }

    /** Outbox rows of every server: what a user would lose with this file. */
    public int pendingActions() {
        return read(db -> {
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public ObjectCache cache(String server) {
        return new ObjectCache(this, server);
    }

    public Outbox outbox(String server) {
        return new Outbox(this, server);
    }

    /** The user's unsent writing on {@code server}. */
    public Drafts drafts(String server) {
        return new Drafts(this, server);
    }

    /** The timeline events the user starred on {@code server}. */
    public TimelineStars stars(String server) {
        return new TimelineStars(this, server);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    <T> T read(Work<T> work) {
        synchronized (lock) {
            try {
                return work.run(db);
            } catch (SQLException e) {
                throw failure("Reading the local store failed", e);
            }
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    <T> T write(Work<T> work) {
        synchronized (lock) {
            try {
                db.setAutoCommit(false);
                try {
                    T result = work.run(db);
                    db.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly();
                    throw e;
                } finally {
                    db.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw failure("Writing the local store failed", e);
            }
        }
    }

    /**
     * A failed statement can have rolled the transaction back already (SQLite does on a full disk), so a
     * rollback may fail in turn; that second failure must not hide the first, which says what went wrong.
     */
    private void rollbackQuietly() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the first failure is the one reported
        }
    }

    /**
     * Names the cause in the user's terms. SQLite reports a full disk as SQLITE_FULL, as an I/O error
     * while growing the WAL, or only indirectly ("cannot commit - no transaction is active" after it rolled
     * back on its own), so the free space of the store's disk is asked too.
     */
    private StoreException failure(String what, SQLException e) {
        StoreException.Reason reason = StoreErrors.classify(e, file);
        String message = switch (reason) {
            case DISK_FULL -> what + ": the disk is full (" + e.getMessage() + ")";
            case IO -> what + ": the disk could not be read or written (" + e.getMessage() + ")";
            case DAMAGED -> what + ": the store file is damaged (" + e.getMessage() + ")";
            case OTHER -> what + ": " + e.getMessage();
        };
        return new StoreException(reason, message, e);
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                db.close();
            } catch (SQLException e) {
                throw new StoreException("Closing the local store failed: " + e.getMessage(), e);
            }
        }
    }
}
