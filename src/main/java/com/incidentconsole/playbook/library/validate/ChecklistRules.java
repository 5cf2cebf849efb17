package com.incidentconsole.playbook.library.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.AllowedValues;
import com.incidentconsole.playbook.library.ItemField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules for checklists and their items. */
final class ChecklistRules {

    /** server/api/playbooks.go {@code validateTaskActions}. */
    private static final int MAX_TASK_ACTIONS = 10;
    private static final List<String> ASSIGNEE_TYPES = AllowedValues.ASSIGNEE_TYPES;

    void check(ObjectNode doc, Findings findings) {
        JsonNode checklists = doc.path("checklists");
        Set<String> invited = new HashSet<>();
        doc.path("invited_user_ids").forEach(id -> invited.add(id.asText()));
        boolean inviteEnabled = doc.path("invite_users_enabled").asBoolean(false);
        Set<String> properties = ids(doc.path("properties"));
        Set<String> userProperties = new HashSet<>();
        doc.path("properties").forEach(p -> {
            if (AllowedValues.USER_PROPERTY_TYPE.equals(p.path("type").asText(""))) {
                userProperties.add(p.path("id").asText(""));
            }
        });
        Set<String> conditions = ids(doc.path("conditions"));
        for (int c = 0; c < checklists.size(); c++) {
            JsonNode checklist = checklists.get(c);
            String title = checklist.path("title").asText("");
            Place place = Place.ROOT.element("checklists", c, "checklist", title);
            if (!checklist.isObject()) {
                findings.error(place, "must be an object with a title and items");
                continue;
            }
            if (title.isBlank()) {
                findings.error(place.field("title"), "is required (tooling): a nameless checklist cannot be told "
                        + "apart in runs");
            }
            JsonNode items = checklist.path("items");
            if (items.isEmpty()) {
                findings.warning(place.field("items"), "the checklist has no items");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String itemTitle = item.path("title").asText("");
                Place itemPlace = place.element("items", i, "item", itemTitle);
                if (!item.isObject()) {
                    findings.error(itemPlace, "must be an object");
                    continue;
                }
                if (!itemTitle.isBlank() && !seen.add(itemTitle)) {
                    findings.warning(itemPlace.field("title"), "the checklist already has an item with this title; "
                            + "people ticking items will not know which is which");
                }
                checkItem(item, itemPlace, findings, invited, inviteEnabled);
                checkReference(item, "condition_id", conditions, "conditions", itemPlace, findings);
                checkReference(item, "assignee_property_field_id", properties, "properties", itemPlace, findings);
                checkConditionAndAssigneeField(item, itemPlace, properties, userProperties, findings);
            }
        }
    }

    /**
     * Import recreates properties and conditions with new ids and remaps references from the file's own
     * {@code properties}/{@code conditions} blocks; a reference to an id not in the file cannot be remapped.
     */
    private static void checkReference(JsonNode item, String key, Set<String> known, String block, Place place,
            Findings findings) {
        String id = item.path(key).asText("");
        if (!id.isEmpty() && !known.contains(id)) {
            findings.warning(place.field(key), "refers to \"" + id + "\", which is not in this file's " + block
                    + ": the import cannot remap it, so the reference will dangle");
        }
    }

    private static void checkConditionAndAssigneeField(JsonNode item, Place place, Set<String> properties,
            Set<String> userProperties, Findings findings) {
        String action = item.path("condition_action").asText("");
        if (!AllowedValues.CONDITION_ACTIONS.contains(action)) {
            findings.warning(place.field("condition_action"), "\"" + action + "\" is not one of hidden, "
                    + "shown_because_modified (or empty for none)");
        } else if (!action.isEmpty() && item.path("condition_id").asText("").isEmpty()) {
            // Import keeps a condition action only together with its condition (saveAndClearConditionRefs).
            findings.warning(place.field("condition_action"), "is dropped on import: the item has no condition");
        }
        String field = item.path("assignee_property_field_id").asText("");
        if (field.isEmpty()) {
            return;
        }
        if (!"property_user".equals(item.path("assignee_type").asText(""))) {
            findings.warning(place.field("assignee_property_field_id"), "is ignored: the assignee type is not "
                    + "\"user from a property field\" (property_user)");
        } else if (properties.contains(field) && !userProperties.contains(field)) {
            findings.warning(place.field("assignee_property_field_id"), "refers to a property that is not a user "
                    + "field: runs cannot take an assignee from it");
        }
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(e -> ids.add(e.path("id").asText("")));
        return ids;
    }

    private static void checkItem(JsonNode item, Place place, Findings findings, Set<String> invited,
            boolean inviteEnabled) {
        for (ItemField field : ItemField.values()) {
            JsonTypes.check(item.get(field.key()), field.kind(), place.field(field.key()), findings);
        }
        if (item.path("title").asText("").isBlank()) {
            findings.error(place.field("title"), "is required (tooling): an item without a title shows as an empty "
                    + "row in runs");
        }
        String command = item.path("command").asText("");
        if (!command.isBlank() && !command.startsWith("/")) {
            findings.warning(place.field("command"), "\"" + command + "\" does not start with '/': the run's "
                    + "\"Run\" button posts it as a slash command, so it will fail");
        }
        JsonNode due = item.get("due_date");
        if (due != null && JsonTypes.isInt64(due) && due.longValue() < 0) {
            findings.warning(place.field("due_date"), "is negative: due dates are offsets from the run's start, so "
                    + "the item would be overdue before the run begins");
        }
        String assigneeType = item.path("assignee_type").asText("");
        if (!ASSIGNEE_TYPES.contains(assigneeType)) {
            findings.warning(place.field("assignee_type"), "\"" + assigneeType + "\" is not one of owner, creator, "
                    + "property_user (or empty for a specific user)");
        } else if (assigneeType.equals("property_user") && item.path("assignee_property_field_id").asText("")
                .isEmpty()) {
            findings.warning(place.field("assignee_property_field_id"), "is empty although the item is assigned "
                    + "through a user property field");
        }
        String assignee = item.path("assignee_id").asText("");
        if (!assignee.isEmpty() && (!inviteEnabled || !invited.contains(assignee))) {
            findings.error(place.field("assignee_id"), "a pre-assigned item needs invite_users_enabled and the "
                    + "assignee in invited_user_ids (server ValidatePreAssignment)");
        }
        JsonNode taskActions = item.path("task_actions");
        if (taskActions.size() > MAX_TASK_ACTIONS) {
            findings.error(place.field("task_actions"), "at most " + MAX_TASK_ACTIONS + " task actions are accepted"
                    + ", found " + taskActions.size());
        }
    }
}
