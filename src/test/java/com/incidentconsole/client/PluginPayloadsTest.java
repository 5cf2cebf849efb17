package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.TeamPayload;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import org.junit.jupiter.api.Test;

class PluginPayloadsTest {

    private final JsonMapper mapper = WireJson.newMapper();

    private static WebSocketEvent withPayload(String payload) {
        return new WebSocketEvent(PluginEvents.RUN_UPDATED,
                JsonNodeFactory.instance.objectNode().put("payload", payload), null, 4);
    }

    @Test
    void parsesThePayloadStringASecondTime() {
        PlaybookRun run = PluginPayloads.decode(withPayload("{\"id\":\"r1\",\"name\":\"Outage\"}"), PlaybookRun.class,
                mapper);
        assertEquals("r1", run.id());
        assertEquals("Outage", run.name());
    }

    @Test
    void aMalformedOrMissingPayloadIsATransportError() {
        assertThrows(TransportError.class,
                () -> PluginPayloads.decode(withPayload("{not json"), PlaybookRun.class, mapper));
        assertThrows(TransportError.class,
                () -> PluginPayloads.decode(withPayload("null"), PlaybookRun.class, mapper));
        WebSocketEvent objectPayload = new WebSocketEvent(PluginEvents.PLAYBOOK_CREATED,
                JsonNodeFactory.instance.objectNode().set("payload", JsonNodeFactory.instance.objectNode()), null, 5);
        assertThrows(TransportError.class, () -> PluginPayloads.decode(objectPayload, TeamPayload.class, mapper));
    }
}
