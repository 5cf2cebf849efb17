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
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import com.incidentconsole.arrivals.Arrival;
import com.incidentconsole.triage.RunFilter;
import com.incidentconsole.triage.RunSort;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
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
    private static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** The arrival bar and its key work in the run detail too: a run started elsewhere is news there as well. */
    public static final Scope ANYWHERE = Scope.window("window");
    private static final String STATUS_IN_PROGRESS = "status-in-progress";
    private static final String STATUS_FINISHED = "status-finished";
    private static final String OVERDUE = "overdue";

    private final RunListViewModel viewModel;
    private final Navigation navigation;
    private final ResourceBundle bundle;
    private final UiClock clock;
    private final CommandRegistry commands;
    private String selectedRunId;
    /** While the chips are set from the filter, their own change events are not the user's. */
    private boolean syncingChips;
    private Map<RunSort.Column, TableColumn<RunRow, ?>> columns;

    @FXML private VBox runList;
    @FXML private TextField filterField;
    @FXML private SegmentedButton statusSegments;
    @FXML private HBox chipBar;
    @FXML private ToggleButton mineChip;
    @FXML private CheckComboBox<RunListViewModel.Choice> teamChip;
    @FXML private CheckComboBox<RunListViewModel.Choice> playbookChip;
    @FXML private CheckComboBox<RunListViewModel.Choice> ownerChip;
    @FXML private Label clearHint;
    @FXML private Label sortLabel;
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

        ObservableList<RunRow> sorted = viewModel.visibleRows();
        runsTable.setItems(sorted);
        installSorting();
        runsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                selectedRunId = row.id();
            }
        });
        // Rows come and go under the user's cursor; the selection follows the run, not the index.
        sorted.addListener((ListChangeListener<RunRow>) change -> restoreSelection());

        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        installChips();
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
            statusSegments.getToggleGroup().selectToggle(old);
            return;
        }
        if (!syncingChips) {
            RunFilter current = viewModel.filterProperty().get();
            viewModel.filterProperty().set(current.withStatus((RunFilter.Status) now.getUserData()));
        }
    }

    /** The chips show the view-model's filter and change it; the filter itself is decided in {@link RunFilter}. */
    private void installChips() {
        allToggle.setUserData(RunFilter.Status.ALL);
        inProgressToggle.setUserData(RunFilter.Status.IN_PROGRESS);
        finishedToggle.setUserData(RunFilter.Status.FINISHED);
        statusSegments.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> onStatusToggle(old, now));
        mineChip.selectedProperty().addListener((obs, old, now) -> {
            if (!syncingChips && now != viewModel.filterProperty().get().mine()) {
                viewModel.toggleMine();
            }
        });
        chip(teamChip, viewModel.teamChoices(), RunFilter::teamIds, RunFilter::withTeams);
        chip(playbookChip, viewModel.playbookChoices(), RunFilter::playbookIds, RunFilter::withPlaybooks);
        chip(ownerChip, viewModel.ownerChoices(), RunFilter::ownerIds, RunFilter::withOwners);
        viewModel.filterProperty().addListener((obs, old, now) -> showFilter(now));
        showFilter(viewModel.filterProperty().get());
    }

    private void chip(CheckComboBox<RunListViewModel.Choice> box, ObservableList<RunListViewModel.Choice> choices,
            Function<RunFilter, Set<String>> ids, java.util.function.BiFunction<RunFilter, Set<String>, RunFilter> with) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunListViewModel.Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public RunListViewModel.Choice fromString(String text) {
                return null;
            }
        });
        box.getItems().setAll(choices);
        choices.addListener((ListChangeListener<RunListViewModel.Choice>) c -> {
            syncingChips = true;
            try {
                box.getItems().setAll(choices);
            } finally {
                syncingChips = false;
            }
            showFilter(viewModel.filterProperty().get());
        });
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<RunListViewModel.Choice>) c -> {
            if (syncingChips) {
                return;
            }
            Set<String> checked = new HashSet<>();
            box.getCheckModel().getCheckedItems().forEach(choice -> checked.add(choice.id()));
            RunFilter current = viewModel.filterProperty().get();
            if (!checked.equals(ids.apply(current))) {
                viewModel.filterProperty().set(with.apply(current, checked));
            }
        });
    }

    /** Every chip as the filter says, its title naming what is ticked, and the one key that clears them. */
    private void showFilter(RunFilter filter) {
        syncingChips = true;
        try {
            mineChip.setSelected(filter.mine());
            statusSegments.getToggleGroup().selectToggle(switch (filter.status()) {
                case ALL -> allToggle;
                case IN_PROGRESS -> inProgressToggle;
                case FINISHED -> finishedToggle;
            });
            showChecks(teamChip, filter.teamIds(), "runs.chip.team");
            showChecks(playbookChip, filter.playbookIds(), "runs.chip.playbook");
            showChecks(ownerChip, filter.ownerIds(), "runs.chip.owner");
        } finally {
            syncingChips = false;
        }
        clearHint.setText(filter.isEmpty() ? "" : String.format(bundle.getString("runs.chip.clear"),
                filter.activeChips() + (filter.text().isBlank() ? 0 : 1)));
        clearHint.setVisible(!filter.isEmpty());
    }

    private void showChecks(CheckComboBox<RunListViewModel.Choice> box, Set<String> ids, String titleKey) {
        var model = box.getCheckModel();
        for (RunListViewModel.Choice choice : box.getItems()) {
            boolean wanted = ids.contains(choice.id());
            if (wanted != model.isChecked(choice)) {
                if (wanted) {
                    model.check(choice);
                } else {
                    model.clearCheck(choice);
                }
            }
        }
        String title = bundle.getString(titleKey);
        List<String> names = box.getItems().stream().filter(c -> ids.contains(c.id())).map(RunListViewModel.Choice::label)
                .toList();
        box.setTitle(names.isEmpty() ? title : com.incidentconsole.text.DisplayText.line(title + ": " + String.join(", ", names), 48));
        box.pseudoClassStateChanged(ACTIVE, !names.isEmpty());
    }

    /**
     * The view-model orders the rows; the table's header only shows that order (its arrow), and a click
     * on a header asks the view-model, so keys and mouse sort the same way.
     */
    private void installSorting() {
        columns = new java.util.EnumMap<>(RunSort.Column.class);
        columns.put(RunSort.Column.NAME, nameColumn);
        columns.put(RunSort.Column.PLAYBOOK, playbookColumn);
        columns.put(RunSort.Column.OWNER, ownerColumn);
        columns.put(RunSort.Column.STATUS, statusColumn);
        columns.put(RunSort.Column.STAGE, stageColumn);
        columns.put(RunSort.Column.PROGRESS, progressColumn);
        columns.put(RunSort.Column.LAST_UPDATE, lastUpdateColumn);
        columns.put(RunSort.Column.NEXT_UPDATE, nextUpdateColumn);
        columns.put(RunSort.Column.STARTED, startedColumn);
        runsTable.setSortPolicy(table -> true);
        runsTable.getSortOrder().addListener((ListChangeListener<TableColumn<RunRow, ?>>) c -> {
            if (syncingChips) {
                return;
            }
            TableColumn<RunRow, ?> first = runsTable.getSortOrder().isEmpty() ? null : runsTable.getSortOrder().get(0);
            RunSort.Column column = columns.entrySet().stream().filter(e -> e.getValue() == first)
                    .map(Map.Entry::getKey).findFirst().orElse(RunSort.Column.URGENCY);
            boolean ascending = first == null || first.getSortType() == TableColumn.SortType.ASCENDING;
            viewModel.sortProperty().set(new RunSort(column, ascending));
        });
        columns.values().forEach(col -> col.sortTypeProperty().addListener((obs, old, now) -> {
            if (!syncingChips && !runsTable.getSortOrder().isEmpty() && runsTable.getSortOrder().get(0) == col) {
                viewModel.sortProperty().set(new RunSort(viewModel.sortProperty().get().column(),
                        now == TableColumn.SortType.ASCENDING));
            }
        }));
        viewModel.sortProperty().addListener((obs, old, now) -> showSort(now));
        showSort(viewModel.sortProperty().get());
    }

    private void showSort(RunSort sort) {
        syncingChips = true;
        try {
            TableColumn<RunRow, ?> column = columns.get(sort.column());
            if (column == null) {
                runsTable.getSortOrder().clear();
            } else {
                column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                runsTable.getSortOrder().setAll(List.of(column));
            }
        } finally {
            syncingChips = false;
        }
        String by = column(sort) == null ? bundle.getString("runs.sort.urgency")
                : String.format(bundle.getString(sort.ascending() ? "runs.sort.up" : "runs.sort.down"), column(sort).getText());
        sortLabel.setText(by);
    }

    private TableColumn<RunRow, ?> column(RunSort sort) {
        return columns.get(sort.column());
    }

    /** Opens a chip's list with the keyboard in it: arrows move, Space ticks, Esc closes. */
    private void openChip(CheckComboBox<RunListViewModel.Choice> box) {
        box.requestFocus();
        box.show();
    }

    private void jumpToArrival() {
        Arrival news = viewModel.latestArrivalProperty().get();
        if (news != null) {
            navigation.openRun(news.runId());
        }
    }

    private List<Command.Choice> choicesOf(ObservableList<RunListViewModel.Choice> choices, Set<String> ticked) {
        return choices.stream().map(c -> new Command.Choice(c.id(), (ticked.contains(c.id()) ? "\u2713 " : "") + c.label()))
                .toList();
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
                // Esc from the table too: a forgotten filter must not hide a burning run. All chips, one key.
                Command.of("runs.clearFilter", SCOPE, viewModel::clearFilters, combo("Esc"))
                        .enabledWhen(showing.and(Bindings.createBooleanBinding(() -> !viewModel.filterProperty().get().isEmpty(),
                                viewModel.filterProperty()))),
                Command.of("runs.next", SCOPE, () -> move(1), typed("j"), combo("Down")).enabledWhen(showing),
                Command.of("runs.previous", SCOPE, () -> move(-1), typed("k"), combo("Up")).enabledWhen(showing),
                Command.of("runs.open", SCOPE, this::openSelected, combo("Enter")).enabledWhen(selected),
                Command.of("runs.openRun", SCOPE, () -> { }).asking(new Command.Argument("argument.run",
                        () -> runsTable.getItems().stream().map(r -> new Command.Choice(r.id(),
                                r.nameProperty().get() + "   " + r.ownerProperty().get())).toList(),
                        navigation::openRun)),
                Command.of("runs.filter.clear", FILTER_SCOPE, () -> {
                    viewModel.clearFilters();
                    focusTable();
                }, combo("Esc")).keysOnly(),
                Command.of("runs.filter.leave", FILTER_SCOPE, this::focusTable, combo("Enter"), combo("Down"))
                        .keysOnly());
        installTriageCommands(showing);
        runsTable.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
    }

    /** runlist: the chips, the sort and the jump to a new run, each a command with a key and a palette entry. */
    private void installTriageCommands(BooleanBinding showing) {
        commands.add(
                Command.of("runs.mine", SCOPE, viewModel::toggleMine, typed("m")).enabledWhen(showing),
                Command.of("runs.status", SCOPE, viewModel::nextStatus, typed("s")).enabledWhen(showing),
                Command.of("runs.team", SCOPE, () -> openChip(teamChip), typed("t")).enabledWhen(showing)
                        .keysOnly(),
                Command.of("runs.playbook", SCOPE, () -> openChip(playbookChip), typed("p")).enabledWhen(showing)
                        .keysOnly(),
                Command.of("runs.owner", SCOPE, () -> openChip(ownerChip), typed("o")).enabledWhen(showing)
                        .keysOnly(),
                // In the palette the same chips are a fuzzy pick that ticks or unticks one entry.
                Command.of("runs.pickTeam", SCOPE, () -> { }).asking(new Command.Argument("argument.team",
                        () -> choicesOf(viewModel.teamChoices(), viewModel.filterProperty().get().teamIds()),
                        viewModel::toggleTeam)).enabledWhen(showing),
                Command.of("runs.pickPlaybook", SCOPE, () -> { }).asking(new Command.Argument("argument.playbook",
                        () -> choicesOf(viewModel.playbookChoices(), viewModel.filterProperty().get().playbookIds()),
                        viewModel::togglePlaybook)).enabledWhen(showing),
                Command.of("runs.pickOwner", SCOPE, () -> { }).asking(new Command.Argument("argument.owner",
                        () -> choicesOf(viewModel.ownerChoices(), viewModel.filterProperty().get().ownerIds()),
                        viewModel::toggleOwner)).enabledWhen(showing),
                sortCommand("runs.sort.name", RunSort.Column.NAME, "1", showing),
                sortCommand("runs.sort.playbook", RunSort.Column.PLAYBOOK, "2", showing),
                sortCommand("runs.sort.owner", RunSort.Column.OWNER, "3", showing),
                sortCommand("runs.sort.status", RunSort.Column.STATUS, "4", showing),
                sortCommand("runs.sort.stage", RunSort.Column.STAGE, "5", showing),
                sortCommand("runs.sort.progress", RunSort.Column.PROGRESS, "6", showing),
                sortCommand("runs.sort.lastUpdate", RunSort.Column.LAST_UPDATE, "7", showing),
                sortCommand("runs.sort.nextUpdate", RunSort.Column.NEXT_UPDATE, "8", showing),
                sortCommand("runs.sort.started", RunSort.Column.STARTED, "9", showing),
                Command.of("runs.sort.reverse", SCOPE, viewModel::reverseSort, typed("0")).enabledWhen(showing),
                Command.of("runs.sort.urgency", SCOPE, () -> viewModel.sortProperty().set(RunSort.URGENT_FIRST),
                        typed("`")).enabledWhen(showing),
                Command.of("runs.openArrival", ANYWHERE, this::jumpToArrival, combo("Shortcut+Shift+J"))
                        .enabledWhen(viewModel.latestArrivalProperty().isNotNull()));
    }

    private Command sortCommand(String id, RunSort.Column column, String key, BooleanBinding showing) {
        return Command.of(id, SCOPE, () -> viewModel.sortBy(column), typed(key)).enabledWhen(showing);
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

    /**
     * Follows its run's finished and pending state as they change: a run updated in place tells the table nothing
     * (storm, issue 18), only its own properties change.
     */
    private static final class RunTableRow extends TableRow<RunRow> {
        private final javafx.beans.InvalidationListener restyle = obs -> restyle();

        RunTableRow() {
            itemProperty().addListener((obs, old, now) -> {
                if (old != null) {
                    old.finishedProperty().removeListener(restyle);
                    old.pendingProperty().removeListener(restyle);
                }
                if (now != null) {
                    now.finishedProperty().addListener(restyle);
                    now.pendingProperty().addListener(restyle);
                }
            });
        }

        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            restyle();
        }

        private void restyle() {
            RunRow row = isEmpty() ? null : getItem();
            pseudoClassStateChanged(FINISHED, row != null && row.finishedProperty().get());
            pseudoClassStateChanged(PENDING, row != null && row.pendingProperty().get());
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
            tooltip.textProperty().unbind();
            if (row == null) {
                setTooltip(null);
                return;
            }
            tooltip.textProperty().bind(row.fullNameProperty()); // the name can change without the cut one changing
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
