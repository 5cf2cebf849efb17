package com.incidentconsole.checklist;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draws the stage checklists and keeps keyboard focus on the view-model's cursor item. The run detail owns
 * the screen's keymap; the checklist work commands (assign, due date, run, add, edit, delete, move,
 * duplicate, checklist add/rename/delete/move/skip) are defined here and installed into its scope, with
 * the inline item editor that asks for their text.
 */
public final class ChecklistController {

    /** The inline editor: while it is open, Enter and Esc are its own and letters go to its fields. */
    public static final Scope EDITOR_SCOPE = Scope.modal("itemEditor");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PENDING_STAGE = PseudoClass.getPseudoClass("pending");
    private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** Opens a person picker: {@code first} listed first, the chosen user id to {@code pick}. */
    @FunctionalInterface
    public interface AssigneePicker {
        void open(String title, List<String> first, Consumer<String> pick, Runnable closed);
    }

    private final ChecklistViewModel viewModel;
    private final ResourceBundle bundle;
    private final Map<ItemRow, ItemNode> nodes = new HashMap<>();

    @FXML private ScrollPane checklists;
    @FXML private VBox stagesBox;
    @FXML private VBox editor;
    @FXML private Label editorPrompt;
    @FXML private TextField editorLine;
    @FXML private TextField editorDescription;
    @FXML private TextField editorCommand;
    @FXML private Label editorError;
    @FXML private Label editorKeys;
    @FXML private Label notice;
    private Overlay editorOverlay;
    /** What Enter does in the editor: returns {@code ""} when done, else the message to show (and stay open). */
    private java.util.function.Supplier<String> onSave = () -> "";

    public ChecklistController(ChecklistViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        viewModel.stages().addListener((ListChangeListener<StageRow>) change -> rebuild());
        viewModel.focusedProperty().addListener((obs, old, now) -> {
            if (old != null && nodes.containsKey(old)) {
                nodes.get(old).showCursor(false);
            }
            if (now != null && nodes.containsKey(now)) {
                nodes.get(now).showCursor(true);
                // A live update to the run behind the list must not steal the keyboard from the table.
                if (isShowing() && !editorOverlay.isShowing()) {
                    focusCursor();
                    // Into another stage ([ ]): show the stage from its header, not its first item at the bottom edge.
                    if (old != null && old.stageIndex() != now.stageIndex()) {
                        revealStageOf(nodes.get(now));
                    }
                }
            }
        });
        editorOverlay = new Overlay(editor).onHidden(this::focusCursor);
        Keymap.scope(editor, EDITOR_SCOPE);
        editorError.visibleProperty().bind(editorError.textProperty().isNotEmpty());
        editorError.managedProperty().bind(editorError.visibleProperty());
        for (TextField field : List.of(editorLine, editorDescription, editorCommand)) {
            field.managedProperty().bind(field.visibleProperty());
        }
        notice.textProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        rebuild();
    }

    /**
     * The checklist work commands in the run detail's scope ({@code scope}), enabled while a run is shown and
     * its checklists can be changed; the editor's Enter and Esc in its own modal scope.
     */
    public void installCommands(CommandRegistry registry, Scope scope, ObservableBooleanValue showing,
                                AssigneePicker picker) {
        BooleanBinding can = Bindings.createBooleanBinding(() -> showing.get() && viewModel.writableProperty().get(),
                showing, viewModel.writableProperty());
        BooleanBinding open = Bindings.createBooleanBinding(editor::isVisible, editor.visibleProperty());
        registry.add(
                Command.of("run.assign", scope, () -> assign(picker), typed("a")).enabledWhen(can),
                Command.of("run.unassign", scope, () -> viewModel.assignFocused(""), typed("A")).enabledWhen(can),
                Command.of("run.due", scope, this::askDue, typed("d")).enabledWhen(can),
                Command.of("run.runCommand", scope, viewModel::runCommandFocused, typed("r")).enabledWhen(can),
                Command.of("run.addItem", scope, this::askAddItem, typed("n")).enabledWhen(can),
                Command.of("run.editItem", scope, this::askEdit, typed("e")).enabledWhen(can),
                Command.of("run.deleteItem", scope, this::askDeleteItem, combo("Delete")).enabledWhen(can),
                Command.of("run.moveItemUp", scope, () -> viewModel.moveFocused(-1), combo("Alt+Up"), typed("K"))
                        .enabledWhen(can),
                Command.of("run.moveItemDown", scope, () -> viewModel.moveFocused(1), combo("Alt+Down"), typed("J"))
                        .enabledWhen(can),
                Command.of("run.duplicateItem", scope, viewModel::duplicateFocused, typed("D")).enabledWhen(can),
                Command.of("run.addChecklist", scope, this::askAddChecklist, typed("N")).enabledWhen(can),
                Command.of("run.renameChecklist", scope, this::askRenameChecklist, typed("E")).enabledWhen(can),
                Command.of("run.deleteChecklist", scope, this::askDeleteChecklist, combo("Shift+Delete"))
                        .enabledWhen(can),
                Command.of("run.moveChecklistUp", scope, () -> viewModel.moveFocusedStage(-1), typed("{"))
                        .enabledWhen(can),
                Command.of("run.moveChecklistDown", scope, () -> viewModel.moveFocusedStage(1), typed("}"))
                        .enabledWhen(can),
                Command.of("run.skipChecklist", scope, viewModel::toggleFocusedStageSkipped, typed("S"))
                        .enabledWhen(can),
                Command.of("itemEditor.save", EDITOR_SCOPE, this::save, combo("Enter")).enabledWhen(open).keysOnly(),
                Command.of("itemEditor.cancel", EDITOR_SCOPE, editorOverlay::hide, combo("Esc")).enabledWhen(open)
                        .keysOnly());
    }

    public boolean isEditorOpen() {
        return editorOverlay.isShowing();
    }

    private void assign(AssigneePicker picker) {
        viewModel.focusedItem().ifPresent(item -> picker.open(String.format(bundle.getString("picker.assign"),
                item.title()), viewModel.participantIds(), viewModel::assignFocused, this::focusCursor));
    }

    private void askDue() {
        viewModel.focusedItem().ifPresent(item -> openLine(String.format(bundle.getString("editor.due"), item.title()),
                item.dueDate() <= 0 ? "" : DUE_TEXT.format(Instant.ofEpochMilli(item.dueDate()).atZone(viewModel.zone())),
                viewModel::setDueFocused));
    }

    private void askAddItem() {
        String prompt = viewModel.focusedItem().map(i -> String.format(bundle.getString("editor.addItem"), i.title()))
                .orElse(bundle.getString("editor.addItemEnd"));
        openLine(prompt, "", viewModel::addBelowFocused);
    }

    private void askEdit() {
        viewModel.focusedItem().ifPresent(item -> {
            open(String.format(bundle.getString("editor.edit"), item.title()), bundle.getString("editor.keys"),
                    true, true, () -> viewModel.editFocused(editorLine.getText(), editorDescription.getText(),
                            editorCommand.getText()));
            editorLine.setText(item.title());
            editorDescription.setText(item.description());
            editorCommand.setText(item.command());
            editorLine.selectAll();
        });
    }

    private void askDeleteItem() {
        viewModel.focusedItem().ifPresent(item -> open(String.format(bundle.getString("editor.deleteItem"), item.title()),
                bundle.getString("editor.confirmKeys"), false, false, () -> {
                    viewModel.deleteFocused();
                    return "";
                }));
    }

    private void askAddChecklist() {
        openLine(bundle.getString("editor.addChecklist"), "", viewModel::addChecklist);
    }

    private void askRenameChecklist() {
        viewModel.focusedStage().ifPresent(stage -> openLine(String.format(bundle.getString("editor.renameChecklist"),
                stage.title()), stage.title(), viewModel::renameFocusedStage));
    }

    private void askDeleteChecklist() {
        viewModel.focusedStage().ifPresent(stage -> open(String.format(bundle.getString("editor.deleteChecklist"),
                stage.title(), stage.items().size()), bundle.getString("editor.confirmKeys"), false, false, () -> {
                    viewModel.deleteFocusedStage();
                    return "";
                }));
    }

    private void openLine(String prompt, String initial, Function<String, String> apply) {
        open(prompt, bundle.getString("editor.keys"), true, false, () -> apply.apply(editorLine.getText()));
        editorLine.setText(initial);
        editorLine.selectAll();
    }

    private void open(String prompt, String keys, boolean line, boolean fields, java.util.function.Supplier<String> save) {
        onSave = save;
        editorPrompt.setText(prompt);
        editorKeys.setText(keys);
        editorError.setText("");
        editorLine.setVisible(line);
        editorLine.setPromptText(fields ? bundle.getString("editor.title") : "");
        editorLine.setAccessibleText(fields ? bundle.getString("editor.title") : prompt);
        editorDescription.setVisible(fields);
        editorCommand.setVisible(fields);
        editorLine.clear();
        editorDescription.clear();
        editorCommand.clear();
        editorOverlay.show(line ? editorLine : editor);
        if (!line) {
            editor.setFocusTraversable(true);
            editor.requestFocus();
        }
    }

    /** Enter: the action is queued and the editor closes; bad input keeps it open with the reason, nothing lost. */
    private void save() {
        String problem = onSave.get();
        if (problem.isEmpty()) {
            editorOverlay.hide();
        } else {
            editorError.setText(problem);
        }
    }

    /** Puts keyboard focus on the cursor item, scrolled into view. */
    public void focusCursor() {
        ItemNode node = nodes.get(viewModel.focusedProperty().get());
        if (node != null) {
            node.requestFocus();
            reveal(node);
        } else {
            checklists.requestFocus();
        }
    }

    private boolean isShowing() {
        for (Node n = checklists; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return checklists.getScene() != null;
    }

    private void rebuild() {
        nodes.clear();
        stagesBox.getChildren().clear();
        for (StageRow stage : viewModel.stages()) {
            stagesBox.getChildren().add(section(stage));
        }
        ItemRow cursor = viewModel.focusedProperty().get();
        if (cursor != null && nodes.containsKey(cursor)) {
            nodes.get(cursor).showCursor(true);
        }
    }

    private VBox section(StageRow stage) {
        Label title = new Label();
        title.textProperty().bind(stage.titleProperty());
        title.getStyleClass().add("stage-title");
        Label stageError = new Label();
        stageError.getStyleClass().add("stage-error");
        stageError.setWrapText(true);
        stageError.textProperty().bind(stage.errorProperty());
        stageError.visibleProperty().bind(stage.errorProperty().isNotEmpty());
        stageError.managedProperty().bind(stageError.visibleProperty());
        Label progress = new Label();
        progress.getStyleClass().add("stage-progress");
        progress.textProperty().bind(stage.progressProperty());
        Label current = new Label(bundle.getString("stage.current"));
        current.getStyleClass().add("stage-current-badge");
        current.visibleProperty().bind(stage.currentProperty());
        current.managedProperty().bind(stage.currentProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, current, spacer, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("stage-header");

        VBox section = new VBox(4, header, stageError);
        section.getStyleClass().add("stage");
        section.pseudoClassStateChanged(PENDING_STAGE, stage.pendingProperty().get());
        stage.pendingProperty().addListener((obs, was, is) -> section.pseudoClassStateChanged(PENDING_STAGE, is));
        Runnable deleting = () -> {
            section.getStyleClass().remove(ChecklistStyle.DELETING);
            if (stage.deletingProperty().get()) {
                section.getStyleClass().add(ChecklistStyle.DELETING);
            }
        };
        deleting.run();
        stage.deletingProperty().addListener((obs, was, is) -> deleting.run());
        section.getProperties().put("stageIndex", stage.index());
        section.pseudoClassStateChanged(CURRENT, stage.currentProperty().get());
        stage.currentProperty().addListener((obs, was, is) -> section.pseudoClassStateChanged(CURRENT, is));
        for (ItemRow item : stage.items()) {
            ItemNode node = new ItemNode(item, bundle);
            node.focusedProperty().addListener((obs, was, is) -> {
                if (is) {
                    viewModel.focus(item);
                }
            });
            node.setOnMouseClicked(e -> viewModel.focus(item));
            // A refusal on the item under the cursor is scrolled into view: the error line sits below the
            // row and was clipped at the window's edge (commander walkthrough, s2-11).
            item.errorProperty().addListener((obs, was, is) -> {
                if (!is.isEmpty() && item == viewModel.focusedProperty().get()) {
                    node.applyCss(); // the error line is laid out now, so its height counts
                    reveal(node);
                }
            });
            nodes.put(item, node);
            section.getChildren().add(node);
        }
        return section;
    }

    /** Scrolls so the stage holding {@code node} starts at the top of the view (as far as the content allows). */
    private void revealStageOf(Node node) {
        Node section = node.getParent();
        if (section == null || node.getScene() == null) {
            return;
        }
        checklists.layout();
        double scrollable = stagesBox.getBoundsInLocal().getHeight() - checklists.getViewportBounds().getHeight();
        if (scrollable <= 0) {
            return;
        }
        Bounds inContent = stagesBox.sceneToLocal(section.localToScene(section.getBoundsInLocal()));
        checklists.setVvalue(Math.max(0, Math.min(1, inContent.getMinY() / scrollable)));
    }

    private void reveal(Node node) {
        if (node.getScene() == null) {
            return;
        }
        checklists.layout();
        Bounds viewport = checklists.getViewportBounds();
        double contentHeight = stagesBox.getBoundsInLocal().getHeight();
        double scrollable = contentHeight - viewport.getHeight();
        if (scrollable <= 0) {
            return;
        }
        Bounds inContent = stagesBox.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = checklists.getVvalue() * scrollable;
        if (inContent.getMinY() < top) {
            checklists.setVvalue(inContent.getMinY() / scrollable);
        } else if (inContent.getMaxY() > top + viewport.getHeight()) {
            checklists.setVvalue((inContent.getMaxY() - viewport.getHeight()) / scrollable);
        }
    }
}
