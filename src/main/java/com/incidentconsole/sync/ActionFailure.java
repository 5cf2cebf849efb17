package com.incidentconsole.sync;

import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

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

    /**
     * A conflict in one sentence, for places that show only a message (the owner line, the log):
     * the server's version and where to choose. The outbox panel shows both versions in full.
     */
    static String describe(ActionConflict conflict, Action action, Function<String, String> userNames) {
        String by = conflict.byUserId().isEmpty() ? "" : userNames.apply(conflict.byUserId());
        String now = switch (conflict.kind()) {
            case CHANGED -> action.valueWords(conflict.serverValue(), userNames)
                    + (by.isEmpty() ? "" : action.changedByWords(by));
            case RUN_FINISHED -> "the run is finished" + (by.isEmpty() ? "" : " (by " + by + ")");
            case RUN_RESTORED -> "the run was restored" + (by.isEmpty() ? "" : " (by " + by + ")");
            case ITEM_GONE -> "the item no longer exists";
            case UNCERTAIN -> "it may already be there — the server cannot tell";
        };
        String said = conflict.serverMessage().isBlank() ? "" : " (server said: " + conflict.serverMessage().strip() + ")";
        return "Conflict — server now: " + now + said + ". Ctrl+Shift+O to choose.";
    }

    /** The action could not even be sent, e.g. the item no longer exists. */
    static final class ActionRejected extends RuntimeException {
        ActionRejected(String message) {
            super(message);
        }
    }
}
