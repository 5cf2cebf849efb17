package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.PlaybookFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;

/**
 * Two-way glue between form controls and the current snapshot. Typing becomes an edit on the view-model;
 * a new snapshot (undo, another field, a move) refreshes every control whose value differs. Each control is
 * registered under its validator path so problems can mark it and focus it.
 */
final class FieldBinder {

    static final String ERROR_STYLE = "field-error";

    private final EditorViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    private final Map<Supplier<String>, Control> byPath = new HashMap<>();
    private boolean refreshing;

    FieldBinder(EditorViewModel model) {
        this.model = model;
    }

    /** {@code path} is evaluated on each use, since the item a form shows changes with the selection. */
    void text(TextInputControl control, Supplier<String> path, Function<PlaybookFile, String> read,
            BiFunction<PlaybookFile, String, PlaybookFile> write) {
        byPath.put(path, control);
        control.textProperty().addListener((obs, old, typed) -> {
            if (!refreshing && model.isOpen()) {
                model.edit(f -> write.apply(f, typed), path.get());
            }
        });
        refreshers.add(() -> {
            String value = model.isOpen() ? read.apply(model.file()) : "";
            if (!value.equals(control.getText())) {
                control.setText(value);
            }
        });
    }

    void flag(CheckBox box, Supplier<String> path, Function<PlaybookFile, Boolean> read,
            BiFunction<PlaybookFile, Boolean, PlaybookFile> write) {
        byPath.put(path, box);
        box.selectedProperty().addListener((obs, old, on) -> {
            if (!refreshing && model.isOpen()) {
                model.edit(f -> write.apply(f, on), null);
            }
        });
        refreshers.add(() -> box.setSelected(model.isOpen() && read.apply(model.file())));
    }

    EditorViewModel model() {
        return model;
    }

    void refresh() {
        refreshing = true;
        try {
            refreshers.forEach(Runnable::run);
        } finally {
            refreshing = false;
        }
    }

    /** Marks the controls whose path (or a path below it) has an error. */
    void markErrors(Set<String> errorPaths) {
        byPath.forEach((path, control) -> {
            String p = path.get();
            boolean bad = errorPaths.stream().anyMatch(e -> e.equals(p) || e.startsWith(p + "."));
            control.getStyleClass().remove(ERROR_STYLE);
            if (bad) {
                control.getStyleClass().add(ERROR_STYLE);
            }
        });
    }

    /** The control showing {@code path}, or the closest one above it (an item's title for its whole item). */
    Control controlFor(String path) {
        String p = path;
        while (!p.isEmpty()) {
            for (Map.Entry<Supplier<String>, Control> e : byPath.entrySet()) {
                if (e.getKey().get().equals(p)) {
                    return e.getValue();
                }
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return null;
    }
}
