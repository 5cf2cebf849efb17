package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.playbook.library.validate.Problem;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The editor's problems list: what the validator found, counted, and Enter on one goes to its field. */
final class ProblemsPane {

    static final Scope SCOPE = Scope.view("editor.problems");

    private final EditorViewModel model;
    private final FieldBinder binder;
    private final ChecklistsPane lists;
    private final ResourceBundle bundle;
    private final ListView<Problem> problemList;
    private final Label problemsLabel;
    private final TabPane tabs;
    private final Tab formTab;
    private final ListView<String> checklistList;
    private final ListView<String> itemList;

    ProblemsPane(EditorViewModel model, FieldBinder binder, ChecklistsPane lists, ResourceBundle bundle,
            ListView<Problem> problemList, Label problemsLabel, TabPane tabs, Tab formTab,
            ListView<String> checklistList, ListView<String> itemList) {
        this.model = model;
        this.binder = binder;
        this.lists = lists;
        this.bundle = bundle;
        this.problemList = problemList;
        this.problemsLabel = problemsLabel;
        this.tabs = tabs;
        this.formTab = formTab;
        this.checklistList = checklistList;
        this.itemList = itemList;
        bind();
    }

    private void bind() {
        problemList.setItems(model.problems());
        problemList.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
                String where = p.location().isEmpty() ? "" : p.location() + ": ";
                setText(bundle.getString(p.isError() ? "problems.error" : "problems.warning") + "  " + where
                        + p.message());
            }
        });
        model.problems().addListener((ListChangeListener<Problem>) c -> show());
        Keymap.scope(problemList, SCOPE);
    }

    private void show() {
        binder.markProblems(model.problems());
        long count = model.problems().stream().filter(Problem::isError).count();
        problemsLabel.setText(bundle.getString("problems.title") + " — " + count + " "
                + bundle.getString("problems.errors") + ", " + (model.problems().size() - count) + " "
                + bundle.getString("problems.warnings"));
    }

    /** F8: the list, its first problem selected. */
    void focus() {
        tabs.getSelectionModel().select(formTab);
        problemList.requestFocus();
        problemList.getSelectionModel().selectFirst();
    }

    /** Shows the item a problem is in, then focuses the field for its path (or the nearest one above it). */
    void focusProblem(Problem problem) {
        tabs.getSelectionModel().select(formTab);
        lists.reveal(problem.path());
        binder.refresh();
        Control control = binder.controlFor(problem.path());
        if (control == null && problem.path().startsWith("checklists")) {
            control = problem.path().contains(".items[") ? itemList : checklistList;
        }
        if (control != null) {
            control.requestFocus();
        }
    }

    Command showCommand() {
        return Command.of("problems.show", SCOPE, () -> focusProblem(problemList.getSelectionModel().getSelectedItem()),
                combo("Enter")).enabledWhen(problemList.getSelectionModel().selectedItemProperty().isNotNull());
    }
}
