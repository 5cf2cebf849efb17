package com.incidentconsole.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** A client-to-server action frame: {@code {"seq","action","data"}}; {@code seq} is the client's own counter from 1. */
public record WebSocketRequest(long seq, String action, JsonNode data) {

    public static final String AUTHENTICATION_CHALLENGE = "authentication_challenge";
    public static final String PING = "ping";

    public WebSocketRequest {
        action = Lists.text(action);
    }

    /** Never print the challenge's token. */
    @Override
    public String toString() {
        return "WebSocketRequest[seq=" + seq + ", action=" + action + "]";
    }
}
