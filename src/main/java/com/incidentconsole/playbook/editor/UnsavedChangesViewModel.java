package com.incidentconsole.playbook.editor;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The "save, discard or stay?" question asked before another file opens or the window closes while the open file
 * has unsaved edits. Holds what is asked and what to do once answered; the editor shows it as a bar above the
 * form (S, D, Esc), not as a modal dialog. UI thread only.
 */
final class UnsavedChangesViewModel {

    /** The question on show: its words and the save button's label. */
    record Ask(String question, String saveLabel) {
    }

    /** What {@link #requestOpen} did. */
    enum Opening { OPENED, ASKED, ALREADY_OPEN }

    private final EditorViewModel model;
    private final ResourceBundle bundle;
    private final ReadOnlyObjectWrapper<Ask> asking = new ReadOnlyObjectWrapper<>();
    /** What to do once the user answered (open a file, close); null while nothing is asked. */
    private Runnable then;

    UnsavedChangesViewModel(EditorViewModel model, ResourceBundle bundle) {
        this.model = model;
        this.bundle = bundle;
    }

    /** The question being asked, or null. */
    ReadOnlyObjectProperty<Ask> askingProperty() {
        return asking.getReadOnlyProperty();
    }

    /**
     * Opens another file through {@code open}, or first asks what to do with unsaved edits of the open one. Asking
     * for the file that is open already, with unsaved edits, forgets any question and opens nothing.
     */
    Opening requestOpen(String fileName, Runnable open) {
        boolean unsaved = model.isOpen() && model.dirtyProperty().get();
        if (unsaved && fileName.equals(model.nameProperty().get())) {
            forget();
            return Opening.ALREADY_OPEN;
        }
        if (unsaved) {
            ask(String.format(bundle.getString("editor.unsaved.question"), model.nameProperty().get(), fileName),
                    bundle.getString("editor.unsaved.save"), open);
            return Opening.ASKED;
        }
        forget();
        open.run();
        return Opening.OPENED;
    }

    /**
     * Closes through {@code close}, first asking the same question when the open file has unsaved edits. (The
     * draft would keep them anyway; asking is what makes closing a decision.)
     */
    void requestClose(Runnable close) {
        if (model.isOpen() && model.dirtyProperty().get()) {
            ask(String.format(bundle.getString("editor.unsaved.closeQuestion"), model.nameProperty().get()),
                    bundle.getString("editor.unsaved.saveAndClose"), close);
        } else {
            close.run();
        }
    }

    /** Saves, then goes on. */
    void save() {
        Runnable next = then;
        forget();
        if (next != null) {
            model.save(next);
        }
    }

    /** Drops the edits, then goes on. */
    void discard() {
        Runnable next = then;
        forget();
        if (next != null) {
            model.discardChanges(next);
        }
    }

    /** Stays: nothing opens or closes. */
    void cancel() {
        forget();
    }

    private void ask(String question, String saveLabel, Runnable next) {
        then = next;
        asking.set(new Ask(question, saveLabel));
    }

    private void forget() {
        then = null;
        asking.set(null);
    }
}
