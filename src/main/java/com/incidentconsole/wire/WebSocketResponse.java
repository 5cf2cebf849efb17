package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's reply to a client action: {@code {"status":"OK"|"FAIL","seq_reply","data","error"}}.
 * Replies carry no {@code seq} and do not advance the event sequence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebSocketResponse(String status, Long seqReply, JsonNode data, AppError error) {

    public static final String OK = "OK";
    public static final String FAIL = "FAIL";

    public boolean ok() {
        return OK.equals(status);
    }
}
