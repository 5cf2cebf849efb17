package com.incidentconsole.client;

import java.util.Objects;

/**
 * How to sign in. Both variants hide their secret from {@code toString}, so a credentials value
 * that ends up in a log line, an assertion message or a debugger's summary leaks nothing.
 */
public sealed interface Credentials {

    /**
     * A personal access token or an existing session token. Blanks that copy and paste bring along (spaces,
     * no-break spaces, a byte-order mark, zero-width spaces, line ends) are trimmed; any other character a token
     * cannot contain is refused here, in plain words and without echoing the value, rather than by the HTTP
     * library's header check with a stack trace.
     */
    record AccessToken(String token) implements Credentials {
        public AccessToken {
            Objects.requireNonNull(token, "token");
            token = trimmed(token);
            if (token.isEmpty()) {
                throw new IllegalArgumentException("the token is empty");
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= 0x20 || c >= 0x7F) {
                    throw new IllegalArgumentException("the token contains a character no token has ("
                            + (Character.isISOControl(c) ? "a control character" : c == ' ' ? "a space"
                            : "a non-ASCII character") + " at position " + (i + 1) + "); copy it again");
                }
            }
        }

        private static String trimmed(String token) {
            int start = 0;
            int end = token.length();
            while (start < end && isBlank(token.charAt(start))) {
                start++;
            }
            while (end > start && isBlank(token.charAt(end - 1))) {
                end--;
            }
            return token.substring(start, end);
        }

        private static boolean isBlank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
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
