package com.incidentconsole.client;

/**
 * No usable HTTP answer: connection refused, timeout, TLS failure, or a 2xx body that is not the
 * JSON the endpoint promises. Usually worth retrying later; the caller decides.
 */
public final class TransportError extends ClientException {

    private final boolean notMattermost;

    public TransportError(String message, Throwable cause) {
        this(message, cause, false);
    }

    private TransportError(String message, Throwable cause, boolean notMattermost) {
        super(message, cause);
        this.notMattermost = notMattermost;
    }

    /** Something answered at the address, but not as Mattermost does (a web page, another kind of server). */
    public static TransportError notMattermost(String message, Throwable cause) {
        return new TransportError(message, cause, true);
    }

    /** The address reaches a web server that is not Mattermost: checking the address helps, retrying soon hardly. */
    public boolean isNotMattermost() {
        return notMattermost;
    }
}
