package com.incidentconsole.credentials;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the user to sign in, for a start-up that has no usable stored token. The desktop app shows its sign-in
 * dialog; headless starts use {@link #none()}, which says how to sign in from the command line.
 */
@FunctionalInterface
public interface CredentialPrompt {

    /** How a prompt ended. */
    enum Outcome { SIGNED_IN, CANCELLED }

    /**
     * Shows the prompt and returns at once. Each time the user submits, the prompt runs {@code attempt} off the UI
     * thread, shows its failure and lets them retry; the future completes with {@link Outcome#SIGNED_IN} after the
     * first attempt that returned normally, or {@link Outcome#CANCELLED} when the user gave up.
     */
    CompletableFuture<Outcome> signIn(SignInRequest request, SignInAttempt attempt);

    /** No one to ask: fails with the request's reason and the command that signs in. */
    static CredentialPrompt none() {
        return (request, attempt) -> CompletableFuture.failedFuture(new CredentialException(request.reason()
                + " Sign in with: incident-console login --server " + request.server().baseUrl()
                + ", or set INCIDENT_CONSOLE_TOKEN."));
    }
}
