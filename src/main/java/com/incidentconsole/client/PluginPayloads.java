package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WebSocketEvent;

/**
 * Plugin events carry their real payload as a JSON <em>string</em> in {@code data.payload}
 * (Mattermost's {@code makePayloadMap}); this parses that string a second time.
 */
public final class PluginPayloads {

    private PluginPayloads() {
    }

    public static <T> T decode(WebSocketEvent event, Class<T> type, JsonMapper mapper) {
        JsonNode payload = event.data().get("payload");
        if (payload == null || !payload.isTextual()) {
            throw new TransportError(event.event() + " (seq " + event.seq() + ") has no data.payload string", null);
        }
        try {
            // The frame reader hands over the payload's bytes too: parsing them beats parsing the string.
            T value = payload instanceof PayloadText text ? mapper.readValue(text.utf8(), type)
                    : mapper.readValue(payload.asText(), type);
            if (value == null) {
                throw new TransportError(event.event() + " (seq " + event.seq() + ") has a null payload", null);
            }
            return value;
        } catch (java.io.IOException e) {
            throw new TransportError(event.event() + " (seq " + event.seq() + ") payload is not a "
                    + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
