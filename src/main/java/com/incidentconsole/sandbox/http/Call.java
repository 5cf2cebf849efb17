package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.state.Rejection;
import java.util.List;
import java.util.Map;

/**
 * One routed request: path parameters, query, body and the authenticated user (empty when none).
 */
public record Call(String method, String path, Map<String, String> params, Map<String, List<String>> query,
                   String body, String userId, String token, String ifNoneMatch, ObjectMapper mapper) {

    public String param(String name) {
        return params.get(name);
    }

    public int index(String name) {
        return Integer.parseInt(params.get(name));
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    public static final String INTERNAL = "An internal error has occurred. Check app server logs for details.";

    /**
     * Decodes the body as Go's {@code json.NewDecoder(r.Body).Decode} does for a handler: an empty
     * body is an error too (EOF); the handler decides the status and public message.
     */
    public <T> T strictBody(Class<T> type, int status, String message) {
        try {
            T value = body.isBlank() ? null : mapper.readValue(body, type);
            if (value == null) {
                throw new Rejection(status, message);
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Rejection(status, message);
        }
    }

    /** Decodes the body; a decode failure is the handlers' 400. */
    public <T> T body(Class<T> type) {
        try {
            T value = mapper.readValue(body.isBlank() ? "{}" : body, type);
            if (value == null) {
                throw Rejection.badRequest("unable to decode body");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Rejection.badRequest("unable to decode body");
        }
    }
}
