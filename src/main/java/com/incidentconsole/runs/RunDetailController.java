package com.incidentconsole.runs;

import com.incidentconsole.checklist.ChecklistController;
import com.incidentconsole.checklist.ChecklistStyle;
import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.fx.TextWrap;
import com.incidentconsole.shell.KeyHint;
import com.incidentconsole.shell.Navigation;
import com.incidentconsole.sync.ActionStatus;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

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
            new KeyHint("Ctrl+Shift+F", "keys.finish"),
            new KeyHint("Ctrl+Shift+U", "keys.restore"),
            new KeyHint("Esc", "keys.back"));

    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final RunDetailViewModel viewModel;
    private final Navigation navigation;

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
    @FXML private Label statusError;
    @FXML private Label readOnlyNotice;
    @FXML private HBox confirmBar;
    @FXML private Label confirmText;
    @FXML private Tooltip nameTooltip;
    @FXML private ScrollPane summaryScroll;
    @FXML private Label fullSummaryLabel;
    @FXML private Button summaryToggle;
    @FXML private ChecklistController checklistPaneController;
    @FXML private UserPickerController userPickerPaneController;

    private final BooleanProperty summaryExpanded = new SimpleBooleanProperty();

    public RunDetailController(RunDetailViewModel viewModel, Navigation navigation) {
        this.viewModel = viewModel;
        this.navigation = navigation;
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
        showWhenSet(statusError, viewModel.statusErrorProperty());
        showWhenSet(readOnlyNotice, viewModel.checklist().readOnlyNoticeProperty());
        confirmText.textProperty().bind(viewModel.questionProperty());
        confirmBar.visibleProperty().bind(viewModel.questionProperty().isNotEmpty());
        confirmBar.managedProperty().bind(confirmBar.visibleProperty());
        nameTooltip.textProperty().bind(viewModel.fullNameProperty());
        for (Label serverText : List.of(nameLabel, participantsLabel, ownerError, summaryLabel, fullSummaryLabel)) {
            TextWrap.unlessRightToLeft(serverText);
        }
        TextWrap.unlessRightToLeft(nameTooltip);
        bindSummary();

        navigation.openRunIdProperty().addListener((obs, old, id) -> {
            if (id != null) {
                viewModel.open(id);
            }
        });
        // "Next update in 18 min" and overdue due dates must stay true while the commander watches.
        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> viewModel.refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        runDetail.addEventHandler(KeyEvent.KEY_TYPED, this::onTyped);
        runDetail.addEventFilter(KeyEvent.KEY_PRESSED, this::onPressed);
    }

    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
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
    private void toggleSummary() {
        summaryExpanded.set(!summaryExpanded.get());
    }

    /**
     * The summary shows its first lines; a long one (a pasted log) expands into a scrolling area whose
     * height is capped in CSS, so the checklists stay on screen either way.
     */
    private void bindSummary() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        fullSummaryLabel.textProperty().bind(viewModel.fullSummaryProperty());
        var clipped = viewModel.summaryClippedProperty();
        var expanded = summaryExpanded.and(clipped);
        summaryLabel.visibleProperty().bind(expanded.not());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());
        summaryScroll.visibleProperty().bind(expanded);
        summaryScroll.managedProperty().bind(expanded);
        summaryToggle.visibleProperty().bind(clipped);
        summaryToggle.managedProperty().bind(clipped);
        summaryToggle.textProperty().bind(Bindings.when(expanded)
                .then(viewModel.text("run.summary.less")).otherwise(viewModel.summaryMoreProperty()));
        // Another run opens collapsed: the expansion was for that summary, not a setting.
        viewModel.runIdProperty().addListener((obs, old, id) -> summaryExpanded.set(false));
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
        boolean asking = !viewModel.questionProperty().get().isEmpty();
        // The confirm bar is not modal: only Enter and Esc answer it, every other key works as always.
        if (asking && e.getCode() == KeyCode.ENTER) {
            viewModel.confirm();
        } else if (asking && e.getCode() == KeyCode.ESCAPE) {
            viewModel.cancel();
        } else if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.F) {
            viewModel.askFinish();
        } else if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.U) {
            viewModel.askRestore();
        } else if (e.getCode() == KeyCode.ESCAPE) {
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
        } else if (!viewModel.statusErrorProperty().get().isEmpty()) {
            viewModel.retryStatus();
        } else {
            viewModel.retryOwner();
        }
    }

    private void dismiss() {
        var item = viewModel.checklist().focusedProperty().get();
        if (item != null && item.failedProperty().get()) {
            viewModel.checklist().dismissFocused();
        } else if (!viewModel.statusErrorProperty().get().isEmpty()) {
            viewModel.dismissStatusError();
        } else if (viewModel.ownerStateProperty().get() == ActionStatus.Phase.FAILED) {
            viewModel.dismissOwnerError();
        }
    }

    private void showOwnerState(ActionStatus.Phase state) {
        boolean pending = state == ActionStatus.Phase.PENDING;
        ownerLabel.pseudoClassStateChanged(PENDING, pending);
        ownerLabel.pseudoClassStateChanged(FAILED, state != ActionStatus.Phase.SETTLED && !pending);
        ownerPending.setVisible(pending);
        ownerPending.setManaged(pending);
        ownerLabel.setAccessibleText(ownerLabel.getText() + (pending ? ", pending" : ""));
    }
}
