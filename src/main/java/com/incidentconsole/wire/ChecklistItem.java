package com.incidentconsole.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One task of a checklist. {@code state} is {@code ""} (open), {@code in_progress}, {@code closed}
 * or {@code skipped}. In a run {@code due_date} is absolute ms; in a playbook it is an offset from
 * the run's start.
 *
 * @param lastSkipped wire name {@code delete_at}: when the item was last skipped, not a deletion marker
 */
public record ChecklistItem(
        String id,
        String title,
        String state,
        long stateModified,
        String assigneeId,
        long assigneeModified,
        String assigneeType,
        String assigneePropertyFieldId,
        String command,
        long commandLastRun,
        String description,
        @JsonProperty("delete_at") long lastSkipped,
        long dueDate,
        List<TaskAction> taskActions,
        String conditionId,
        String conditionAction,
        String conditionReason,
        long updateAt) {

    public static final String OPEN = "";
    public static final String IN_PROGRESS = "in_progress";
    public static final String CLOSED = "closed";
    public static final String SKIPPED = "skipped";

    public ChecklistItem {
        id = Lists.text(id);
        title = Lists.text(title);
        state = Lists.text(state);
        assigneeId = Lists.text(assigneeId);
        assigneeType = Lists.text(assigneeType);
        assigneePropertyFieldId = Lists.text(assigneePropertyFieldId);
        command = Lists.text(command);
        description = Lists.text(description);
        taskActions = Lists.of(taskActions);
        conditionId = Lists.text(conditionId);
        conditionAction = Lists.text(conditionAction);
        conditionReason = Lists.text(conditionReason);
    }

    /** A new open item with only a title, as a playbook author or an "add item" call would send it. */
    public static ChecklistItem titled(String title) {
        return new ChecklistItem("", title, OPEN, 0, "", 0, "", "", "", 0, "", 0, 0, List.of(), "", "", "", 0);
    }

    public boolean isDone() {
        return CLOSED.equals(state);
    }

    public boolean isSkipped() {
        return SKIPPED.equals(state);
    }

    /** Open or in progress: still work to do. Matches the server's task_total/task_completed arithmetic. */
    public boolean isOpen() {
        return !isDone() && !isSkipped();
    }

    /** Items hidden by a condition do not count towards the run's progress. */
    public boolean isHidden() {
        return "hidden".equals(conditionAction);
    }

    public ChecklistItem withState(String newState, long at) {
        return new ChecklistItem(id, title, newState, at, assigneeId, assigneeModified, assigneeType,
                assigneePropertyFieldId, command, commandLastRun, description,
                SKIPPED.equals(newState) ? at : lastSkipped, dueDate, taskActions, conditionId, conditionAction,
                conditionReason, at);
    }

    public ChecklistItem withAssignee(String newAssigneeId, long at) {
        return new ChecklistItem(id, title, state, stateModified, newAssigneeId, at, "",
                "", command, commandLastRun, description, lastSkipped, dueDate, taskActions, conditionId,
                conditionAction, conditionReason, at);
    }
}
