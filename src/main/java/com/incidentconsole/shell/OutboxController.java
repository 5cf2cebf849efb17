package com.incidentconsole.shell;

import com.incidentconsole.fx.KeyHint;
import com.incidentconsole.fx.Overlay;
import com.incidentconsole.shell.OutboxViewModel.Entry;
import com.incidentconsole.sync.ActionTarget;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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

    public static final List<KeyHint> KEYS = List.of(new KeyHint("Ctrl+Shift+O", "keys.outbox"));
    /** Style classes of a conflict line, for CSS and tests. */
    public static final String CONFLICT = "outbox-conflict";
    public static final String YOURS = "conflict-yours";
    public static final String THEIRS = "conflict-theirs";

    private final OutboxViewModel viewModel;
    private final ResourceBundle bundle;
    private Overlay overlay;
    private ActionTarget selectedTarget;

    @FXML private StackPane outboxLayer;
    @FXML private ListView<Entry> outboxList;

    public OutboxController(OutboxViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(outboxLayer).closingOnEscape();
        outboxList.setItems(viewModel.entries());
        outboxList.setPlaceholder(new Label(bundle.getString("outbox.empty")));
        outboxList.setCellFactory(list -> new EntryCell());
        // Lines are rebuilt on every change (a retry note, a conflict): keep the keyboard on the same action.
        outboxList.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                selectedTarget = is.target();
            }
        });
        outboxList.getItems().addListener((ListChangeListener<Entry>) change -> keepSelection());
        outboxLayer.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        Entry selected = outboxList.getSelectionModel().getSelectedItem();
        boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
        boolean conflict = selected != null && selected.conflict();
        if (e.getCode() == KeyCode.R && e.isShiftDown()) {
            viewModel.retry(selected);
        } else if (conflict && plain && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.M)) {
            viewModel.applyMine(selected);
        } else if (conflict && plain && e.getCode() == KeyCode.T) {
            viewModel.keepTheirs(selected);
        } else if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE) {
            viewModel.discard(selected);
        } else {
            return; // arrows move the selection
        }
        e.consume();
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
