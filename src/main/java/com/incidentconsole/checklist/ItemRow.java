package com.incidentconsole.checklist;

import com.incidentconsole.sync.ActionTarget;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One checklist item as the user should see it right now: the state they asked for while the server
 * has not confirmed it, with that fact ({@code pending}), the server's refusal or a conflict with the
 * server's newer state ({@code error}) visible.
 */
public final class ItemRow {

    private final String runId;
    private final String itemId;
    private final int stageIndex;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper assignee = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper();

    ItemRow(String runId, String itemId, int stageIndex) {
        this.runId = runId;
        this.itemId = itemId;
        this.stageIndex = stageIndex;
    }

    void show(ItemView view) {
        title.set(view.title());
        assignee.set(view.assignee());
        // Overdue before the due text: the text's listeners repaint the row and must see the new mark.
        overdue.set(view.overdue());
        due.set(view.due());
        deleting.set(view.deleting());
        command.set(view.command());
        error.set(view.error());
        failed.set(view.failed());
        conflict.set(view.conflict());
        pending.set(view.pending());
        // Last: listeners of the state repaint the whole row and should see the markers already set.
        state.set(view.state());
    }

    /** Everything an item row shows, computed in one place from the server item and any pending action. */
    record ItemView(String title, String state, boolean pending, boolean failed, String error, String assignee,
                    String due, boolean overdue, String command, boolean conflict, boolean deleting) {
    }

    public ActionTarget target() {
        return ActionTarget.item(runId, itemId);
    }

    public String itemId() {
        return itemId;
    }

    public int stageIndex() {
        return stageIndex;
    }

    public String state() {
        return state.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The server changed this item while the user's change waited; {@code error} says to what. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty assigneeProperty() {
        return assignee.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueProperty() {
        return due.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** My delete of this item is on its way (or refused): shown struck through until the server confirms. */
    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commandProperty() {
        return command.getReadOnlyProperty();
    }
}
