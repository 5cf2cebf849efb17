package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The form for one playbook file: binds the fields and the item choices, and hands the rest to its parts —
 * {@link ChecklistsPane}, {@link ItemFields}, {@link SettingsForm}, {@link ProblemsPane}, {@link DiffPane} and the unsaved-changes
 * question ({@link UnsavedChangesViewModel}) — so this class only wires the view to them.
 */
public final class EditorController {

    private final EditorViewModel model;
    private final LibraryViewModel library;
    private final ResourceBundle bundle;
    private final Runnable focusLibrary;
    private final FieldBinder binder;
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final UnsavedChangesViewModel unsaved;
    private ChecklistsPane lists;
    private ItemFields items;
    private List<Command> unsavedCommands = List.of();
    /** Asking "save, discard or stay?" before another file opens or the window closes. */
    static final Scope UNSAVED = Scope.modal("editor.unsaved");
    private SettingsForm settings;
    private ProblemsPane problems;
    private DiffPane diff;

    @FXML private BorderPane editorRoot;
    @FXML private Label titleLabel;
    @FXML private HBox draftBar;
    @FXML private javafx.scene.control.Button recoverButton;
    @FXML private Label messageLabel;
    @FXML private TabPane tabs;
    @FXML private Tab formTab;
    @FXML private Tab diffTab;
    @FXML private TextField titleField;
    @FXML private TextArea descriptionField;
    @FXML private javafx.scene.text.TextFlow descriptionPreview;
    @FXML private ListView<String> checklistList;
    @FXML private TextField checklistTitleField;
    @FXML private ListView<String> itemList;
    @FXML private TextField itemTitleField;
    @FXML private TextArea itemDescriptionField;
    @FXML private TextField itemCommandField;
    @FXML private TextField itemDueField;
    @FXML private javafx.scene.text.TextFlow itemDescriptionPreview;
    @FXML private ComboBox<Choice> itemAssigneeChoice;
    @FXML private ComboBox<Choice> itemPropertyChoice;
    @FXML private ComboBox<Choice> itemConditionChoice;
    @FXML private ComboBox<Choice> itemConditionActionChoice;
    @FXML private HBox unsavedBar;
    @FXML private Label unsavedLabel;
    @FXML private javafx.scene.control.Button unsavedSaveButton;
    @FXML private GridPane metricsGrid;
    @FXML private GridPane settingsGrid;
    @FXML private ComboBox<String> compareChoice;
    @FXML private TableView<Change> diffTable;
    @FXML private TableColumn<Change, String> diffGroupColumn;
    @FXML private TableColumn<Change, String> diffWhatColumn;
    @FXML private TableColumn<Change, String> diffBeforeColumn;
    @FXML private TableColumn<Change, String> diffAfterColumn;
    @FXML private Label problemsLabel;
    @FXML private ListView<Problem> problemList;

    public EditorController(EditorViewModel model, LibraryViewModel library, ResourceBundle bundle,
            Runnable focusLibrary) {
        this.model = model;
        this.library = library;
        this.bundle = bundle;
        this.focusLibrary = focusLibrary;
        this.binder = new FieldBinder(model);
        this.unsaved = new UnsavedChangesViewModel(model, bundle);
    }

    /** "name.json — Title •" while unsaved; the window binds its title to it. */
    public javafx.beans.property.ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    @FXML
    private void initialize() {
        lists = new ChecklistsPane(model, checklistList, itemList, checklistTitleField, itemTitleField,
                bundle.getString("editor.checklist.new"), bundle.getString("editor.item.new"));
        items = new ItemFields(binder, lists, bundle, itemList);
        bindBasics();
        descriptionField.textProperty().addListener((obs, old, text) ->
                descriptionPreview.getChildren().setAll(MarkdownPreview.nodes(text)));
        itemDescriptionField.textProperty().addListener((obs, old, text) ->
                itemDescriptionPreview.getChildren().setAll(MarkdownPreview.nodes(text)));
        settings = new SettingsForm(binder, bundle);
        settings.buildSettings(settingsGrid);
        settings.buildMetrics(metricsGrid);
        items.bindChoices(settings, itemAssigneeChoice, itemPropertyChoice, itemConditionChoice,
                itemConditionActionChoice);
        for (Control c : List.<Control>of(titleField, checklistTitleField, itemTitleField, itemCommandField,
                itemDueField, itemAssigneeChoice, itemPropertyChoice, itemConditionChoice, itemConditionActionChoice)) {
            binder.messageUnder(c);
        }
        bindUnsavedBar();
        draftBar.managedProperty().bind(draftBar.visibleProperty());
        draftBar.visibleProperty().bind(model.recoverableDraftProperty().isNotNull());
        messageLabel.textProperty().bind(model.messageProperty());
        model.fileProperty().addListener((obs, old, file) -> {
            lists.refresh(file);
            binder.refresh();
            SettingsForm.enableMetricRows(metricsGrid, file.metrics().size());
            updateTitle();
        });
        model.dirtyProperty().addListener((obs, old, d) -> updateTitle());
        model.nameProperty().addListener((obs, old, n) -> updateTitle());
        checklistList.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> binder.refresh());
        itemList.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> binder.refresh());
        problems = new ProblemsPane(model, binder, lists, bundle, problemList, problemsLabel, tabs, formTab,
                checklistList, itemList);
        diff = new DiffPane(model, library, bundle, tabs, diffTab, compareChoice, diffTable, diffGroupColumn,
                diffWhatColumn, diffBeforeColumn, diffAfterColumn);
        editorRoot.disableProperty().bind(model.fileProperty().isNull());
        updateTitle();
    }

    private void bindBasics() {
        binder.text(titleField, () -> "title", f -> f.title(), (f, t) -> f.withTitle(t));
        binder.text(descriptionField, () -> "description", f -> f.text(PlaybookSetting.DESCRIPTION),
                (f, t) -> f.with(PlaybookSetting.DESCRIPTION, t));
        binder.text(checklistTitleField, () -> lists.checklistPath() + ".title",
                f -> f.checklists().size() > lists.checklist() ? f.checklists().get(lists.checklist()).title() : "",
                (f, t) -> f.checklists().size() > lists.checklist() ? f.withChecklistTitle(lists.checklist(), t) : f);
        items.bindText(itemTitleField, itemDescriptionField, itemCommandField, itemDueField);
        // Enter in a one-line field goes back to the list it edits, ready for the next j/k or Alt+arrow.
        itemTitleField.setOnAction(e -> itemList.requestFocus());
        checklistTitleField.setOnAction(e -> checklistList.requestFocus());
    }

    /**
     * Opens another file through {@code open}, but first asks what to do with unsaved edits of the open one:
     * save them, discard them, or stay. The question is a bar above the form (S, D, Esc), not a modal dialog.
     */
    public void requestOpen(String fileName, Runnable open) {
        if (unsaved.requestOpen(fileName, open) == UnsavedChangesViewModel.Opening.ALREADY_OPEN) {
            focusForm();
        }
    }

    /** Closes the window through {@code close}, first asking the same question when there are unsaved edits. */
    public void requestClose(Runnable close) {
        unsaved.requestClose(close);
    }

    private void bindUnsavedBar() {
        unsavedBar.managedProperty().bind(unsavedBar.visibleProperty());
        unsavedBar.visibleProperty().bind(unsaved.askingProperty().isNotNull());
        unsavedLabel.textProperty().bind(unsaved.askingProperty().map(UnsavedChangesViewModel.Ask::question));
        unsavedSaveButton.textProperty().bind(unsaved.askingProperty().map(UnsavedChangesViewModel.Ask::saveLabel));
        unsaved.askingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                unsavedSaveButton.requestFocus();
            }
        });
        Keymap.scope(unsavedBar, UNSAVED);
        BooleanBinding asking = unsaved.askingProperty().isNotNull();
        unsavedCommands = List.of(
                Command.of("unsaved.save", UNSAVED, this::unsavedSave, typed("s")).enabledWhen(asking),
                Command.of("unsaved.discard", UNSAVED, this::unsavedDiscard, typed("d")).enabledWhen(asking),
                Command.of("unsaved.cancel", UNSAVED, this::unsavedCancel, combo("Esc")).enabledWhen(asking),
                Command.of("unsaved.press", UNSAVED, () -> {
                    if (unsavedBar.getScene().getFocusOwner() instanceof javafx.scene.control.Button b) {
                        b.fire();
                    }
                }, combo("Enter")).enabledWhen(asking).keysOnly());
    }

    @FXML
    private void unsavedSave() {
        unsaved.save();
    }

    @FXML
    private void unsavedDiscard() {
        unsaved.discard();
    }

    @FXML
    private void unsavedCancel() {
        unsaved.cancel();
        focusLibrary.run();
    }

    /** Shows the item a problem is in, then focuses the field for its path (or the nearest one above it). */
    void focusProblem(Problem problem) {
        problems.focusProblem(problem);
    }

    @FXML
    private void compare() {
        diff.compareChosen();
    }

    /** Compares with the chosen file (or the pulled version) and shows the diff tab. */
    public void compareWith(String other) {
        diff.compareWith(other);
    }

    /** Shows the compare tab with the view-model's latest comparison (e.g. with the server's copy). */
    public void showComparison() {
        diff.showComparison();
    }

    @FXML
    private void recover() {
        model.recoverDraft();
        titleField.requestFocus();
    }

    @FXML
    private void discard() {
        model.discardDraft();
        titleField.requestFocus();
    }

    @FXML
    private void addMetric() {
        if (model.isOpen() && model.file().metrics().size() < SettingsForm.MAX_METRICS) {
            model.edit(f -> f.withMetricAdded(bundle.getString("editor.metric.new"), "metric_duration"), null);
            int index = model.file().metrics().size() - 1;
            metricsGrid.lookup("#metric-" + index + "-title").requestFocus();
        }
    }

    /**
     * Window-wide, so Ctrl+S or Ctrl+Z work from the library list too, and from the window's root (not the editor)
     * so they still work when the focused control was just hidden (the draft bar after a recovery). The keymap
     * takes them as a filter, so Ctrl+Z undoes the playbook edit instead of the text field's own character undo.
     */
    List<Command> commands() {
        Scope window = PlaybookEditorUi.WINDOW;
        BooleanBinding open = model.fileProperty().isNotNull();
        List<Command> all = new ArrayList<>(List.of(
                Command.of("editor.save", window, model::save, combo("Shortcut+S")).enabledWhen(open),
                Command.of("editor.undo", window, model::undo, combo("Shortcut+Z")).enabledWhen(open),
                Command.of("editor.redo", window, model::redo, combo("Shortcut+Shift+Z"), combo("Shortcut+Y"))
                        .enabledWhen(open),
                Command.of("editor.diffPulled", window, () -> compareWith(EditorViewModel.PULLED),
                        combo("Shortcut+Shift+D")).enabledWhen(open),
                section(window, open, 1, () -> titleField),
                section(window, open, 2, () -> checklistList),
                section(window, open, 3, () -> itemList),
                section(window, open, 4, () -> (Control) metricsGrid.lookup("#metric-0-title")),
                Command.of("editor.problems", window, problems::focus, combo("F8")).enabledWhen(open),
                Command.of("editor.library", window, focusLibrary, combo("Shortcut+L")).enabledWhen(open),
                problems.showCommand()));
        all.addAll(unsavedCommands);
        all.addAll(lists.commands());
        return all;
    }

    private Command section(Scope window, BooleanBinding open, int number, java.util.function.Supplier<Control> to) {
        return Command.of("editor.section" + number, window, () -> {
            tabs.getSelectionModel().select(formTab);
            to.get().requestFocus();
        }, combo("Shortcut+" + number)).enabledWhen(open);
    }

    /** Puts the keyboard in the form, on the title, after a file was opened. */
    public void focusForm() {
        tabs.getSelectionModel().select(formTab);
        if (model.recoverableDraftProperty().get() != null) {
            recoverButton.requestFocus();
        } else {
            titleField.requestFocus();
        }
    }

    private void updateTitle() {
        String name = model.nameProperty().get();
        String title = model.isOpen() ? model.file().title() : "";
        String text = name.isEmpty() ? bundle.getString("editor.none")
                : name + " — " + title + (model.dirtyProperty().get() ? " •" : "");
        titleLabel.setText(text);
        windowTitle.set(text);
    }
}
