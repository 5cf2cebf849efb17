package com.incidentconsole.playbook.editor;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.merge.Conflict;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The three-way merge of a refused push, a layer over the window: each side's changes since the pull next to each
 * other, then every conflict with base, mine and theirs and the side kept — {@code m}/{@code t}/Space choose.
 * Ctrl+Enter saves the merge into the file; Ctrl+Shift+F asks to force push, naming what it would overwrite.
 */
public final class MergeController {

    static final Scope SCOPE = Scope.modal("merge");
    static final Scope CHOICES = Scope.view("merge.conflicts");

    private final ServerSyncViewModel sync;
    private final ResourceBundle bundle;
    private MergeViewModel shown;
    private Overlay overlay;

    @FXML private StackPane mergeLayer;
    @FXML private Label mergeTitle;
    @FXML private Label mineLabel;
    @FXML private Label theirsLabel;
    @FXML private TableView<Change> mineTable;
    @FXML private TableColumn<Change, String> mineGroupColumn;
    @FXML private TableColumn<Change, String> mineWhatColumn;
    @FXML private TableColumn<Change, String> mineBeforeColumn;
    @FXML private TableColumn<Change, String> mineAfterColumn;
    @FXML private TableView<Change> theirsTable;
    @FXML private TableColumn<Change, String> theirsGroupColumn;
    @FXML private TableColumn<Change, String> theirsWhatColumn;
    @FXML private TableColumn<Change, String> theirsBeforeColumn;
    @FXML private TableColumn<Change, String> theirsAfterColumn;
    @FXML private Label conflictsLabel;
    @FXML private TableView<MergeViewModel.ConflictRow> conflictTable;
    @FXML private TableColumn<MergeViewModel.ConflictRow, String> whereColumn;
    @FXML private TableColumn<MergeViewModel.ConflictRow, String> baseColumn;
    @FXML private TableColumn<MergeViewModel.ConflictRow, String> mineColumn;
    @FXML private TableColumn<MergeViewModel.ConflictRow, String> theirsColumn;
    @FXML private TableColumn<MergeViewModel.ConflictRow, String> keepColumn;
    @FXML private VBox forceBox;
    @FXML private Label forceText;
    @FXML private Label forceChanges;

    public MergeController(ServerSyncViewModel sync, ResourceBundle bundle) {
        this.sync = sync;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(mergeLayer);
        forceBox.managedProperty().bind(forceBox.visibleProperty());
        forceBox.setVisible(false);
        changeColumns(mineGroupColumn, mineWhatColumn, mineBeforeColumn, mineAfterColumn);
        changeColumns(theirsGroupColumn, theirsWhatColumn, theirsBeforeColumn, theirsAfterColumn);
        mineTable.setPlaceholder(new Label(bundle.getString("diff.none")));
        theirsTable.setPlaceholder(new Label(bundle.getString("diff.none")));
        whereColumn.setCellValueFactory(c -> constant(c.getValue().conflict().location() + " — "
                + c.getValue().conflict().description()));
        baseColumn.setCellValueFactory(c -> constant(value(c.getValue().conflict().base(), null, null)));
        mineColumn.setCellValueFactory(c -> constant(value(c.getValue().conflict().mine(), c.getValue().conflict(),
                "merge.order.mine")));
        theirsColumn.setCellValueFactory(c -> constant(value(c.getValue().conflict().theirs(),
                c.getValue().conflict(), "merge.order.theirs")));
        keepColumn.setCellValueFactory(c -> constant(bundle.getString("merge.keep." + c.getValue().chosen())));
        conflictTable.setRowFactory(table -> new ChoiceRow());
        conflictTable.setPlaceholder(new Label(bundle.getString("merge.noConflicts")));
        Keymap.scope(mergeLayer, SCOPE);
        Keymap.scope(conflictTable, CHOICES);
        sync.mergeProperty().addListener((obs, old, merge) -> show(merge));
    }

    /** The compare tab's rendering: the checklist, what changed, and the values before and after. */
    private void changeColumns(TableColumn<Change, String> group, TableColumn<Change, String> what,
            TableColumn<Change, String> before, TableColumn<Change, String> after) {
        group.setCellValueFactory(c -> constant(c.getValue().checklist() == null
                ? bundle.getString("diff.settings") : c.getValue().checklist()));
        what.setCellValueFactory(c -> {
            Change ch = c.getValue();
            return constant(ch.kind().name().toLowerCase(Locale.ROOT) + " " + ch.target().name()
                    .toLowerCase(Locale.ROOT) + " “" + ch.name() + "”" + (ch.field() == null ? "" : " · " + ch.field()));
        });
        before.setCellValueFactory(c -> constant(c.getValue().before()));
        after.setCellValueFactory(c -> constant(c.getValue().after()));
    }

    private String value(String json, Conflict conflict, String orderKey) {
        if (json != null) {
            return json;
        }
        boolean order = conflict != null && conflict.base() == null && conflict.mine() == null
                && conflict.theirs() == null;
        return bundle.getString(order ? orderKey : "merge.absent");
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text == null ? "" : text);
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    private void show(MergeViewModel merge) {
        shown = merge;
        forceBox.setVisible(false);
        if (merge == null) {
            conflictTable.setItems(null);
            overlay.hide();
            return;
        }
        mergeTitle.setText(format("merge.title", merge.file(), merge.server().label()));
        mineLabel.setText(format("merge.mine", merge.mineChanges().size()));
        theirsLabel.setText(format("merge.theirs", merge.theirsChanges().size()));
        mineTable.getItems().setAll(merge.mineChanges());
        theirsTable.getItems().setAll(merge.theirsChanges());
        conflictTable.setItems(merge.conflicts());
        conflictsLabel.setText(format("merge.conflicts", merge.conflicts().size()));
        if (merge.conflicts().isEmpty()) {
            overlay.show(mineTable);
        } else {
            overlay.show(conflictTable);
            conflictTable.getSelectionModel().selectFirst();
            conflictTable.getFocusModel().focus(0);
        }
    }

    /** The merge view's commands: per conflict m / t / Space; the view's save, force push and close. */
    List<Command> commands() {
        BooleanBinding open = Bindings.createBooleanBinding(mergeLayer::isVisible, mergeLayer.visibleProperty());
        BooleanBinding forcing = open.and(forceBox.visibleProperty());
        BooleanBinding choosing = open.and(conflictTable.getSelectionModel().selectedItemProperty().isNotNull());
        return List.of(
                Command.of("merge.mine", CHOICES, () -> choose(row -> shown.choose(row, Side.MINE)), typed("m"))
                        .enabledWhen(choosing),
                Command.of("merge.theirs", CHOICES, () -> choose(row -> shown.choose(row, Side.THEIRS)), typed("t"))
                        .enabledWhen(choosing),
                Command.of("merge.toggle", CHOICES, () -> choose(row -> shown.toggle(row)), typed(" "))
                        .enabledWhen(choosing),
                Command.of("merge.save", SCOPE, this::save, combo("Shortcut+Enter")).enabledWhen(open.and(forcing.not())),
                Command.of("merge.force", SCOPE, this::askForce, combo("Shortcut+Shift+F"))
                        .enabledWhen(open.and(forcing.not())),
                Command.of("merge.forceConfirm", SCOPE, () -> {
                    forceBox.setVisible(false);
                    sync.forcePush();
                }, combo("Enter")).enabledWhen(forcing),
                Command.of("merge.close", SCOPE, () -> {
                    if (forceBox.isVisible()) {
                        forceBox.setVisible(false);
                        conflictTable.requestFocus();
                    } else {
                        cancel();
                    }
                }, combo("Esc")).enabledWhen(open));
    }

    private void choose(java.util.function.IntConsumer onRow) {
        int row = conflictTable.getSelectionModel().getSelectedIndex();
        if (shown != null && row >= 0) {
            onRow.accept(row);
            conflictTable.getSelectionModel().select(row);
        }
    }

    @FXML
    private void save() {
        sync.saveMerged();
    }

    @FXML
    private void askForce() {
        if (shown == null) {
            return;
        }
        String changes = shown.overwrittenText();
        forceText.setText(format(changes.isBlank() ? "merge.force.confirm.none" : "merge.force.confirm",
                shown.file(), shown.server().label()));
        forceChanges.setText(changes.strip());
        forceBox.setVisible(true);
        forceBox.requestFocus();
    }

    @FXML
    private void cancel() {
        sync.cancelMerge();
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(bundle.getString(key), args);
    }

    /** Marks a row by the side it keeps, so the choices read at a glance. */
    private static final class ChoiceRow extends TableRow<MergeViewModel.ConflictRow> {
        @Override
        protected void updateItem(MergeViewModel.ConflictRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("keeps-mine", "keeps-theirs");
            if (!empty && row != null) {
                getStyleClass().add(row.chosen() == Side.MINE ? "keeps-mine" : "keeps-theirs");
            }
        }
    }
}
