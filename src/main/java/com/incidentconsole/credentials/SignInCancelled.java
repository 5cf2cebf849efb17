package com.incidentconsole.credentials;

/** The user closed the sign-in prompt without signing in. */
public final class SignInCancelled extends RuntimeException {

    public SignInCancelled(String message) {
        super(message);
    }
}
