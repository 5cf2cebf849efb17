package com.incidentconsole.checklist;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One checklist ("stage") of the open run: its title, how far along it is, and its items. */
public final class StageRow {

    private final int index;
    private final String checklistId;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final List<ItemRow> items;
    private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");

    StageRow(int index, String checklistId, String title, List<ItemRow> items) {
        this.index = index;
        this.checklistId = checklistId;
        this.title.set(title);
        this.items = List.copyOf(items);
    }

    void show(boolean isCurrent, String progressText) {
        current.set(isCurrent);
        progress.set(progressText);
    }

    /** The stage as my unconfirmed checklist work makes it: renamed, pending, refused, being deleted. */
    void show(boolean isCurrent, String progressText, String shownTitle, boolean isPending, String errorText,
              boolean isDeleting) {
        title.set(shownTitle);
        pending.set(isPending);
        error.set(errorText);
        deleting.set(isDeleting);
        show(isCurrent, progressText);
    }

    public String checklistId() {
        return checklistId;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty deletingProperty() {
        return deleting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public int index() {
        return index;
    }

    public String title() {
        return title.get();
    }

    public List<ItemRow> items() {
        return items;
    }

    public ReadOnlyBooleanProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
