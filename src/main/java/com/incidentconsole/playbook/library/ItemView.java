package com.incidentconsole.playbook.library;

/**
 * A read-only snapshot of one checklist item; absent fields read as their zero value, as the server does.
 *
 * @param dueDate relative offset in milliseconds from the run's start (0 = none)
 */
public record ItemView(String title, String description, String command, long dueDate, String assigneeType,
        String assigneePropertyFieldId, String conditionId, String conditionAction) {
}
