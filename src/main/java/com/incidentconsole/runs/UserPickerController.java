package com.incidentconsole.runs;

import com.incidentconsole.text.DisplayText;
import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.wire.User;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * The fuzzy user picker, an overlay inside the window (no second stage to lose behind others).
 * Letters go to the search field; arrows move the choice, Enter picks, Esc cancels.
 */
public final class UserPickerController {

    public static final Scope SCOPE = Scope.modal("userPicker");

    private final UserPickerViewModel viewModel;
    private final CommandRegistry commands;
    private Consumer<String> onPick = id -> { };
    private Runnable onClose = () -> { };
    private Overlay overlay;
    private java.util.ResourceBundle bundle;

    @FXML private StackPane pickerLayer;
    @FXML private javafx.scene.control.Label pickerTitle;
    @FXML private java.util.ResourceBundle resources;
    @FXML private TextField searchField;
    @FXML private ListView<User> resultsList;

    public UserPickerController(UserPickerViewModel viewModel, CommandRegistry commands) {
        this.viewModel = viewModel;
        this.commands = commands;
    }

    @FXML
    private void initialize() {
        bundle = resources;
        overlay = new Overlay(pickerLayer).onHidden(() -> onClose.run());
        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        resultsList.setItems(viewModel.matches());
        resultsList.setCellFactory(list -> new UserCell());
        viewModel.matches().addListener((ListChangeListener<User>) change -> resultsList.getSelectionModel().selectFirst());
        Keymap.scope(pickerLayer, SCOPE);
        BooleanBinding open = Bindings.createBooleanBinding(pickerLayer::isVisible, pickerLayer.visibleProperty());
        // Letters go to the search field; these keys are the picker's even while the field has the keyboard.
        commands.add(
                Command.of("userPicker.next", SCOPE, () -> move(1), combo("Down")).enabledWhen(open).keysOnly(),
                Command.of("userPicker.previous", SCOPE, () -> move(-1), combo("Up")).enabledWhen(open).keysOnly(),
                Command.of("userPicker.pick", SCOPE, this::pick, combo("Enter")).enabledWhen(open).keysOnly(),
                Command.of("userPicker.close", SCOPE, this::close, combo("Esc")).enabledWhen(open).keysOnly());
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
        open(bundle.getString("picker.title"), List.of(), pick, closed);
    }

    /** Opened for another question ("Assign “Page the DBA” to"), with {@code first} (a run's participants) on top. */
    public void open(String title, List<String> first, Consumer<String> pick, Runnable closed) {
        this.onPick = pick;
        this.onClose = closed;
        pickerTitle.setText(title);
        viewModel.preferFirst(first);
        viewModel.reset();
        resultsList.getSelectionModel().selectFirst();
        overlay.show(searchField);
    }

    /** The palette's answers for "Change owner…": everyone, by name and username. */
    public List<Command.Choice> choices() {
        return viewModel.everyone().stream()
                .map(u -> new Command.Choice(u.id(), u.displayName() + "   @" + u.username())).toList();
    }

    public boolean isOpen() {
        return overlay.isShowing();
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

    private final class UserCell extends ListCell<User> {
        private static final int NAME = 80;
        private final java.util.function.Predicate<String> preferred = viewModel::isPreferred;
        private final String participant = bundle.getString("picker.participant");


        @Override
        protected void updateItem(User user, boolean empty) {
            super.updateItem(user, empty);
            setText(empty || user == null ? null
                    : DisplayText.line(user.displayName(), NAME) + "   @" + DisplayText.line(user.username(), NAME)
                    + (preferred.test(user.id()) ? "   \u00b7 " + participant : ""));
        }
    }
}
