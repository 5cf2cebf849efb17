package com.incidentconsole.playbook.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.diff.PlaybookDiff;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.validate.PlaybookValidator;
import com.incidentconsole.playbook.library.validate.Problem;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open playbook file: its current snapshot, undo history, validation, autosaved draft and diff. Edits are
 * functions from snapshot to snapshot, so every change (typed or structural) goes through {@link #edit} and is
 * undoable, validated and autosaved in the same way. File I/O runs on {@code io}, results return via {@code ui}.
 */
public final class EditorViewModel {

    /** The pseudo-file name the diff uses for "the version last pulled from the server". */
    public static final String PULLED = "";

    private final Executor io;
    private final Executor ui;
    private final PlaybookParser parser;
    private final PlaybookValidator validator = new PlaybookValidator();
    private final AtomicReference<String> pendingDraft = new AtomicReference<>();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PlaybookFile> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper recoverableDraft = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    /** One wrapper, kept: a fresh one per call would drop its listeners when collected. */
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    /** One wrapper, kept: a fresh one per call would drop its listeners when collected. */
    private final ObservableList<Change> changesView = FXCollections.unmodifiableObservableList(changes);
    private PlaybookLibrary library;
    private DraftStore drafts;
    private EditHistory history;
    private ObjectNode savedJson;

    EditorViewModel(Executor io, Executor ui, PlaybookParser parser) {
        this.io = io;
        this.ui = ui;
        this.parser = parser;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlaybookFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public PlaybookFile file() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Text of an autosaved draft newer than the file, offered for recovery; null when there is none. */
    public ReadOnlyStringProperty recoverableDraftProperty() {
        return recoverableDraft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<Problem> problems() {
        return problemsView;
    }

    public ObservableList<Change> changes() {
        return changesView;
    }

    public boolean isOpen() {
        return file.get() != null;
    }

    public void open(PlaybookLibrary lib, String fileName) {
        open(lib, fileName, () -> { });
    }

    /** Opens a file; {@code whenOpen} runs on the UI executor once it shows. */
    public void open(PlaybookLibrary lib, String fileName, Runnable whenOpen) {
        DraftStore store = new DraftStore(lib.folder());
        io.execute(() -> {
            try {
                PlaybookFile read = lib.read(fileName);
                Optional<String> draft = store.newerThan(fileName, lib.folder().resolve(fileName));
                ui.execute(() -> {
                    opened(lib, store, fileName, read, draft.orElse(null));
                    whenOpen.run();
                });
            } catch (IOException | PlaybookFormatException e) {
                ui.execute(() -> message.set(fileName + ": " + e.getMessage()));
            }
        });
    }

    private void opened(PlaybookLibrary lib, DraftStore store, String fileName, PlaybookFile read, String draft) {
        library = lib;
        drafts = store;
        history = new EditHistory(read);
        savedJson = read.json();
        name.set(fileName);
        changes.clear();
        message.set("");
        show(read);
        recoverableDraft.set(draft);
    }

    /**
     * Follows a rename of the open file; a deleted open file stays open and unsaved, so Ctrl+S brings it
     * back and closing the window leaves its draft — deleting a file never throws away what is on screen.
     */
    public void fileMoved(String from, String to) {
        if (!from.equals(name.get()) || file.get() == null) {
            return;
        }
        if (to == null) {
            savedJson = null;
            dirty.set(true);
            autosave(file.get());
        } else {
            name.set(to);
        }
    }

    /** Takes the autosaved draft as an ordinary (undoable) edit, so undo gets back to the file on disk. */
    public void recoverDraft() {
        String draft = recoverableDraft.get();
        recoverableDraft.set(null);
        if (draft == null) {
            return;
        }
        try {
            ObjectNode recovered = parser.parse(draft).json();
            edit(f -> f.withJson(recovered), null);
        } catch (PlaybookFormatException e) {
            message.set(e.getMessage());
        }
    }

    public void discardDraft() {
        recoverableDraft.set(null);
        String fileName = name.get();
        DraftStore store = drafts;
        io.execute(() -> {
            try {
                store.delete(fileName);
            } catch (IOException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /**
     * Applies an edit. {@code group} names the field being typed into, so consecutive keystrokes in one field
     * are one undo step; null makes the edit its own step. An edit that changes nothing is not recorded.
     */
    public void edit(UnaryOperator<PlaybookFile> change, String group) {
        PlaybookFile current = file.get();
        if (current == null) {
            return;
        }
        PlaybookFile next;
        try {
            next = change.apply(current);
        } catch (IndexOutOfBoundsException e) {
            return;
        }
        if (next.json().equals(current.json())) {
            return;
        }
        history.record(next, group);
        show(next);
        autosave(next);
    }

    public void undo() {
        if (history != null && history.canUndo()) {
            PlaybookFile previous = history.undo();
            show(previous);
            autosave(previous);
        }
    }

    public void redo() {
        if (history != null && history.canRedo()) {
            PlaybookFile next = history.redo();
            show(next);
            autosave(next);
        }
    }

    public void save() {
        save(() -> { });
    }

    /** Saves; {@code whenSaved} runs on the UI executor once the file is written (not when writing failed). */
    public void save(Runnable whenSaved) {
        PlaybookFile current = file.get();
        if (current == null) {
            return;
        }
        PlaybookLibrary lib = library;
        DraftStore store = drafts;
        String fileName = name.get();
        ObjectNode json = current.json();
        io.execute(() -> {
            try {
                // A draft still queued is older than what we save: drop it so it cannot resurrect after the save.
                pendingDraft.set(null);
                lib.write(fileName, current);
                store.delete(fileName);
                ui.execute(() -> {
                    savedJson = json;
                    dirty.set(!json.equals(file.get().json()));
                    message.set("");
                    whenSaved.run();
                });
            } catch (IOException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /**
     * Throws away the unsaved edits of the open file, its autosaved draft included, then runs {@code then} on
     * the UI executor — what "discard" means when the user opens another file. The file on disk is untouched.
     */
    public void discardChanges(Runnable then) {
        if (file.get() == null) {
            then.run();
            return;
        }
        String fileName = name.get();
        DraftStore store = drafts;
        io.execute(() -> {
            try {
                pendingDraft.set(null);
                store.delete(fileName);
                ui.execute(then);
            } catch (IOException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    /** Compares the open file (after) with another library file or, for {@link #PULLED}, the sidecar base. */
    public void compareWith(String other) {
        PlaybookFile mine = file.get();
        PlaybookLibrary lib = library;
        String fileName = name.get();
        if (mine == null) {
            return;
        }
        io.execute(() -> {
            try {
                PlaybookFile before = PULLED.equals(other) ? pulledBase(lib, fileName) : lib.read(other);
                List<Change> diff = PlaybookDiff.between(before, mine).stream()
                        .sorted(Comparator.comparing((Change c) -> c.checklist() == null ? "" : c.checklist()))
                        .toList();
                ui.execute(() -> changes.setAll(diff));
            } catch (IOException | PlaybookFormatException e) {
                ui.execute(() -> message.set(e.getMessage()));
            }
        });
    }

    private PlaybookFile pulledBase(PlaybookLibrary lib, String fileName) throws IOException, PlaybookFormatException {
        var record = lib.syncRecord(fileName)
                .orElseThrow(() -> new IOException(fileName + " was not pulled from a server"));
        return parser.parse(record.base());
    }

    private void show(PlaybookFile next) {
        file.set(next);
        dirty.set(!next.json().equals(savedJson));
        // The validator walks a tree of a few hundred nodes: well under a millisecond, so it runs inline.
        problems.setAll(validator.validate(next));
    }

    /** Coalesces drafts: while one write is queued, newer snapshots replace its content instead of queueing. */
    private void autosave(PlaybookFile snapshot) {
        DraftStore store = drafts;
        String fileName = name.get();
        if (pendingDraft.getAndSet(snapshot.toText()) == null) {
            io.execute(() -> {
                String text = pendingDraft.getAndSet(null);
                if (text == null) {
                    return;
                }
                try {
                    store.write(fileName, text);
                } catch (IOException e) {
                    ui.execute(() -> message.set(e.getMessage()));
                }
            });
        }
    }
}
