package com.incidentconsole.client;

import java.nio.file.Path;

/** A file given as a certificate authority could not be used; the message names the file and why. */
public final class CaCertificateException extends IllegalArgumentException {

    private final transient Path file;

    public CaCertificateException(Path file, String why) {
        super("CA certificate file " + file + ": " + why);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
