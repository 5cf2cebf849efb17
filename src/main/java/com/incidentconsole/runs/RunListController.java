package com.incidentconsole.runs;

import com.incidentconsole.fx.TextWrap;
import java.util.List;
import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.UiClock;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The runs table: binds the view-model's rows, keeps the selection by run id, and maps keys to navigation. */
public final class RunListController {

    public static final Scope SCOPE = Scope.view("runs");
    /** Inside the list's scope: while the filter field has the keyboard, Esc, Enter and ↓ lead back to the table. */
    public static final Scope FILTER_SCOPE = Scope.view("runs.filter");

    private static final PseudoClass FINISHED = PseudoClass.getPseudoClass("finished");
    private static final String STATUS_IN_PROGRESS = "status-in-progress";
    private static final String STATUS_FINISHED = "status-finished";
    private static final String OVERDUE = "overdue";

    private final RunListViewModel viewModel;
    private final Navigation navigation;
    private final ResourceBundle bundle;
    private final UiClock clock;
    private final CommandRegistry commands;
    private String selectedRunId;

    @FXML private VBox runList;
    @FXML private TextField filterField;
    @FXML private ToggleGroup statusGroup;
    @FXML private ToggleButton allToggle;
    @FXML private ToggleButton inProgressToggle;
    @FXML private ToggleButton finishedToggle;
    @FXML private Label countLabel;
    @FXML private Label arrivalLabel;
    @FXML private TableView<RunRow> runsTable;
    @FXML private TableColumn<RunRow, String> nameColumn;
    @FXML private TableColumn<RunRow, String> playbookColumn;
    @FXML private TableColumn<RunRow, String> ownerColumn;
    @FXML private TableColumn<RunRow, String> statusColumn;
    @FXML private TableColumn<RunRow, String> stageColumn;
    @FXML private TableColumn<RunRow, SortableText> progressColumn;
    @FXML private TableColumn<RunRow, SortableText> lastUpdateColumn;
    @FXML private TableColumn<RunRow, SortableText> nextUpdateColumn;
    @FXML private TableColumn<RunRow, SortableText> startedColumn;

    public RunListController(RunListViewModel viewModel, Navigation navigation, ResourceBundle bundle, UiClock clock,
            CommandRegistry commands) {
        this.commands = commands;
        this.viewModel = viewModel;
        this.navigation = navigation;
        this.bundle = bundle;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        nameColumn.setCellValueFactory(c -> c.getValue().nameProperty());
        nameColumn.setCellFactory(c -> new NameCell());
        playbookColumn.setCellValueFactory(c -> c.getValue().playbookProperty());
        ownerColumn.setCellValueFactory(c -> c.getValue().ownerProperty());
        statusColumn.setCellValueFactory(c -> c.getValue().statusProperty());
        statusColumn.setCellFactory(c -> new StatusCell());
        stageColumn.setCellValueFactory(c -> c.getValue().stageProperty());
        progressColumn.setCellValueFactory(c -> c.getValue().progressProperty());
        progressColumn.setCellFactory(c -> new ProgressCell());
        lastUpdateColumn.setCellValueFactory(c -> c.getValue().lastUpdateProperty());
        nextUpdateColumn.setCellValueFactory(c -> c.getValue().nextUpdateProperty());
        nextUpdateColumn.setCellFactory(c -> new NextUpdateCell());
        startedColumn.setCellValueFactory(c -> c.getValue().startedProperty());
        runsTable.setRowFactory(t -> new RunTableRow());

        SortedList<RunRow> sorted = new SortedList<>(viewModel.visibleRows());
        sorted.comparatorProperty().bind(runsTable.comparatorProperty());
        runsTable.setItems(sorted);
        runsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                selectedRunId = row.id();
            }
        });
        // Rows come and go under the user's cursor; the selection follows the run, not the index.
        sorted.addListener((ListChangeListener<RunRow>) change -> restoreSelection());

        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        allToggle.setUserData(StatusFilter.ALL);
        inProgressToggle.setUserData(StatusFilter.IN_PROGRESS);
        finishedToggle.setUserData(StatusFilter.FINISHED);
        statusGroup.selectedToggleProperty().addListener((obs, old, now) -> onStatusToggle(old, now));
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(bundle.getString("runs.count"), sorted.size(), viewModel.totalCountProperty().get()),
                sorted, viewModel.totalCountProperty()));

        arrivalLabel.textProperty().bind(viewModel.arrivalProperty());
        arrivalLabel.visibleProperty().bind(viewModel.arrivalProperty().isNotEmpty());
        arrivalLabel.managedProperty().bind(arrivalLabel.visibleProperty());
        Label placeholder = new Label();
        placeholder.getStyleClass().add("muted");
        // "No runs on this server" only when the server said so, not while loading or after a failed load.
        placeholder.textProperty().bind(Bindings.when(viewModel.totalCountProperty().isEqualTo(0))
                .then(Bindings.when(viewModel.loadNoticeProperty().isEmpty()).then(bundle.getString("runs.none"))
                        .otherwise(viewModel.loadNoticeProperty()))
                .otherwise(bundle.getString("runs.empty")));
        placeholder.setWrapText(true);
        runsTable.setPlaceholder(placeholder);
        installKeys();
        clock.every(30, viewModel::refreshClock);
    }

    /** Called when the list shows again: the user's eyes go back to the run they left. */
    public void focusTable() {
        restoreSelection();
        if (runsTable.getSelectionModel().isEmpty() && !runsTable.getItems().isEmpty()) {
            runsTable.getSelectionModel().selectFirst();
        }
        runsTable.requestFocus();
    }

    private void onStatusToggle(Toggle old, Toggle now) {
        if (now == null) {
            // A toggle group lets the user unselect; the filter always has a value, so keep one selected.
            statusGroup.selectToggle(old);
            return;
        }
        viewModel.statusFilterProperty().set((StatusFilter) now.getUserData());
    }

    private void installKeys() {
        Keymap.scope(runList, SCOPE);
        Keymap.scope(filterField, FILTER_SCOPE);
        BooleanBinding showing = navigation.openRunIdProperty().isNull();
        BooleanBinding selected = showing.and(runsTable.getSelectionModel().selectedItemProperty().isNotNull());
        Command filter = Command.of("runs.filter", SCOPE, () -> {
            filterField.requestFocus();
            filterField.selectAll();
        }, typed("/"), combo("Shortcut+F")).enabledWhen(showing);
        String prompt = String.format(bundle.getString("runs.filter.prompt"), filter.keys());
        filterField.setPromptText(prompt);
        filterField.setAccessibleText(prompt);
        commands.add(
                filter,
                // Esc from the table too: a forgotten filter must not hide a burning run.
                Command.of("runs.clearFilter", SCOPE, filterField::clear, combo("Esc"))
                        .enabledWhen(showing.and(filterField.textProperty().isNotEmpty())),
                Command.of("runs.next", SCOPE, () -> move(1), typed("j"), combo("Down")).enabledWhen(showing),
                Command.of("runs.previous", SCOPE, () -> move(-1), typed("k"), combo("Up")).enabledWhen(showing),
                Command.of("runs.open", SCOPE, this::openSelected, combo("Enter")).enabledWhen(selected),
                Command.of("runs.openRun", SCOPE, () -> { }).asking(new Command.Argument("argument.run",
                        () -> runsTable.getItems().stream().map(r -> new Command.Choice(r.id(),
                                r.nameProperty().get() + "   " + r.ownerProperty().get())).toList(),
                        navigation::openRun)),
                Command.of("runs.filter.clear", FILTER_SCOPE, () -> {
                    filterField.clear();
                    focusTable();
                }, combo("Esc")).keysOnly(),
                Command.of("runs.filter.leave", FILTER_SCOPE, this::focusTable, combo("Enter"), combo("Down"))
                        .keysOnly());
        runsTable.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
    }

    private void move(int step) {
        var selection = runsTable.getSelectionModel();
        int size = runsTable.getItems().size();
        if (size == 0) {
            return;
        }
        int next = selection.isEmpty() ? 0 : Math.max(0, Math.min(size - 1, selection.getSelectedIndex() + step));
        selection.clearAndSelect(next);
        runsTable.getFocusModel().focus(next);
        runsTable.scrollTo(Math.max(0, next - 3));
    }

    private void openSelected() {
        RunRow row = runsTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            navigation.openRun(row.id());
        }
    }

    private void restoreSelection() {
        RunRow selected = runsTable.getSelectionModel().getSelectedItem();
        if (selectedRunId == null) {
            // The first runs have arrived: put the cursor on the most urgent one, so Enter opens it.
            if (selected == null && !runsTable.getItems().isEmpty()) {
                runsTable.getSelectionModel().selectFirst();
                runsTable.getFocusModel().focus(0);
            }
            return;
        }
        if (selected != null && selected.id().equals(selectedRunId)) {
            return;
        }
        runsTable.getItems().stream().filter(r -> r.id().equals(selectedRunId)).findFirst()
                .ifPresent(r -> runsTable.getSelectionModel().select(r));
    }

    private static final class RunTableRow extends TableRow<RunRow> {
        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(FINISHED, !empty && row != null && row.finishedProperty().get());
        }
    }

    /** The name cut to the column, and the longer (still bounded) name in a tooltip for the mouse. */
    private static final class NameCell extends TableCell<RunRow, String> {
        private final Tooltip tooltip = new Tooltip();

        NameCell() {
            TextWrap.unlessRightToLeft(tooltip);
            tooltip.setMaxWidth(640);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            RunRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : text);
            if (row == null) {
                setTooltip(null);
                return;
            }
            tooltip.setText(row.fullNameProperty().get());
            setTooltip(tooltip);
        }
    }

    private static final class StatusCell extends TableCell<RunRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll(STATUS_IN_PROGRESS, STATUS_FINISHED);
            RunRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : text);
            if (row != null) {
                getStyleClass().add(row.finishedProperty().get() ? STATUS_FINISHED : STATUS_IN_PROGRESS);
            }
        }
    }

    /** Overdue status updates stand out in red: the commander owes stakeholders an update. */
    private static final class NextUpdateCell extends TableCell<RunRow, SortableText> {
        @Override
        protected void updateItem(SortableText value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : value.text());
            RunRow row = empty ? null : getTableRow().getItem();
            getStyleClass().remove(OVERDUE);
            if (row != null && row.updateOverdueProperty().get()) {
                getStyleClass().add(OVERDUE);
            }
        }
    }

    private static final class ProgressCell extends TableCell<RunRow, SortableText> {
        private final Label label = new Label();
        private final ProgressBar bar = new ProgressBar();
        private final HBox box = new HBox(8, label, bar);

        ProgressCell() {
            bar.getStyleClass().add("run-progress");
            bar.setPrefWidth(70);
            label.setMinWidth(44);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(SortableText value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            label.setText(value.text());
            bar.setProgress(value.key());
            setGraphic(box);
        }
    }
}
