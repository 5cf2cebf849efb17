package com.incidentconsole.sync.store;

/**
 * The local store could not be read or written. {@link #reason()} says why in terms the user can act
 * on: a full disk needs space, not a new server address.
 */
public final class StoreException extends RuntimeException {

    public enum Reason {
        /** No space left on the disk (or the store hit its size limit); writing works again once there is. */
        DISK_FULL,
        /** The disk or the file could not be read or written (I/O error, read-only, locked). */
        IO,
        /** The file is not a readable store (damaged, or not a database). */
        DAMAGED,
        /** Anything else: a bug or an unexpected SQL answer. */
        OTHER
    }

    private final Reason reason;

    public StoreException(String message, Throwable cause) {
        this(Reason.OTHER, message, cause);
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
