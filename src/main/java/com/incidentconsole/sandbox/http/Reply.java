package com.incidentconsole.sandbox.http;

import java.util.Map;

/**
 * What a route answers. {@code payload} is serialised by the handler's mapper unless it is a
 * String (sent as is). {@code json} false means plain text, as Go's {@code http.Error} sends.
 */
public record Reply(int status, Object payload, boolean json, Map<String, String> headers) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Object payload) {
        return new Reply(status, payload, true, Map.of());
    }

    public static Reply ok(Object payload) {
        return json(200, payload);
    }

    /** A status with an empty body (the plugin writes only the header for many mutations). */
    public static Reply empty(int status) {
        return new Reply(status, "", true, Map.of());
    }

    public static Reply text(int status, String body) {
        return new Reply(status, body, false, Map.of());
    }

    public Reply withHeader(String name, String value) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new Reply(status, payload, json, all);
    }
}
