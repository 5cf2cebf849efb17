package com.incidentconsole.sync.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;

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

    /** Opens (creating if needed) the store at {@code file}; its folder is created owner-only. */
    public static LocalStore open(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = db.createStatement()) {
                // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
                statement.execute("PRAGMA journal_mode=WAL");
                // FULL: a commit survives a power cut too; the outbox promises exactly that.
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            Migrations.migrate(db);
            return new LocalStore(db, file.toAbsolutePath());
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot open the local store at " + file + ": " + e.getMessage(), e);
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

    public ObjectCache cache(String server) {
        return new ObjectCache(this, server);
    }

    public Outbox outbox(String server) {
        return new Outbox(this, server);
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
