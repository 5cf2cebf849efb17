package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.validate.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two-way glue between form controls and the current snapshot. Typing becomes an edit on the view-model;
 * a new snapshot (undo, another field, a move) refreshes every control whose value differs. Each control is
 * registered under its validator path so problems can mark it, be spelled out under it, and focus it.
 */
final class FieldBinder {

    static final String ERROR_STYLE = "field-error";
    static final String WARNING_STYLE = "field-warning";
    static final String MESSAGE_STYLE = "field-message";

    private final EditorViewModel model;
    private final List<Runnable> refreshers = new ArrayList<>();
    /** Insertion order, so the first control registered for a path is the one a problem focuses. */
    private final Map<Supplier<String>, Control> byPath = new LinkedHashMap<>();
    private final Map<Control, Label> messages = new LinkedHashMap<>();
    private List<Problem> problems = List.of();
    private boolean refreshing;

    FieldBinder(EditorViewModel model) {
        this.model = model;
    }

    /** {@code path} is evaluated on each use, since the item a form shows changes with the selection. */
    void text(TextInputControl control, Supplier<String> path, Function<PlaybookFile, String> read,
            BiFunction<PlaybookFile, String, PlaybookFile> write) {
        text(control, path, read, write, String::equals);
    }

    /**
     * As above; {@code sameValue(shown, typed)} says when the control already shows the file's value in another
     * spelling (a list typed with a trailing newline), so a refresh leaves the text and the caret alone.
     */
    void text(TextInputControl control, Supplier<String> path, Function<PlaybookFile, String> read,
            BiFunction<PlaybookFile, String, PlaybookFile> write, BiPredicate<String, String> sameValue) {
        byPath.put(path, control);
        control.textProperty().addListener((obs, old, typed) -> {
            if (!refreshing && model.isOpen()) {
                model.edit(f -> write.apply(f, typed), path.get());
            }
        });
        refreshers.add(() -> {
            String value = model.isOpen() ? read.apply(model.file()) : "";
            String shown = control.getText() == null ? "" : control.getText();
            if (!sameValue.test(value, shown)) {
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

    /**
     * A three-state box for a field whose absence means "not set in this file": Space cycles off → not set →
     * on. The indeterminate mark is "not set".
     */
    void optionalFlag(CheckBox box, Supplier<String> path, Function<PlaybookFile, Optional<Boolean>> read,
            BiFunction<PlaybookFile, Optional<Boolean>, PlaybookFile> write) {
        byPath.put(path, box);
        box.setAllowIndeterminate(true);
        // On the action, not on the properties: one click changes selected and indeterminate together.
        box.addEventHandler(ActionEvent.ACTION, e -> {
            if (!refreshing && model.isOpen()) {
                Optional<Boolean> state = box.isIndeterminate() ? Optional.empty() : Optional.of(box.isSelected());
                model.edit(f -> write.apply(f, state), null);
            }
        });
        refreshers.add(() -> {
            Optional<Boolean> value = model.isOpen() ? read.apply(model.file()) : Optional.empty();
            box.setIndeterminate(value.isEmpty());
            box.setSelected(value.orElse(false));
        });
    }

    /**
     * A closed list of values. {@code options} are the values the server accepts (they may depend on the file,
     * e.g. its conditions); a value in the file that is not among them is added as an "unknown" entry and
     * selected, so it is seen and kept until someone picks another. {@code read} returns null when there is
     * nothing to show.
     */
    void choice(ComboBox<Choice> box, Supplier<String> path, Function<PlaybookFile, String> read,
            BiFunction<PlaybookFile, String, PlaybookFile> write, Function<PlaybookFile, List<Choice>> options,
            Function<String, String> unknownLabel) {
        byPath.put(path, box);
        box.valueProperty().addListener((obs, old, picked) -> {
            if (!refreshing && model.isOpen() && picked != null) {
                model.edit(f -> write.apply(f, picked.value()), null);
            }
        });
        refreshers.add(() -> {
            if (!model.isOpen()) {
                return;
            }
            String value = read.apply(model.file());
            if (value == null) {
                // Nothing to show (a metric row the file does not have yet): the choices, none picked.
                List<Choice> choices = options.apply(model.file());
                if (!choices.equals(box.getItems())) {
                    box.getItems().setAll(choices);
                }
                box.setValue(null);
                return;
            }
            List<Choice> items = new ArrayList<>(options.apply(model.file()));
            if (items.stream().noneMatch(c -> c.value().equals(value))) {
                items.add(new Choice(value, unknownLabel.apply(value), false));
            }
            if (!items.equals(box.getItems())) {
                box.getItems().setAll(items);
            }
            Choice wanted = items.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow();
            if (!Objects.equals(box.getValue(), wanted)) {
                box.setValue(wanted);
            }
        });
    }

    /** Runs after every refresh, for view details that follow the file (prompt texts, enabled rows). */
    void onRefresh(Runnable refresher) {
        refreshers.add(refresher);
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
        applyMarks();
    }

    /**
     * The control with a line under it where its problems are spelled out, to place in a layout. The validator
     * finds a problem; this is where the person editing the field reads it, without going to the problem list.
     */
    VBox withMessage(Control control) {
        Label message = new Label();
        message.getStyleClass().add(MESSAGE_STYLE);
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        messages.put(control, message);
        VBox cell = new VBox(2, control, message);
        VBox.setVgrow(control, Priority.ALWAYS);
        return cell;
    }

    /** As {@link #withMessage}, for a control already placed (from FXML): the pair takes its place and layout. */
    void messageUnder(Control control) {
        Pane parent = (Pane) control.getParent();
        int index = parent.getChildren().indexOf(control);
        Integer row = GridPane.getRowIndex(control);
        Integer column = GridPane.getColumnIndex(control);
        Priority hgrow = HBox.getHgrow(control);
        parent.getChildren().remove(control);
        VBox cell = withMessage(control);
        if (parent instanceof GridPane) {
            GridPane.setConstraints(cell, column == null ? 0 : column, row == null ? 0 : row);
        }
        HBox.setHgrow(cell, hgrow);
        parent.getChildren().add(index, cell);
    }

    /** Marks every control with a problem at its path (or below it) and writes the messages under it. */
    void markProblems(List<Problem> current) {
        problems = List.copyOf(current);
        applyMarks();
    }

    private void applyMarks() {
        byPath.forEach((path, control) -> {
            String p = path.get();
            List<Problem> mine = problems.stream().filter(e -> e.path().equals(p) || e.path().startsWith(p + ".")
                    || e.path().startsWith(p + "[")).toList();
            boolean error = mine.stream().anyMatch(Problem::isError);
            control.getStyleClass().removeAll(ERROR_STYLE, WARNING_STYLE);
            if (!mine.isEmpty()) {
                control.getStyleClass().add(error ? ERROR_STYLE : WARNING_STYLE);
            }
            String text = mine.stream().map(FieldBinder::describe).collect(Collectors.joining("\n"));
            // Every keystroke refreshes the marks: keep the tooltip when its text did not change.
            Tooltip tip = control.getTooltip();
            if (text.isEmpty()) {
                control.setTooltip(null);
            } else if (tip == null || !text.equals(tip.getText())) {
                control.setTooltip(new Tooltip(text));
            }
            control.setAccessibleHelp(text.isEmpty() ? null : text);
            Label message = messages.get(control);
            if (message != null) {
                message.setText(text);
                message.setVisible(!text.isEmpty());
                message.getStyleClass().removeAll("problem-error", "problem-warning");
                message.getStyleClass().add(error ? "problem-error" : "problem-warning");
            }
        });
    }

    /** The message without the field name the control already stands for, but with the element it is about. */
    private static String describe(Problem problem) {
        String location = problem.location();
        int cut = location.lastIndexOf(" › ");
        String tail = cut < 0 ? location : location.substring(cut + 3);
        String element = tail.contains("#") ? tail + ": " : "";
        return element + problem.message();
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
