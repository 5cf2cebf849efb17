package com.incidentconsole.playbook.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.wire.WireJson;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A push replaces the server's playbook whole, built from what we read. A field a newer plugin has and our
 * records do not model must go back unchanged, or the push would silently erase the process owner's setting.
 */
class ConnectionPlaybookRemoteTest {

    private static final String PLAYBOOK = """
            {"id":"pb1","title":"Outage","team_id":"t1","update_at":17,
             "checklists":[{"title":"Triage","items":[{"title":"Page","future_item_flag":true}]}],
             "a_field_from_a_newer_plugin":{"nested":[1,2,3]}}""";

    private final JsonMapper mapper = WireJson.newMapper();
    private MockWebServer server;
    private MattermostConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        server.enqueue(json("{\"id\":\"u1\",\"username\":\"alex\"}"));
        connection = MattermostConnection.open(new ServerAddress(server.url("/").uri()),
                new Credentials.AccessToken("t0ken"), mapper);
        take();
    }

    @AfterEach
    void tearDown() {
        connection.close();
        server.close();
    }

    @Test
    void aFullReplaceSendsBackEveryFieldItRead() throws Exception {
        ConnectionPlaybookRemote remote = new ConnectionPlaybookRemote(connection);
        server.enqueue(json(PLAYBOOK));
        ObjectNode read = remote.get("pb1");
        take();

        read.put("title", "Outage (edited offline)");
        server.enqueue(json("{}"));
        remote.replace("pb1", read);

        RecordedRequest put = take();
        assertEquals("PUT", put.getMethod());
        JsonNode sent = mapper.readTree(put.getBody().utf8());
        assertEquals("Outage (edited offline)", sent.path("title").asText());
        assertEquals(mapper.readTree("{\"nested\":[1,2,3]}"), sent.path("a_field_from_a_newer_plugin"));
        assertEquals(true, sent.at("/checklists/0/items/0/future_item_flag").asBoolean());
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "request expected");
        return request;
    }
}
