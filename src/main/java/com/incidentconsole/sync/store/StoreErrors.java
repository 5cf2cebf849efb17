package com.incidentconsole.sync.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Tells a full disk, an I/O error and a damaged file apart from SQLite's answers. */
final class StoreErrors {

    /** Below this much free space a failed write is taken to be the full disk it most likely is. */
    static final long NEARLY_FULL_BYTES = 256 * 1024;

    private StoreErrors() {
    }

    static StoreException.Reason classify(SQLException e, Path file) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return StoreException.Reason.DISK_FULL;
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
                return StoreException.Reason.DAMAGED;
            }
            if (code.name().startsWith("SQLITE_IOERR") || code == SQLiteErrorCode.SQLITE_READONLY
                    || code.name().startsWith("SQLITE_READONLY") || code == SQLiteErrorCode.SQLITE_CANTOPEN) {
                return nearlyFull(file) ? StoreException.Reason.DISK_FULL : StoreException.Reason.IO;
            }
        }
        return nearlyFull(file) ? StoreException.Reason.DISK_FULL : StoreException.Reason.OTHER;
    }

    private static boolean nearlyFull(Path file) {
        if (file == null) {
            return false;
        }
        try {
            return Files.getFileStore(file).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }
}
