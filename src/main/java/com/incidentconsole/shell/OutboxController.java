package com.incidentconsole.shell;

import com.incidentconsole.shell.OutboxViewModel.Entry;
import java.util.List;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The outbox overlay: lists what waits for the server; Shift+R retries and Backspace discards the
 * selected failed action; Esc closes.
 */
public final class OutboxController {

    public static final List<KeyHint> KEYS = List.of(new KeyHint("Ctrl+Shift+O", "keys.outbox"));

    private final OutboxViewModel viewModel;
    private final ResourceBundle bundle;
    private Node returnFocusTo;

    @FXML private StackPane outboxLayer;
    @FXML private ListView<Entry> outboxList;

    public OutboxController(OutboxViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        outboxLayer.managedProperty().bind(outboxLayer.visibleProperty());
        outboxLayer.setVisible(false);
        outboxList.setItems(viewModel.entries());
        outboxList.setPlaceholder(new Label(bundle.getString("outbox.empty")));
        outboxList.setCellFactory(list -> new EntryCell());
        outboxLayer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Entry selected = outboxList.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            } else if (e.getCode() == KeyCode.R && e.isShiftDown()) {
                viewModel.retry(selected);
            } else if (e.getCode() == KeyCode.BACK_SPACE || e.getCode() == KeyCode.DELETE) {
                viewModel.discard(selected);
            } else {
                return; // arrows move the selection
            }
            e.consume();
        });
    }

    public boolean isShowing() {
        return outboxLayer.isVisible();
    }

    public void toggle() {
        if (isShowing()) {
            hide();
            return;
        }
        returnFocusTo = outboxLayer.getScene() == null ? null : outboxLayer.getScene().getFocusOwner();
        outboxLayer.setVisible(true);
        if (!outboxList.getItems().isEmpty() && outboxList.getSelectionModel().isEmpty()) {
            outboxList.getSelectionModel().selectFirst();
        }
        outboxList.requestFocus();
    }

    private void hide() {
        outboxLayer.setVisible(false);
        if (returnFocusTo != null) {
            returnFocusTo.requestFocus();
        }
    }

    private static final class EntryCell extends ListCell<Entry> {
        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            getStyleClass().remove("failed");
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label what = new Label(entry.state() + " · " + entry.description() + " — " + entry.run());
            what.getStyleClass().add("outbox-what");
            Label detail = new Label(entry.detail());
            detail.getStyleClass().add(entry.failed() ? "item-error" : "muted");
            detail.setWrapText(true);
            setGraphic(new VBox(2, what, detail));
            if (entry.failed()) {
                getStyleClass().add("failed");
            }
        }
    }
}
