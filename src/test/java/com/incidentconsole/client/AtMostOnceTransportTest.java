package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WireJson;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that posts or creates reaches the server at most once: when the connection dies after the server
 * read it, OkHttp's own silent retry must not send it again (the CLI then says "may or may not have happened").
 */
class AtMostOnceTransportTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private MockWebServer server;
    private MattermostConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        server.enqueue(ok("{\"id\":\"u1\",\"username\":\"alex\"}"));
        connection = MattermostConnection.open(new ServerAddress(server.url("/").uri()),
                new Credentials.AccessToken("t"), mapper);
    }

    @AfterEach
    void tearDown() {
        connection.close();
        server.close();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private void loseTheNextAnswer() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"status\":\"OK\"}"));
    }

    @Test
    void aStatusUpdateWhoseAnswerIsLostIsNotResent() {
        loseTheNextAnswer();
        assertThrows(TransportError.class, () -> connection.runs().postStatusUpdate("r1", "text", 60, false));
        assertEquals(2, server.getRequestCount(), "sign-in + one status update");
    }

    @Test
    void aRunStartOrTimelinePostIsNotResentEither() {
        loseTheNextAnswer();
        assertThrows(TransportError.class, () -> connection.posts().createAt("c1", "text", 0));
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void anIdempotentCallMayStillBeRetriedByTheTransport() {
        loseTheNextAnswer();
        connection.checklists().setItemState("r1", 0, 0, "closed");
        assertEquals(3, server.getRequestCount(), "the control: without the one-shot body OkHttp resends");
    }
}
