package com.incidentconsole.sync;

/**
 * The server refused the credentials: retrying cannot help, only new credentials can. The message
 * is the server's own words plus what to check; it never contains the credentials.
 */
public final class SignInRefused extends RuntimeException {

    private final int status;

    SignInRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 401 (unknown or expired token, wrong password) or 403 (the account may not sign in). */
    public int status() {
        return status;
    }
}
