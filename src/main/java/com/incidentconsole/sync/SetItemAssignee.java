package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.PlaybookRun;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assign a checklist item to someone, or clear its assignee ({@code ""}): {@code PUT …/assignee} with
 * {@code assignee_id}, the real server's user mode (api/playbook_runs.go itemSetAssignee). Idempotent.
 */
public record SetItemAssignee(String runId, String itemId, String itemTitle, String assigneeId, String assigneeName)
        implements ItemFieldChange {

    public static final String SUBJECT = "assignee:";

    static final ActionKind KIND = new ActionKind("item_assignee", 1, (runId, p, version) -> new SetItemAssignee(
            runId, ActionKind.required(p, "item_id"), p.path("item_title").asText(""),
            ActionKind.required(p, "assignee_id"), p.path("assignee_name").asText("")));

    @Override
    public ActionKind kind() {
        return KIND;
    }

    @Override
    public ActionTarget target() {
        return new ActionTarget(runId, SUBJECT + itemId);
    }

    @Override
    public String desiredValue() {
        return assigneeId;
    }

    @Override
    public String description() {
        return assigneeId.isEmpty() ? "Unassign “" + itemTitle + "”" : "Assign “" + itemTitle + "” to " + assigneeName;
    }

    @Override
    public String fieldValue(ChecklistItem item) {
        return item.assigneeId();
    }

    @Override
    public Optional<TimelineEvent> lastChangeIn(PlaybookRun run) {
        return run.timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0 && TimelineEvent.ASSIGNEE_CHANGED.equals(e.eventType()))
                .max(Comparator.comparingLong(TimelineEvent::eventAt));
    }

    @Override
    public void sendAt(ActionTransport transport, ItemPosition at) {
        transport.setItemAssignee(runId, at.checklist(), at.item(), assigneeId);
    }

    @Override
    public ObjectNode payload(JsonMapper mapper) {
        return mapper.createObjectNode().put("item_id", itemId).put("item_title", itemTitle)
                .put("assignee_id", assigneeId).put("assignee_name", assigneeName);
    }

    @Override
    public String valueWords(String value, Function<String, String> userNames) {
        return value.isEmpty() ? "unassigned" : "assigned to " + userNames.apply(value);
    }
}
