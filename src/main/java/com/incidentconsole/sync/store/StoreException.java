package com.incidentconsole.sync.store;

/** The local store could not be read or written (disk full, file corrupt, permissions). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
