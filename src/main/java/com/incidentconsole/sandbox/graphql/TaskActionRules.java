package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.wire.TaskAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code validateTaskActions} ({@code server/api/playbooks.go}) with {@code ValidateTrigger} /
 * {@code ValidateAction} ({@code server/app/task_actions.go}): at most 10 task actions, the only trigger
 * is {@code keywords_by_users} (payload {@code {"keywords":[..],"user_ids":[..]}}), the only action
 * {@code mark_item_as_done} (payload {@code {"enabled":bool}}); a payload must decode into that shape
 * as Go's {@code json.Unmarshal} would (unknown keys ignored, wrong types refused).
 */
final class TaskActionRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskActionRules() {
    }

    static List<TaskAction> validated(List<Map<String, Object>> given) {
        if (given.size() > 10) {
            throw new IllegalStateException("playbook cannot have more than 10 task actions");
        }
        List<TaskAction> out = new ArrayList<>();
        for (Map<String, Object> ta : given) {
            TaskAction.TriggerAction trigger = part(ta.get("trigger"));
            if (!"keywords_by_users".equals(trigger.type())) {
                throw new IllegalStateException("Unknown task trigger type: " + trigger.type());
            }
            JsonNode payload = payload(trigger.payload());
            requireStrings(payload.get("keywords"));
            requireStrings(payload.get("user_ids"));
            List<TaskAction.TriggerAction> actions = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object> actionList = (List<Object>) ta.get("actions");
            for (Object a : actionList) {
                TaskAction.TriggerAction action = part(a);
                if (!"mark_item_as_done".equals(action.type())) {
                    throw new IllegalStateException("Unknown task action type: " + action.type());
                }
                JsonNode enabled = payload(action.payload()).get("enabled");
                if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                    throw new IllegalStateException("unable to decode payload from trigger");
                }
                actions.add(action);
            }
            out.add(new TaskAction(trigger, actions));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TaskAction.TriggerAction part(Object value) {
        Map<String, Object> map = (Map<String, Object>) value;
        return new TaskAction.TriggerAction((String) map.get("type"), (String) map.get("payload"));
    }

    /** A JSON object, or {@code null}, which leaves the Go struct at its zero value. */
    private static JsonNode payload(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isNull()) {
                return JSON.createObjectNode();
            }
            if (!node.isObject()) {
                throw new IllegalStateException("unable to decode payload from trigger");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unable to decode payload from trigger");
        }
    }

    private static void requireStrings(JsonNode list) {
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new IllegalStateException("unable to decode payload from trigger");
        }
        for (JsonNode v : list) {
            if (!v.isTextual()) {
                throw new IllegalStateException("unable to decode payload from trigger");
            }
        }
    }
}
