package com.incidentconsole.fx;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which screen is showing: the runs list (no run open) or one run's detail. The list stays alive
 * behind the detail, so going back finds the same selection and scroll position.
 */
public final class Navigation {

    private final ReadOnlyObjectWrapper<String> openRunId = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<String> openRunIdProperty() {
        return openRunId.getReadOnlyProperty();
    }

    public void openRun(String runId) {
        openRunId.set(runId);
    }

    public void backToList() {
        openRunId.set(null);
    }

    public boolean isDetailOpen() {
        return openRunId.get() != null;
    }
}
