package com.incidentconsole.alerts;

/** The things a commander is told about, each with its own on/off and sound setting. */
public enum AlertKind {
    /** An update on a run I own is due within {@link AlertRules#DUE_SOON}. */
    DUE_SOON,
    /** An update on a run I own is past its due time. */
    OVERDUE,
    /** Someone else assigned a task to me. */
    TASK_ASSIGNED,
    /** Someone asked for a status update on a run I own. */
    UPDATE_REQUESTED,
    /** Someone else started a run in one of my teams. */
    RUN_STARTED,
    /** Someone else made me the owner of a run. */
    MADE_OWNER
}
