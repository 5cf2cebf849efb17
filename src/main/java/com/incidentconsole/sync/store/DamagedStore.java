package com.incidentconsole.sync.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store file is damaged (not a database, truncated, corrupt pages). Nothing was changed in it; the outbox rows
 * that could still be read were saved to {@link #rescueFile()} so that no pending action depends on the damaged
 * file. {@link StoreRescue#rebuild} moves it aside and starts a new one with those rows.
 */
public final class DamagedStore extends RuntimeException {

    private final transient Path file;
    private final transient Path rescueFile;
    private final int rescued;
    private final String reason;

    DamagedStore(Path file, String reason, Optional<Path> rescueFile, int rescued, Throwable cause) {
        super("The local store " + file + " is damaged (" + reason + "); "
                + rescueFile.map(f -> rescued + " pending actions saved to " + f).orElse("no pending action could be read")
                + ".", cause);
        this.file = file;
        this.reason = reason;
        this.rescueFile = rescueFile.orElse(null);
        this.rescued = rescued;
    }

    public Path file() {
        return file;
    }

    /** What SQLite said, e.g. "database disk image is malformed". */
    public String reason() {
        return reason;
    }

    /** The file with the outbox rows that could be read; empty when none could. */
    public Optional<Path> rescueFile() {
        return Optional.ofNullable(rescueFile);
    }

    public int rescued() {
        return rescued;
    }
}
