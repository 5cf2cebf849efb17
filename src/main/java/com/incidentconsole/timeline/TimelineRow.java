package com.incidentconsole.timeline;

/**
 * One timeline entry in words: what happened, when, who did it, and its whole text (wrapped by the view; a very long
 * one shows its first lines until expanded, {@code hiddenLines} saying how many more there are).
 *
 * @param state {@code ""}, {@code pending} (on its way to the server) or {@code failed} (waiting for the user)
 * @param note the action's words under the entry ("Adding…", the server's refusal); {@code ""} for none
 */
public record TimelineRow(String id, String eventType, String typeLabel, String time, String author, String text,
                          int hiddenLines, boolean starred, String state, String note) {

    /** A settled entry shown whole and not starred. */
    public TimelineRow(String id, String eventType, String typeLabel, String time, String author, String text) {
        this(id, eventType, typeLabel, time, author, text, 0, false, "", "");
    }

    /** A row of an addition still on its way: not an event of the server yet. */
    public boolean isPendingAddition() {
        return id.startsWith(TimelineViewModel.PENDING_PREFIX);
    }
}
