package com.incidentconsole.client;

/**
 * No usable HTTP answer: connection refused, timeout, TLS failure, or a 2xx body that is not the
 * JSON the endpoint promises. Usually worth retrying later; the caller decides.
 */
public final class TransportError extends ClientException {

    public TransportError(String message, Throwable cause) {
        super(message, cause);
    }
}
