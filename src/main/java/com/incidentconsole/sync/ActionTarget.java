package com.incidentconsole.sync;

/**
 * What a user action changes: one checklist item of a run, or a run-level property such as the
 * owner or the run's status. At most one action per target is in flight; a newer one replaces the
 * older.
 *
 * @param runId the id of the action's scope (a run, for every kind today)
 */
public record ActionTarget(String runId, String subject) {

    public static final String OWNER = "owner";
    public static final String STATUS = "status";

    public static ActionTarget item(String runId, String itemId) {
        return new ActionTarget(runId, "item:" + itemId);
    }

    public static ActionTarget owner(String runId) {
        return new ActionTarget(runId, OWNER);
    }

    /** The run's status: finished or in progress. */
    public static ActionTarget status(String runId) {
        return new ActionTarget(runId, STATUS);
    }
}
