package com.incidentconsole.credentials;

import com.incidentconsole.client.ServerAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sign-in prompt shows: the server, the user to fill in (from {@code --login} or the stored token), and
 * why we ask (no stored sign-in, the stored one was rejected, the vault could not be read).
 */
public record SignInRequest(ServerAddress server, Optional<String> user, String reason) {

    public SignInRequest {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
    }
}
