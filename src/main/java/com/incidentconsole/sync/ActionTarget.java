package com.incidentconsole.sync;

/**
 * What a user action changes: one checklist item of a run, or a run-level property such as the
 * owner. At most one action per target is in flight; a newer one replaces the older.
 */
public record ActionTarget(String runId, String subject) {

    public static final String OWNER = "owner";

    public static ActionTarget item(String runId, String itemId) {
        return new ActionTarget(runId, "item:" + itemId);
    }

    public static ActionTarget owner(String runId) {
        return new ActionTarget(runId, OWNER);
    }
}
