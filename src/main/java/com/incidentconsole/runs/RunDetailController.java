package com.incidentconsole.runs;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.checklist.ChecklistController;
import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.TextWrap;
import com.incidentconsole.fx.UiClock;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.sync.ActionStatus;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The run detail screen: binds the header and owns the screen's keymap, which drives the checklist
 * cursor, ticking, the owner picker and going back. Letter keys arrive as typed characters so they
 * work whatever the keyboard layout; Esc, Backspace and arrows as key codes.
 */
public final class RunDetailController {

    public static final Scope SCOPE = Scope.view("run");

    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final RunDetailViewModel viewModel;
    private final Navigation navigation;
    private final UiClock clock;
    private final CommandRegistry commands;
    private final ResourceBundle bundle;

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

    public RunDetailController(RunDetailViewModel viewModel, Navigation navigation, UiClock clock,
            CommandRegistry commands, ResourceBundle bundle) {
        this.commands = commands;
        this.bundle = bundle;
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
        clock.every(30, viewModel::refresh);
        installCommands();
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

    /** Esc first takes back an open question (finish? restore?), then leaves the run. */
    private void backOrCancel() {
        if (!viewModel.questionProperty().get().isEmpty()) {
            viewModel.cancel();
        } else {
            back();
        }
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

    /**
     * The screen's keymap: the checklist cursor, ticking, the owner picker and going back. Letter keys are typed
     * characters so they work whatever the keyboard layout. Space is how a screen reader user toggles a check
     * box; buttons keep their own Space (the keymap leaves Space and Enter to a focused button).
     */
    private void installCommands() {
        Keymap.scope(runDetail, SCOPE);
        ChecklistViewModel checklist = viewModel.checklist();
        BooleanBinding showing = navigation.openRunIdProperty().isNotNull();
        Command changeOwner = Command.of("run.changeOwner", SCOPE, this::changeOwner, typed("o"))
                .enabledWhen(showing)
                .asking(new Command.Argument("argument.user", userPickerPaneController::choices, viewModel::changeOwner));
        commands.add(
                Command.of("run.next", SCOPE, checklist::focusNext, typed("j"), combo("Down")).enabledWhen(showing),
                Command.of("run.previous", SCOPE, checklist::focusPrevious, typed("k"), combo("Up"))
                        .enabledWhen(showing),
                Command.of("run.done", SCOPE, checklist::toggleDone, typed("x"), combo("Space")).enabledWhen(showing),
                Command.of("run.skip", SCOPE, checklist::toggleSkipped, typed("s")).enabledWhen(showing),
                Command.of("run.nextStage", SCOPE, checklist::focusNextStage, typed("]")).enabledWhen(showing),
                Command.of("run.previousStage", SCOPE, checklist::focusPreviousStage, typed("["))
                        .enabledWhen(showing),
                changeOwner,
                Command.of("run.retry", SCOPE, this::retry, typed("R")).enabledWhen(showing),
                Command.of("run.dismiss", SCOPE, this::dismiss, combo("Backspace")).enabledWhen(showing),
                // The confirm bar is not modal: Enter answers it, Esc cancels it before it means "back".
                Command.of("run.confirm", SCOPE, viewModel::confirm, combo("Enter"))
                        .enabledWhen(viewModel.questionProperty().isNotEmpty()),
                Command.of("run.finish", SCOPE, viewModel::askFinish, combo("Shortcut+Shift+F"))
                        .enabledWhen(showing.and(viewModel.canFinishProperty())),
                Command.of("run.restore", SCOPE, viewModel::askRestore, combo("Shortcut+Shift+U"))
                        .enabledWhen(showing.and(viewModel.canRestoreProperty())),
                Command.of("run.back", SCOPE, this::backOrCancel, combo("Esc")).enabledWhen(showing));
        changeOwnerButton.setText(String.format(bundle.getString("run.changeOwner"), changeOwner.primaryKey()));
        // checklist work (issue #14): assign, due date, run, add, edit, delete, move, duplicate, stages
        checklistPaneController.installCommands(commands, SCOPE, showing, userPickerPaneController::open);
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
