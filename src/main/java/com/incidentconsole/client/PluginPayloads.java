package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.RunCreatedPayload;
import com.incidentconsole.wire.WebSocketEvent;

/**
 * Plugin events carry their real payload as a JSON <em>string</em> in {@code data.payload}
 * (Mattermost's {@code makePayloadMap}); this parses that string a second time.
 */
public final class PluginPayloads {

    private PluginPayloads() {
    }

    /** The type a plugin event's payload decodes to, for the events the console applies; null for others. */
    static Class<?> typeOf(String event) {
        return switch (event) {
            case PluginEvents.RUN_UPDATED -> PlaybookRun.class;
            case PluginEvents.RUN_UPDATED_INCREMENTAL -> PlaybookRunUpdate.class;
            case PluginEvents.RUN_CREATED -> RunCreatedPayload.class;
            default -> null;
        };
    }

    public static <T> T decode(WebSocketEvent event, Class<T> type, JsonMapper mapper) {
        JsonNode payload = event.data().get("payload");
        if (payload == null || !payload.isTextual()) {
            throw new TransportError(event.event() + " (seq " + event.seq() + ") has no data.payload string", null);
        }
        if (payload instanceof PayloadText text && type.isInstance(text.decoded())) {
            return type.cast(text.decoded());
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
