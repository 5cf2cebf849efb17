package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WireJson;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection created before the server answers: nothing goes out until it has signed in, so an
 * action replayed from the outbox meanwhile is "not reachable yet", never an unauthenticated call.
 */
class SignInTest {

    private static final String ME = """
            {"id":"u1","username":"alex","first_name":"Alex"}""";

    private final JsonMapper mapper = WireJson.newMapper();
    private MockWebServer server;
    private ServerAddress address;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        address = new ServerAddress(server.url("/chat").uri());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void createdWithATokenItWaitsForSignInBeforeAnyOtherRequest() throws Exception {
        try (MattermostConnection connection = MattermostConnection.create(address,
                new Credentials.AccessToken("pat-123"), mapper)) {
            assertFalse(connection.isSignedIn());
            TransportError held = assertThrows(TransportError.class, () -> connection.teams().mine());
            assertTrue(held.getMessage().contains("not signed in yet"), held.getMessage());
            assertThrows(IllegalStateException.class, connection::me);
            assertEquals(0, server.getRequestCount(), "nothing was sent before signing in");

            server.enqueue(json(200, ME).setHeader("X-Request-Id", "r1").build());
            assertEquals("alex", connection.signIn().username());
            assertEquals("/chat/api/v4/users/me", take().getUrl().encodedPath(), "the proof, under the sub-path");

            server.enqueue(json(200, "[]").build());
            connection.teams().mine();
            assertEquals("Bearer pat-123", take().getHeaders().get("Authorization"));
        }
    }

    @Test
    void aPasswordSessionSendsNothingWithoutTheTokenItsLoginReturns() throws Exception {
        try (MattermostConnection connection = MattermostConnection.create(address,
                new Credentials.Password("alex", "s3cret-pw"), mapper)) {
            assertThrows(TransportError.class, () -> connection.runs().get("run1"));
            assertEquals(0, server.getRequestCount());

            server.enqueue(json(200, ME).setHeader("Token", "session-9").build());
            connection.signIn();
            RecordedRequest login = take();
            assertEquals("/chat/api/v4/users/login", login.getUrl().encodedPath());
            assertEquals(null, login.getHeaders().get("Authorization"), "login itself goes without a token");

            server.enqueue(json(200, "[]").build());
            connection.teams().mine();
            assertEquals("Bearer session-9", take().getHeaders().get("Authorization"));
        }
    }

    @Test
    void aRefusedSignInLeavesTheGateShut() {
        try (MattermostConnection connection = MattermostConnection.create(address,
                new Credentials.AccessToken("revoked"), mapper)) {
            server.enqueue(json(401, """
                    {"id":"api.context.session_expired.app_error","message":"Invalid or expired session, please login again.","status_code":401}""")
                    .build());
            ServerError refused = assertThrows(ServerError.class, connection::signIn);
            assertTrue(refused.isUnauthorized());
            assertFalse(connection.isSignedIn());
            assertThrows(TransportError.class, () -> connection.teams().mine());
            assertEquals(1, server.getRequestCount());
        }
    }

    private static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "request expected");
        return request;
    }
}
