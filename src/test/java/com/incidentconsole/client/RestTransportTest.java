package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WireJson;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport details the sandbox cannot provoke: odd bodies, exact headers, refused connections. */
class RestTransportTest {

    private static final String TOKEN = "tok3n-secret";
    private static final String ME = """
            {"id":"u1","username":"alex","first_name":"Alex"}""";

    private final JsonMapper mapper = WireJson.newMapper();
    private MockWebServer server;
    private MattermostConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        server.enqueue(json(200, ME));
        connection = MattermostConnection.open(new ServerAddress(server.url("/").uri()),
                new Credentials.AccessToken(TOKEN), mapper);
        take();
    }

    @AfterEach
    void tearDown() {
        connection.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(request != null, "request expected");
        return request;
    }

    @Test
    void everyRequestCarriesBearerTokenAndRequestedWith() throws Exception {
        server.enqueue(json(200, "{}"));
        connection.checklists().setItemState("run1", 0, 1, "closed");
        RecordedRequest request = take();
        assertEquals("PUT", request.getMethod());
        assertEquals("/plugins/playbooks/api/v0/runs/run1/checklists/0/item/1/state", request.getUrl().encodedPath());
        assertEquals("Bearer " + TOKEN, request.getHeaders().get("Authorization"));
        assertEquals("XMLHttpRequest", request.getHeaders().get("X-Requested-With"));
        assertEquals("{\"new_state\":\"closed\"}", request.getBody().utf8());
    }

    @Test
    void runCommandPostsAnEmptyBodyAndReturnsTheTriggerId() throws Exception {
        server.enqueue(json(200, "{\"trigger_id\":\"trig\"}"));
        assertEquals("trig", connection.checklists().runCommand("run1", 2, 3));
        RecordedRequest request = take();
        assertEquals("POST", request.getMethod());
        assertEquals(0, request.getBodySize());
    }

    @Test
    void voidCallsAcceptEveryShapeOfEmptySuccess() {
        for (String body : List.of("", "{}", "null", "{\"status\":\"OK\"}", "{\"success\":true}")) {
            server.enqueue(json(200, body));
            connection.runs().finish("run1");
        }
        server.enqueue(new MockResponse.Builder().code(204).build());
        connection.checklists().skipItem("run1", 0, 0);
        server.enqueue(new MockResponse.Builder().code(201).build());
        connection.checklists().deleteChecklist("run1", 0);
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsATransportError() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>captive portal</html>").build());
        TransportError e = assertThrows(TransportError.class, () -> connection.runs().get("run1"));
        assertTrue(e.getMessage().contains("GET /plugins/playbooks/api/v0/runs/run1"), e.getMessage());
        assertTrue(e.getMessage().contains("not the expected JSON"), e.getMessage());

        server.enqueue(new MockResponse.Builder().code(200).body("<html/>").build());
        assertThrows(TransportError.class, () -> connection.runs().finish("run1"));
    }

    @Test
    void coreAppErrorKeepsIdMessageAndRequestId() {
        server.enqueue(json(403, """
                {"id":"api.context.permissions.app_error","message":"You do not have the appropriate permissions.",
                 "detailed_error":"","request_id":"body-req","status_code":403}""")
                .newBuilder().setHeader("X-Request-Id", "hdr-req").build());
        ServerError e = assertThrows(ServerError.class, () -> connection.channels().get("c1"));
        assertEquals(403, e.status());
        assertEquals("api.context.permissions.app_error", e.errorId());
        assertEquals("You do not have the appropriate permissions.", e.serverMessage());
        assertEquals("hdr-req", e.requestId());
        assertEquals("GET", e.method());
        assertEquals("/api/v4/channels/c1", e.path());
        assertFalse(e.isRetryable());
    }

    @Test
    void pluginErrorAndPlainTextBodies() {
        server.enqueue(json(400, "{\"error\":\"cannot modify a finished run\"}"));
        ServerError plugin = assertThrows(ServerError.class, () -> connection.runs().patch("r", "n", null));
        assertEquals("", plugin.errorId());
        assertEquals("cannot modify a finished run", plugin.serverMessage());

        server.enqueue(new MockResponse.Builder().code(401).body("Not authorized\n").build());
        ServerError text = assertThrows(ServerError.class, () -> connection.runs().get("r"));
        assertEquals("Not authorized", text.serverMessage());
        assertFalse(text.getMessage().contains(TOKEN));
    }

    @Test
    void rateLimitResetIsTheFallbackForRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("X-Ratelimit-Reset", "7")
                .body("limit exceeded\n").build());
        ServerError e = assertThrows(ServerError.class, () -> connection.users().me());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertEquals("limit exceeded", e.serverMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void queryStringIsNotPartOfTheReportedPath() {
        server.enqueue(json(500, "{\"error\":\"boom\"}"));
        ServerError e = assertThrows(ServerError.class,
                () -> connection.runs().list(RunQuery.all().search("secret words")));
        assertEquals("/plugins/playbooks/api/v0/runs", e.path());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void aNullListIsAnEmptyList() {
        server.enqueue(json(200, "null"));
        assertEquals(List.of(), connection.runs().followers("run1"));
        server.enqueue(json(200, "null"));
        assertThrows(TransportError.class, () -> connection.runs().get("run1"), "a run is never null");
    }

    @Test
    void emptyIdListCostsNoRequest() {
        assertEquals(List.of(), connection.users().byIds(List.of()));
        assertEquals(1, server.getRequestCount(), "only the users/me of open()");
    }

    @Test
    void importSendsTheDocumentVerbatim() throws Exception {
        server.enqueue(json(201, "{\"id\":\"pb9\"}"));
        String doc = "{\"version\":1,\"title\":\"T\"}";
        assertEquals("pb9", connection.playbooks().importPlaybook("team1", doc));
        RecordedRequest request = take();
        assertEquals(doc, request.getBody().utf8());
        assertEquals("team1", request.getUrl().queryParameter("team_id"));
    }

    @Test
    void refusedConnectionIsATransportError() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TransportError e = assertThrows(TransportError.class, () -> MattermostConnection.open(
                ServerAddress.of("http://127.0.0.1:" + port), new Credentials.AccessToken(TOKEN), mapper));
        assertFalse(e.getMessage().contains(TOKEN));
        assertEquals("GET /api/v4/users/me: cannot connect to 127.0.0.1:" + port + " (refused or unreachable)",
                e.getMessage(), "plain words for the status bar, not an exception class name");
    }
}
