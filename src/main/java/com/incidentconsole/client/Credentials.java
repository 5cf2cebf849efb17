package com.incidentconsole.client;

import java.util.Objects;

/**
 * How to sign in. Both variants hide their secret from {@code toString}, so a credentials value
 * that ends up in a log line, an assertion message or a debugger's summary leaks nothing.
 */
public sealed interface Credentials {

    /** A personal access token or an existing session token. */
    record AccessToken(String token) implements Credentials {
        public AccessToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "AccessToken[token=***]";
        }
    }

    /** Username or e-mail and password, exchanged for a session token at login. */
    record Password(String loginId, String password) implements Credentials {
        public Password {
            Objects.requireNonNull(loginId, "loginId");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[loginId=" + loginId + ", password=***]";
        }
    }
}
