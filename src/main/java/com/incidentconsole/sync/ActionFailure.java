package com.incidentconsole.sync;

import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import java.util.concurrent.CompletionException;

/** Turns whatever made an action fail into the sentence shown on the item: what failed and why. */
final class ActionFailure {

    private ActionFailure() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ServerError error) {
            String message = error.serverMessage().isBlank() ? "no message" : error.serverMessage().strip();
            return "Server refused (" + error.status() + "): " + message;
        }
        if (cause instanceof TransportError) {
            return "Could not reach the server: " + cause.getMessage();
        }
        if (cause instanceof ActionRejected rejected) {
            return rejected.getMessage();
        }
        return "Unexpected error: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " — " + cause.getMessage());
    }

    /** The action could not even be sent, e.g. the item no longer exists. */
    static final class ActionRejected extends RuntimeException {
        ActionRejected(String message) {
            super(message);
        }
    }
}
