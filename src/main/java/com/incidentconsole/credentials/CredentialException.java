package com.incidentconsole.credentials;

/**
 * Stored credentials could not be read, written or removed. The message says what and what to do; it never
 * holds a token or password (callers build it from paths, server addresses and user names only).
 */
public final class CredentialException extends RuntimeException {

    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
