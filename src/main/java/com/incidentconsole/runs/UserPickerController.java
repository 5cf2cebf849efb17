package com.incidentconsole.runs;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.wire.User;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The fuzzy user picker, an overlay inside the window (no second stage to lose behind others).
 * Letters go to the search field; arrows move the choice, Enter picks, Esc cancels.
 */
public final class UserPickerController {

    private final UserPickerViewModel viewModel;
    private Consumer<String> onPick = id -> { };
    private Runnable onClose = () -> { };
    private Overlay overlay;

    @FXML private StackPane pickerLayer;
    @FXML private TextField searchField;
    @FXML private ListView<User> resultsList;

    public UserPickerController(UserPickerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(pickerLayer).onHidden(() -> onClose.run());
        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        resultsList.setItems(viewModel.matches());
        resultsList.setCellFactory(list -> new UserCell());
        viewModel.matches().addListener((ListChangeListener<User>) change -> resultsList.getSelectionModel().selectFirst());
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        resultsList.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        resultsList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pick();
            }
        });
        pickerLayer.setOnMouseClicked(e -> {
            if (e.getTarget() == pickerLayer) {
                close();
            }
        });
    }

    public void open(Consumer<String> pick, Runnable closed) {
        this.onPick = pick;
        this.onClose = closed;
        viewModel.reset();
        resultsList.getSelectionModel().selectFirst();
        overlay.show(searchField);
    }

    public boolean isOpen() {
        return overlay.isShowing();
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case ENTER -> pick();
            case ESCAPE -> close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int step) {
        int size = resultsList.getItems().size();
        if (size > 0) {
            int at = Math.max(0, Math.min(size - 1, resultsList.getSelectionModel().getSelectedIndex() + step));
            resultsList.getSelectionModel().clearAndSelect(at);
            resultsList.scrollTo(at);
        }
    }

    private void pick() {
        User user = resultsList.getSelectionModel().getSelectedItem();
        if (user == null && !resultsList.getItems().isEmpty()) {
            // Enter right after typing means "the best match", even before any arrow key.
            user = resultsList.getItems().get(0);
        }
        if (user != null) {
            Consumer<String> target = onPick;
            close();
            target.accept(user.id());
        }
    }

    private void close() {
        overlay.hide();
    }

    private static final class UserCell extends ListCell<User> {
        @Override
        protected void updateItem(User user, boolean empty) {
            super.updateItem(user, empty);
            setText(empty || user == null ? null : user.displayName() + "   @" + user.username());
        }
    }
}
