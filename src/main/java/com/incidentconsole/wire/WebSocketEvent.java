package com.incidentconsole.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A server-to-client event frame: {@code {"event","data","broadcast","seq"}}. {@code seq} counts
 * events per connection from 0 (the {@code hello}) without gaps. Plugin events are named
 * {@code custom_playbooks_<event>} and carry {@code data.payload} as a JSON-encoded string.
 */
public record WebSocketEvent(String event, JsonNode data, Broadcast broadcast, long seq) {

    public WebSocketEvent {
        event = Lists.text(event);
        data = data == null || data.isNull() ? JsonNodeFactory.instance.objectNode() : data;
        broadcast = broadcast == null ? Broadcast.toEveryone() : broadcast;
    }

    public WebSocketEvent withSeq(long newSeq) {
        return new WebSocketEvent(event, data, broadcast, newSeq);
    }
}
