package com.incidentconsole.playbook.library.store;

import java.io.IOException;

/** A library operation that cannot be done as asked: bad file name, file exists, file missing. */
public final class LibraryException extends IOException {

    public LibraryException(String message) {
        super(message);
    }
}
