package com.incidentconsole.retro;

import com.incidentconsole.text.TextMerge;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The three-way merge layer of the editor: base, mine, theirs and the editable merged text, shown when the server's
 * retrospective moved since the user's draft began. Conflicting parts keep both sides between markers; a merged text
 * that still holds markers cannot be accepted. What happens after acceptance is the caller's (it gets the merged
 * text and the server's text it was merged over).
 */
public final class RetroMerge {

    /** The merged text and the server's text it was merged with (the new base). */
    record Accepted(String text, String newBase, Runnable then) {
    }

    private final ReadOnlyBooleanWrapper merging = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper base = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper theirs = new ReadOnlyStringWrapper("");
    private final StringProperty merged = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    /** What to do once the merge is resolved (the save or publish that found the server's text moved). */
    private Runnable afterMerge = () -> { };

    /** @param ancestor what both sides began from; {@code then} runs once a merged text is accepted */
    void show(String ancestor, String mineText, String theirsText, Runnable then) {
        TextMerge.Result result = TextMerge.merge(ancestor, mineText, theirsText);
        base.set(ancestor);
        mine.set(mineText);
        theirs.set(theirsText);
        merged.set(result.text());
        int conflicts = result.conflicts().size();
        summary.set("The retrospective changed on the server since your draft began. Nothing is sent until you "
                + "accept a merged text. " + (result.clean() ? "The two versions merge without conflict."
                : conflicts + " conflicting part" + (conflicts == 1 ? " holds" : "s hold")
                        + " both versions between <<<<<<< mine and >>>>>>> theirs: keep what you want."));
        afterMerge = then;
        merging.set(true);
    }

    /** The merged text, once it holds no conflict marker; else says why not and stays open. */
    Optional<Accepted> accept() {
        if (!merging.get()) {
            return Optional.empty();
        }
        if (TextMerge.hasMarkers(merged.get())) {
            summary.set("The merged text still holds conflict markers: keep what you want of each side and "
                    + "remove the marker lines, then accept.");
            return Optional.empty();
        }
        Accepted accepted = new Accepted(merged.get(), theirs.get(), afterMerge);
        close();
        return Optional.of(accepted);
    }

    /** Leaves the merge without choosing: nothing is sent. */
    void close() {
        merging.set(false);
        afterMerge = () -> { };
    }

    public ReadOnlyBooleanProperty mergingProperty() {
        return merging.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseProperty() {
        return base.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mineProperty() {
        return mine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty theirsProperty() {
        return theirs.getReadOnlyProperty();
    }

    /** Editable: the user resolves conflicts here. */
    public StringProperty mergedProperty() {
        return merged;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
