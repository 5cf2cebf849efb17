package com.incidentconsole.credentials;

import com.incidentconsole.client.ServerAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * A token kept for one user on one server. {@code toString} hides the token, so the record is safe in a log
 * line or an assertion message.
 *
 * @param server  the server it is valid for (normalised by {@link ServerAddress})
 * @param user    the username the server reported at sign-in (not what was typed: that may be an e-mail)
 * @param kind    session or personal access token
 * @param token   the secret itself
 * @param savedAt when it was stored; among several users of one server, the latest is the default
 */
public record StoredToken(ServerAddress server, String user, TokenKind kind, String token, Instant savedAt) {

    public StoredToken {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(savedAt, "savedAt");
        if (user.isBlank() || token.isBlank()) {
            throw new IllegalArgumentException("a stored token needs a user and a token");
        }
    }

    @Override
    public String toString() {
        return "StoredToken[server=" + server.baseUrl() + ", user=" + user + ", kind=" + kind + ", token=***, savedAt="
                + savedAt + "]";
    }
}
