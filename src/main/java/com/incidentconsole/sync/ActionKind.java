package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of action as the outbox stores it: its id (the {@code kind} column), the version of its
 * payload, and the codec that reads a stored payload back. A build reads the versions up to its own;
 * a newer one is kept and shown, never sent.
 *
 * @param id the stored kind, e.g. {@code item_state}; never renamed once released
 * @param version the payload version this build writes
 */
public record ActionKind(String id, int version, Decoder decoder) {

    /** Rebuilds an action from its scope id and stored payload; throws when the payload is unusable. */
    @FunctionalInterface
    public interface Decoder {
        Action decode(String scopeId, JsonNode payload, int version);
    }

    /** Reads a required text field, or refuses the payload: an action without it cannot be sent. */
    static String required(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the stored action has no " + field);
        }
        return value.asText();
    }
}
