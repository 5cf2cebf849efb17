package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an action was not sent: the server's state moved away from what the user saw when acting.
 * Both versions are kept so the user can choose; nothing is overwritten without that choice.
 *
 * @param baseValue the action's target value as the user saw it (an item state, a user id)
 * @param serverValue the same value on the server now ({@code ""} when the item is gone)
 * @param byUserId who made the server's change, from the run's timeline; {@code ""} when unknown
 * @param at when, epoch ms; {@code 0} when unknown
 * @param serverMessage the server's own words when it refused the action (a 4xx), else {@code ""}
 */
public record ActionConflict(Kind kind, String baseValue, String serverValue, String byUserId, long at,
                             String serverMessage) {

    public enum Kind {
        /** Someone else changed the same item state or owner. */
        CHANGED,
        /** The run was finished meanwhile; the server refuses changes until it is restored. */
        RUN_FINISHED,
        /** The run was restored meanwhile: the user acted on a finished run. */
        RUN_RESTORED,
        /** The item was deleted (or moved out of the run) meanwhile. */
        ITEM_GONE,
        /**
         * Not a change by anyone: a non-idempotent action may already be on the server (sent, then a
         * crash or a lost answer) and the server cannot tell. {@code baseValue} is mine,
         * {@code serverValue} what the server holds that may be it, {@code at} when that was made.
         */
        UNCERTAIN
    }

    public ActionConflict {
        baseValue = baseValue == null ? "" : baseValue;
        serverValue = serverValue == null ? "" : serverValue;
        byUserId = byUserId == null ? "" : byUserId;
        serverMessage = serverMessage == null ? "" : serverMessage;
    }

    /** Whether sending the action anyway can work: not on a finished run, not on an item that is gone. */
    public boolean canApplyMine() {
        return kind == Kind.CHANGED || kind == Kind.RUN_RESTORED || kind == Kind.UNCERTAIN;
    }

    ActionConflict withServerMessage(String message) {
        return new ActionConflict(kind, baseValue, serverValue, byUserId, at, message);
    }

    /** Stored with the server's version as a base, which "apply mine" makes the action's new base. */
    String toJson(JsonMapper mapper, ActionBase serverBase) {
        ObjectNode node = mapper.createObjectNode()
                .put("kind", kind.name().toLowerCase(Locale.ROOT))
                .put("base_value", baseValue)
                .put("server_value", serverValue)
                .put("by_user_id", byUserId)
                .put("at", at)
                .put("server_message", serverMessage);
        node.set("server_base", serverBase.toNode(mapper));
        return node.toString();
    }

    /** A stored conflict and the server base that came with it; empty when absent or unreadable. */
    static Optional<Stored> fromJson(String json, JsonMapper mapper) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(json);
            Kind kind = Kind.valueOf(node.path("kind").asText("changed").toUpperCase(Locale.ROOT));
            ActionConflict conflict = new ActionConflict(kind, node.path("base_value").asText(""),
                    node.path("server_value").asText(""), node.path("by_user_id").asText(""),
                    node.path("at").asLong(0), node.path("server_message").asText(""));
            return Optional.of(new Stored(conflict, ActionBase.from(node.path("server_base"))));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record Stored(ActionConflict conflict, ActionBase serverBase) {
    }
}
