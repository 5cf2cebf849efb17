package com.incidentconsole.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Optional;

/**
 * What the user saw when acting: the value the action changes (an item's state, the owner) as it
 * was on screen, and the facts around it that a replay must not ignore. The server has no
 * optimistic concurrency (no ETag, no update_at check), so this is how the console notices that
 * someone else got there first.
 *
 * @param value the target's value as shown: the item state or the owner's user id
 * @param assignee the item's assignee as shown ({@code ""} for run-level actions or when unassigned)
 * @param ownerId the run's owner as shown
 * @param runStatus the run's {@code current_status} as shown
 * @param runUpdateAt the run's {@code update_at} as held when the user acted
 */
record ActionBase(String value, String assignee, String ownerId, String runStatus, long runUpdateAt) {

    /** The base of {@code action} in {@code run}, with {@code shownValue} as the value the screen showed. */
    static ActionBase seen(Action action, PlaybookRun run, String shownValue) {
        return new ActionBase(shownValue, action.assigneeIn(run), run.ownerUserId(), run.currentStatus(),
                run.updateAt());
    }

    /** The server's version as {@code run} shows it now; becomes the base when the user overrides it. */
    static ActionBase of(Action action, PlaybookRun run) {
        return seen(action, run, action.valueIn(run).orElse(""));
    }

    /** No base: for an action that changes no value (an addition). */
    static ActionBase none() {
        return new ActionBase("", "", "", "", 0);
    }

    String toJson(JsonMapper mapper) {
        return toNode(mapper).toString();
    }

    ObjectNode toNode(JsonMapper mapper) {
        return mapper.createObjectNode()
                .put("value", value)
                .put("assignee", assignee)
                .put("owner_id", ownerId)
                .put("run_status", runStatus)
                .put("run_update_at", runUpdateAt);
    }

    /** Empty for {@code ""} (an entry written before bases were recorded) or unreadable JSON. */
    static Optional<ActionBase> fromJson(String json, JsonMapper mapper) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(from(mapper.readTree(json)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static ActionBase from(JsonNode node) {
        return new ActionBase(node.path("value").asText(""), node.path("assignee").asText(""),
                node.path("owner_id").asText(""), node.path("run_status").asText(""),
                node.path("run_update_at").asLong(0));
    }
}
