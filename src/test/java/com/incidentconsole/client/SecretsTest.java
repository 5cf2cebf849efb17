package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String SECRET = "s3cr3t-t0ken-value";

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertFalse(new Credentials.AccessToken(SECRET).toString().contains(SECRET));
        String password = new Credentials.Password("alex", SECRET).toString();
        assertFalse(password.contains(SECRET));
        assertTrue(password.contains("alex"), "the login id helps debugging and is not a secret");
    }

    @Test
    void serverErrorMessageNamesTheCallNotTheCredentials() {
        ServerError e = new ServerError(500, "", "An internal error has occurred.", "req1", "PUT",
                "/plugins/playbooks/api/v0/runs/x/checklists/0/item/1/state", Optional.empty());
        assertEquals("PUT /plugins/playbooks/api/v0/runs/x/checklists/0/item/1/state failed: 500 "
                + "An internal error has occurred.", e.getMessage());
        assertTrue(e.toString().contains("failed: 500"));
        assertTrue(e.isRetryable());
    }

    @Test
    void rateLimitIsRetryableWithAdvice() {
        ServerError e = new ServerError(429, "", "limit exceeded", "", "GET", "/api/v4/users/me",
                Optional.of(Duration.ofSeconds(3)));
        assertTrue(e.isRetryable());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertFalse(new ServerError(403, "", "Not authorized", "", "GET", "/x", Optional.empty()).isRetryable());
    }

    @Test
    void serverAddressDerivesTheWebSocketUrl() {
        assertEquals("ws://localhost:8065/api/v4/websocket",
                ServerAddress.of("http://localhost:8065/").websocketUri().toString());
        assertEquals("wss://chat.example.com/mm/api/v4/websocket",
                ServerAddress.of("https://chat.example.com/mm").websocketUri().toString());
    }
}
