package com.incidentconsole.client;

/**
 * Any failure of a call to the server. Sealed so callers can tell, exhaustively, whether the
 * server answered ({@link ServerError}) or no usable answer arrived ({@link TransportError}).
 */
public sealed class ClientException extends RuntimeException permits ServerError, TransportError {

    ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
