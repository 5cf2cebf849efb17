package com.incidentconsole.checklist;

/**
 * Style classes of checklist item rows. The look lives in {@code css/app.css}; tests, the end-to-end
 * suite and the run detail's key handling select on these names, so they are spelled once, here.
 */
public final class ChecklistStyle {

    /** Every item row; its {@code getProperties().get(ITEM_ID_KEY)} (and user data) is the item id. */
    public static final String ITEM = "checklist-item";
    public static final String ITEM_ID_KEY = "itemId";
    /** The user's change is shown but the server has not confirmed it. */
    public static final String PENDING = "pending";
    /** The server refused the change; the row keeps the wanted state and shows {@link #ITEM_ERROR}. */
    public static final String FAILED = "failed";
    /** Not sent: the server changed the item meanwhile; the row keeps the wanted state and says what the server shows. */
    public static final String CONFLICT = "conflict";
    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
    public static final String IN_PROGRESS = "in-progress";
    public static final String OVERDUE = "overdue";
    /** My delete of the item has not been confirmed (or was refused). */
    public static final String DELETING = "deleting";
    /** Style class of the error label, and its id while shown. */
    public static final String ITEM_ERROR = "item-error";

    private ChecklistStyle() {
    }
}
