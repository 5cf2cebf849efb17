package com.incidentconsole.sandbox.state;

import java.security.SecureRandom;

/**
 * Bearer tokens shaped like the real server's ({@code model.NewId}: 26 characters of z-base-32), drawn from a
 * secure random source so no sandbox start can predict another's tokens. Thread-safe.
 */
public final class TokenSource {

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] token = new char[IdSource.LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = IdSource.ALPHABET[random.nextInt(IdSource.ALPHABET.length)];
        }
        return new String(token);
    }
}
