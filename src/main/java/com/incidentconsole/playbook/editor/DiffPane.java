package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.diff.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The editor's compare tab: what to compare the open file with, and the changes as a table. */
final class DiffPane {

    private final EditorViewModel model;
    private final LibraryViewModel library;
    private final ResourceBundle bundle;
    private final TabPane tabs;
    private final Tab diffTab;
    private final ComboBox<String> compareChoice;
    private final TableView<Change> diffTable;

    DiffPane(EditorViewModel model, LibraryViewModel library, ResourceBundle bundle, TabPane tabs, Tab diffTab,
            ComboBox<String> compareChoice, TableView<Change> diffTable, TableColumn<Change, String> group,
            TableColumn<Change, String> what, TableColumn<Change, String> before, TableColumn<Change, String> after) {
        this.model = model;
        this.library = library;
        this.bundle = bundle;
        this.tabs = tabs;
        this.diffTab = diffTab;
        this.compareChoice = compareChoice;
        this.diffTable = diffTable;
        diffTable.setItems(model.changes());
        group.setCellValueFactory(c -> constant(c.getValue().checklist() == null
                ? bundle.getString("diff.settings") : c.getValue().checklist()));
        what.setCellValueFactory(c -> constant(what(c.getValue())));
        before.setCellValueFactory(c -> constant(c.getValue().before()));
        after.setCellValueFactory(c -> constant(c.getValue().after()));
        diffTable.setPlaceholder(new Label(bundle.getString("diff.none")));
        compareChoice.setOnAction(e -> compareChosen());
        model.nameProperty().addListener((obs, old, n) -> refreshChoices());
        library.rows().addListener((ListChangeListener<LibraryRow>) c -> refreshChoices());
    }

    private static String what(Change ch) {
        return ch.kind().name().toLowerCase(Locale.ROOT) + " " + ch.target().name().toLowerCase(Locale.ROOT) + " “"
                + ch.name() + "”" + (ch.field() == null ? "" : " · " + ch.field());
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text == null ? "" : text);
    }

    /** The pulled version first, then every other file of the library. */
    private void refreshChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(bundle.getString("diff.pulled"));
        library.rows().stream().map(LibraryRow::file).filter(f -> !f.equals(model.nameProperty().get()))
                .forEach(choices::add);
        compareChoice.getItems().setAll(choices);
    }

    void compareChosen() {
        String choice = compareChoice.getValue();
        if (choice != null) {
            model.compareWith(choice.equals(bundle.getString("diff.pulled")) ? EditorViewModel.PULLED : choice);
        }
    }

    /** Compares with the chosen file (or the pulled version) and shows the diff tab. */
    void compareWith(String other) {
        tabs.getSelectionModel().select(diffTab);
        model.compareWith(other);
        diffTable.requestFocus();
    }

    /** Shows the compare tab with the view-model's latest comparison (e.g. with the server's copy). */
    void showComparison() {
        tabs.getSelectionModel().select(diffTab);
        diffTable.requestFocus();
    }
}
