package com.incidentconsole.fx;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which screen is showing, as a typed {@link Place}. The list stays alive behind the detail, so going back finds
 * the same selection and scroll position. {@link #openRunIdProperty()} is the run detail's run, for the views
 * that only care about that.
 */
public final class Navigation {

    private final ReadOnlyObjectWrapper<Place> place = new ReadOnlyObjectWrapper<>(new Place.RunList());
    private final ReadOnlyObjectWrapper<String> openRunId = new ReadOnlyObjectWrapper<>();

    public Navigation() {
        place.addListener((obs, old, now) -> openRunId.set(now instanceof Place.RunDetail detail ? detail.runId() : null));
    }

    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> openRunIdProperty() {
        return openRunId.getReadOnlyProperty();
    }

    public void go(Place to) {
        place.set(to);
    }

    public void openRun(String runId) {
        go(new Place.RunDetail(runId));
    }

    public void backToList() {
        go(new Place.RunList());
    }

    public boolean isDetailOpen() {
        return place.get() instanceof Place.RunDetail;
    }
}
