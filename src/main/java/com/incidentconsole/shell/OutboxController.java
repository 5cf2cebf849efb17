package com.incidentconsole.shell;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.shell.OutboxViewModel.Entry;
import com.incidentconsole.sync.ActionTarget;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The outbox overlay: lists what waits for the server; Shift+R retries and Backspace discards the
 * selected failed action; on a conflict, Enter or M applies mine and T, Delete or Backspace keeps
 * the server's; Esc closes.
 */
public final class OutboxController {

    public static final Scope SCOPE = Scope.modal("outbox");
    /** Style classes of a conflict line, for CSS and tests. */
    public static final String CONFLICT = "outbox-conflict";
    public static final String YOURS = "conflict-yours";
    public static final String THEIRS = "conflict-theirs";

    private final OutboxViewModel viewModel;
    private final ResourceBundle bundle;
    private final ResourceBundle commandTexts;
    private final CommandRegistry commands;
    private Overlay overlay;
    private ActionTarget selectedTarget;

    @FXML private StackPane outboxLayer;
    @FXML private ListView<Entry> outboxList;
    @FXML private Label outboxExplain;
    @FXML private Label keysHint;

    public OutboxController(OutboxViewModel viewModel, ResourceBundle bundle, ResourceBundle commandTexts,
            CommandRegistry commands) {
        this.viewModel = viewModel;
        this.bundle = bundle;
        this.commandTexts = commandTexts;
        this.commands = commands;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(outboxLayer);
        outboxList.setItems(viewModel.entries());
        outboxExplain.textProperty().bind(viewModel.explainProperty());
        outboxList.setPlaceholder(new Label(bundle.getString("outbox.empty")));
        outboxList.setCellFactory(list -> new EntryCell());
        // Lines are rebuilt on every change (a retry note, a conflict): keep the keyboard on the same action.
        outboxList.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                selectedTarget = is.target();
            }
        });
        outboxList.getItems().addListener((ListChangeListener<Entry>) change -> keepSelection());
        installCommands();
    }

    /** Arrows stay with the list (they move the selection); the rest are the outbox's commands. */
    private void installCommands() {
        Keymap.scope(outboxLayer, SCOPE);
        var selection = outboxList.getSelectionModel().selectedItemProperty();
        BooleanBinding showing = Bindings.createBooleanBinding(outboxLayer::isVisible, outboxLayer.visibleProperty());
        BooleanBinding anySelected = showing.and(selection.isNotNull());
        BooleanBinding conflict = showing.and(Bindings.createBooleanBinding(
                () -> selection.get() != null && selection.get().conflict(), selection));
        Command retry = Command.of("outbox.retry", SCOPE, () -> viewModel.retry(selected()), typed("R"))
                .enabledWhen(anySelected);
        Command mine = Command.of("outbox.mine", SCOPE, () -> viewModel.applyMine(selected()),
                combo("Enter"), typed("m")).enabledWhen(conflict);
        Command theirs = Command.of("outbox.theirs", SCOPE, () -> viewModel.keepTheirs(selected()), typed("t"))
                .enabledWhen(conflict);
        Command discard = Command.of("outbox.discard", SCOPE, () -> viewModel.discard(selected()),
                combo("Backspace"), combo("Delete")).enabledWhen(anySelected);
        Command close = Command.of("outbox.close", SCOPE, () -> overlay.hide(), combo("Esc")).enabledWhen(showing);
        commands.add(retry, mine, theirs, discard, close);
        keysHint.setText(String.format(commandTexts.getString("outbox.keysHint"), retry.keys(), discard.keys(),
                mine.keys(), theirs.keys(), close.keys()));
    }

    private Entry selected() {
        return outboxList.getSelectionModel().getSelectedItem();
    }

    private void keepSelection() {
        List<Entry> items = outboxList.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).target().equals(selectedTarget)) {
                outboxList.getSelectionModel().select(i);
                return;
            }
        }
        if (!items.isEmpty() && outboxList.getSelectionModel().isEmpty()) {
            outboxList.getSelectionModel().selectFirst();
        }
    }

    public boolean isShowing() {
        return overlay.isShowing();
    }

    public void toggle() {
        if (isShowing()) {
            overlay.hide();
            return;
        }
        if (!outboxList.getItems().isEmpty() && outboxList.getSelectionModel().isEmpty()) {
            outboxList.getSelectionModel().selectFirst();
        }
        overlay.show(outboxList);
    }

    private static final class EntryCell extends ListCell<Entry> {

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().removeAll("failed", CONFLICT);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            // Wrapping labels in a list cell need a width to wrap at: the list's, less its padding and scroll bar.
            DoubleBinding width = getListView().widthProperty().subtract(40);
            Label what = wrapping(entry.state() + " · " + entry.description() + " — " + entry.run(), width);
            what.getStyleClass().add("outbox-what");
            Label detail = wrapping(entry.detail(), width);
            detail.getStyleClass().add(entry.failed() ? "item-error" : "muted");
            VBox line = entry.conflict() ? new VBox(6, what, versions(entry, width), detail) : new VBox(2, what, detail);
            setGraphic(line);
            if (entry.failed()) {
                getStyleClass().add("failed");
            }
            if (entry.conflict()) {
                getStyleClass().add(CONFLICT);
            }
        }

        /** Mine and the server's, side by side, so the choice is made seeing both. */
        private static HBox versions(Entry entry, DoubleBinding width) {
            DoubleBinding half = width.subtract(10).divide(2);
            Label yours = wrapping(entry.yours(), half);
            yours.getStyleClass().addAll("conflict-version", YOURS);
            Label theirs = wrapping(entry.theirs(), half);
            theirs.getStyleClass().addAll("conflict-version", THEIRS);
            // Same height for both halves, whichever wraps to more lines.
            yours.setMaxHeight(Double.MAX_VALUE);
            theirs.setMaxHeight(Double.MAX_VALUE);
            return new HBox(10, yours, theirs);
        }

        private static Label wrapping(String text, DoubleBinding width) {
            Label label = new Label(text);
            label.setWrapText(true);
            label.prefWidthProperty().bind(width);
            label.setMinHeight(Region.USE_PREF_SIZE);
            return label;
        }
    }
}
