package com.incidentconsole.client;

/**
 * No usable HTTP answer: connection refused, timeout, TLS failure, or a 2xx body that is not the
 * JSON the endpoint promises. Usually worth retrying later; the caller decides.
 */
public final class TransportError extends ClientException {

    private final boolean notMattermost;
    private final boolean retryCannotFix;

    public TransportError(String message, Throwable cause) {
        this(message, cause, false, false);
    }

    private TransportError(String message, Throwable cause, boolean notMattermost, boolean retryCannotFix) {
        super(message, cause);
        this.notMattermost = notMattermost;
        this.retryCannotFix = retryCannotFix;
    }

    /** Something answered at the address, but not as Mattermost does (a web page, another kind of server). */
    public static TransportError notMattermost(String message, Throwable cause) {
        return new TransportError(message, cause, true, true);
    }

    /** A failure only the user or an administrator can fix (an untrusted certificate): retrying soon is pointless. */
    static TransportError retryCannotFix(String message, Throwable cause) {
        return new TransportError(message, cause, false, true);
    }

    /** Retrying in a few seconds will not help (see {@link #notMattermost}, {@link #retryCannotFix}). */
    public boolean retryCannotFix() {
        return retryCannotFix;
    }

    /** The address reaches a web server that is not Mattermost: checking the address helps, retrying soon hardly. */
    public boolean isNotMattermost() {
        return notMattermost;
    }
}
