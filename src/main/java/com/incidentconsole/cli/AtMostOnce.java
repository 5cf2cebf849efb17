package com.incidentconsole.cli;

import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import java.util.function.Supplier;

/**
 * A request that must not happen twice (start a run, post an update, add a timeline event) is sent once and
 * never retried here: when its answer is lost, or the server failed half-way (5xx), nobody knows whether it
 * happened, so the error says so and how to check, and the user decides.
 */
final class AtMostOnce {

    /** Exit 1, with what may or may not have happened and the command that tells. */
    static final class Uncertain extends RuntimeException {
        Uncertain(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AtMostOnce() {
    }

    /**
     * @param what  e.g. "the status update", worded to follow "may or may not have been"
     * @param check e.g. "check with 'incident-console status list RUN'"
     */
    static <T> T call(String what, String done, String check, Supplier<T> request) {
        try {
            return request.get();
        } catch (TransportError e) {
            throw new Uncertain(uncertain(what, done, e.getMessage(), check), e);
        } catch (ServerError e) {
            if (e.status() < 500) {
                throw e;
            }
            throw new Uncertain(uncertain(what, done, e.getMessage(), check), e);
        }
    }

    static void run(String what, String done, String check, Runnable request) {
        call(what, done, check, () -> {
            request.run();
            return null;
        });
    }

    private static String uncertain(String what, String done, String cause, String check) {
        return cause + "\n" + what + " may or may not have been " + done + " (it was sent once and is not "
                + "resent automatically): " + check + " before trying again.";
    }
}
