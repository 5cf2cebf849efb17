package com.incidentconsole.credentials;

import com.incidentconsole.client.Credentials;

/**
 * One try with what the user typed: verifies it against the server and stores the token. Blocks on the network,
 * so the prompt calls it off the UI thread.
 */
@FunctionalInterface
public interface SignInAttempt {

    /**
     * @throws com.incidentconsole.client.ServerError 401 for a wrong password or token (the prompt says so and
     *         lets the user try again), or another answer of the server
     * @throws com.incidentconsole.client.TransportError when the server cannot be reached or its certificate is
     *         not trusted
     */
    void attempt(Credentials credentials);
}
