package com.incidentconsole.runs;

import com.incidentconsole.checklist.ChecklistController;
import com.incidentconsole.checklist.ChecklistStyle;
import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.fx.KeyHint;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.UiClock;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The run detail screen: binds the header and owns the screen's keymap, which drives the checklist
 * cursor, ticking, the owner picker and going back. Letter keys arrive as typed characters so they
 * work whatever the keyboard layout; Esc, Backspace and arrows as key codes.
 */
public final class RunDetailController {

    public static final List<KeyHint> KEYS = List.of(
            new KeyHint("j  k  ↓  ↑", "keys.items"),
            new KeyHint("x  Space", "keys.done"),
            new KeyHint("s", "keys.skip"),
            new KeyHint("[  ]", "keys.stages"),
            new KeyHint("o", "keys.owner"),
            new KeyHint("Shift+R", "keys.retry"),
            new KeyHint("Backspace", "keys.dismiss"),
            new KeyHint("Esc", "keys.back"));

    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final RunDetailViewModel viewModel;
    private final Navigation navigation;
    private final UiClock clock;

    @FXML private StackPane runDetail;
    @FXML private Button backButton;
    @FXML private Label nameLabel;
    @FXML private Label statusBadge;
    @FXML private Label playbookLabel;
    @FXML private Label ownerLabel;
    @FXML private Label ownerPending;
    @FXML private Button changeOwnerButton;
    @FXML private Label ownerError;
    @FXML private Label stageLabel;
    @FXML private Label startedLabel;
    @FXML private Label nextUpdateLabel;
    @FXML private Label participantsLabel;
    @FXML private Label summaryLabel;
    @FXML private ChecklistController checklistPaneController;
    @FXML private UserPickerController userPickerPaneController;

    public RunDetailController(RunDetailViewModel viewModel, Navigation navigation, UiClock clock) {
        this.viewModel = viewModel;
        this.navigation = navigation;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        nameLabel.textProperty().bind(viewModel.nameProperty());
        statusBadge.textProperty().bind(viewModel.statusProperty());
        statusBadge.pseudoClassStateChanged(FINISHED, viewModel.finishedProperty().get());
        viewModel.finishedProperty().addListener((obs, was, is) -> statusBadge.pseudoClassStateChanged(FINISHED, is));
        playbookLabel.textProperty().bind(viewModel.playbookProperty());
        ownerLabel.textProperty().bind(viewModel.ownerProperty());
        viewModel.ownerStateProperty().addListener((obs, was, is) -> showOwnerState(is));
        showOwnerState(viewModel.ownerStateProperty().get());
        ownerError.textProperty().bind(viewModel.ownerErrorProperty());
        ownerError.visibleProperty().bind(viewModel.ownerErrorProperty().isNotEmpty());
        ownerError.managedProperty().bind(ownerError.visibleProperty());
        stageLabel.textProperty().bind(viewModel.stageProperty());
        startedLabel.textProperty().bind(viewModel.startedProperty());
        participantsLabel.textProperty().bind(viewModel.participantsProperty());
        nextUpdateLabel.textProperty().bind(viewModel.nextUpdateProperty());
        nextUpdateLabel.pseudoClassStateChanged(OVERDUE, viewModel.updateOverdueProperty().get());
        viewModel.updateOverdueProperty().addListener((obs, was, is) -> nextUpdateLabel.pseudoClassStateChanged(OVERDUE, is));
        summaryLabel.textProperty().bind(viewModel.summaryProperty());

        navigation.openRunIdProperty().addListener((obs, old, id) -> {
            if (id != null) {
                viewModel.open(id);
            }
        });
        // "Next update in 18 min" and overdue due dates must stay true while the commander watches.
        clock.every(30, viewModel::refresh);
        runDetail.addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        runDetail.addEventFilter(KeyEvent.KEY_PRESSED, this::onPressed);
    }

    /** Called when the detail shows: the keyboard lands on the checklist cursor, ready for j/k/x. */
    public void focusChecklist() {
        checklistPaneController.focusCursor();
    }

    @FXML
    private void back() {
        navigation.backToList();
    }

    @FXML
    private void changeOwner() {
        userPickerPaneController.open(viewModel::changeOwner, this::focusChecklist);
    }

    private void onTyped(KeyEvent e) {
        if (userPickerPaneController.isOpen()) {
            return;
        }
        ChecklistViewModel checklist = viewModel.checklist();
        switch (e.getCharacter()) {
            case "j" -> checklist.focusNext();
            case "k" -> checklist.focusPrevious();
            case "x" -> checklist.toggleDone();
            case "s" -> checklist.toggleSkipped();
            case "]" -> checklist.focusNextStage();
            case "[" -> checklist.focusPreviousStage();
            case "o" -> changeOwner();
            case "R" -> retry();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void onPressed(KeyEvent e) {
        if (userPickerPaneController.isOpen()) {
            return;
        }
        ChecklistViewModel checklist = viewModel.checklist();
        if (e.getCode() == KeyCode.ESCAPE) {
            back();
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            dismiss();
        } else if (e.getCode() == KeyCode.SPACE && e.getTarget() instanceof Node target
                && target.getStyleClass().contains(ChecklistStyle.ITEM)) {
            // Space is how a screen reader user toggles a check box; buttons keep their own Space.
            checklist.toggleDone();
        } else if (e.getCode() == KeyCode.DOWN && !e.isShortcutDown()) {
            checklist.focusNext();
        } else if (e.getCode() == KeyCode.UP && !e.isShortcutDown()) {
            checklist.focusPrevious();
        } else {
            return;
        }
        e.consume();
    }

    /** The failed action nearest the user's attention: the cursor item's, otherwise the owner change. */
    private void retry() {
        var item = viewModel.checklist().focusedProperty().get();
        if (item != null && item.failedProperty().get()) {
            viewModel.checklist().retryFocused();
        } else {
            viewModel.retryOwner();
        }
    }

    private void dismiss() {
        var item = viewModel.checklist().focusedProperty().get();
        if (item != null && item.failedProperty().get()) {
            viewModel.checklist().dismissFocused();
        } else if (viewModel.ownerStateProperty().get() == OwnerState.FAILED) {
            viewModel.dismissOwnerError();
        }
    }

    private void showOwnerState(OwnerState state) {
        ownerLabel.pseudoClassStateChanged(PENDING, state == OwnerState.PENDING);
        ownerLabel.pseudoClassStateChanged(FAILED, state == OwnerState.FAILED);
        ownerPending.setVisible(state == OwnerState.PENDING);
        ownerPending.setManaged(state == OwnerState.PENDING);
        ownerLabel.setAccessibleText(ownerLabel.getText() + (state == OwnerState.PENDING ? ", pending" : ""));
    }
}
