package com.incidentconsole.checklist;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One checklist ("stage") of the open run: its title, how far along it is, and its items. */
public final class StageRow {

    private final int index;
    private final String title;
    private final List<ItemRow> items;
    private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");

    StageRow(int index, String title, List<ItemRow> items) {
        this.index = index;
        this.title = title;
        this.items = List.copyOf(items);
    }

    void show(boolean isCurrent, String progressText) {
        current.set(isCurrent);
        progress.set(progressText);
    }

    public int index() {
        return index;
    }

    public String title() {
        return title;
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
