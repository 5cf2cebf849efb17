package com.incidentconsole.playbook.library.sync;

import java.io.IOException;

/**
 * A server call of pull or push failed. The reason lets a window say what to do (sign in again, ask for access,
 * restore the playbook, try again later) without parsing messages; the message says it for the command line.
 * Messages carry the server's answer and the request path, never a credential.
 */
public final class PlaybookRemoteException extends IOException {

    /** Why the server call failed. */
    public enum Reason {
        /** 401: the token or session is no longer accepted. */
        SIGNED_OUT,
        /** 403: no permission — or, since the server checks permissions first, the playbook does not exist. */
        FORBIDDEN,
        /** 404: the playbook (or the endpoint) is not there. */
        NOT_FOUND,
        /** The playbook is archived: the server refuses to modify it. */
        ARCHIVED,
        /** Any other answer the server refused with (4xx/5xx). */
        REJECTED,
        /** No usable answer: connection refused, timeout, not a Mattermost server. */
        UNREACHABLE
    }

    private final Reason reason;

    public PlaybookRemoteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
