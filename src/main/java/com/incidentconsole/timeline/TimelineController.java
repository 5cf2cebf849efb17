package com.incidentconsole.timeline;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.wire.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The timeline workbench's view: binds the list, the filter field, the question bar and the add form to the
 * view-model, keeps the newest event in view as events arrive while the user is at the bottom, and registers the
 * workbench's commands (focus from the run detail with {@code t}; inside, its own scope).
 */
public final class TimelineController {

    public static final Scope SCOPE = Scope.view("timeline");
    public static final Scope FILTER = Scope.view("timeline.filter");
    public static final Scope ADD = Scope.modal("timeline.add");

    private final TimelineViewModel viewModel;
    private final ResourceBundle bundle;

    @FXML private StackPane timelineRoot;
    @FXML private ListView<TimelineRow> timeline;
    @FXML private Label counts;
    @FXML private TextField filterField;
    @FXML private Label notice;
    @FXML private HBox questionBar;
    @FXML private Label questionText;
    @FXML private Label keysHint;
    @FXML private VBox addForm;
    @FXML private Label addHeading;
    @FXML private Label addPost;
    @FXML private TextField addSummary;
    @FXML private Label addDetailsLabel;
    @FXML private TextArea addDetails;
    @FXML private Label addTimeLabel;
    @FXML private TextField addTime;
    @FXML private Label addError;
    @FXML private Label addKeys;

    private List<Post> posts = List.of();

    public TimelineController(TimelineViewModel viewModel, ResourceBundle bundle) {
        this.viewModel = viewModel;
        this.bundle = bundle;
    }

    @FXML
    private void initialize() {
        timeline.setItems(viewModel.rows());
        timeline.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        timeline.setCellFactory(list -> new TimelineCell());
        viewModel.rows().addListener((ListChangeListener<TimelineRow>) change -> followNewest());
        counts.textProperty().bind(viewModel.countsProperty());
        showWhenSet(notice, viewModel.noticeProperty());
        questionText.textProperty().bind(viewModel.questionProperty());
        questionBar.visibleProperty().bind(viewModel.questionProperty().isNotEmpty());
        questionBar.managedProperty().bind(questionBar.visibleProperty());
        filterField.textProperty().addListener((obs, was, is) -> viewModel.filterByText(is));
        viewModel.filterProperty().addListener((obs, was, is) -> {
            if (!is.text().equals(filterField.getText() == null ? "" : filterField.getText().strip())) {
                filterField.setText(is.text());
            }
        });
        bindForm();
        Keymap.scope(timelineRoot, SCOPE);
        Keymap.scope(filterField, FILTER);
        Keymap.scope(addForm, ADD);
    }

    private static void showWhenSet(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void bindForm() {
        TimelineAddForm form = viewModel.form();
        addForm.visibleProperty().bind(form.openProperty());
        addForm.managedProperty().bind(form.openProperty());
        addHeading.textProperty().bind(form.headingProperty());
        showWhenSet(addPost, form.postTextProperty());
        addSummary.textProperty().bindBidirectional(form.summaryProperty());
        addDetails.textProperty().bindBidirectional(form.detailsProperty());
        addTime.textProperty().bindBidirectional(form.timeProperty());
        showWhenSet(addError, form.errorProperty());
        // A post's event has only a summary: its text and time are the post's (AddPostToTimeline).
        BooleanBinding manual = form.postProperty().isNull();
        for (javafx.scene.Node n : List.of(addDetailsLabel, addDetails, addTimeLabel, addTime)) {
            n.visibleProperty().bind(manual);
            n.managedProperty().bind(manual);
        }
        form.openProperty().addListener((obs, was, open) -> {
            if (open) {
                addSummary.requestFocus();
                addSummary.end();
            } else {
                focus();
            }
        });
    }

    /** Events arriving while the user reads the bottom keep the newest in view; reading further up is left alone. */
    private void followNewest() {
        int size = timeline.getItems().size();
        if (size == 0) {
            return;
        }
        int selected = timeline.getSelectionModel().getSelectedIndex();
        if (selected < 0 || selected >= size - 2) {
            timeline.scrollTo(size - 1);
        }
    }

    /** The keyboard lands on the timeline, on the newest event when none is selected. */
    public void focus() {
        timeline.requestFocus();
        if (timeline.getSelectionModel().isEmpty() && !timeline.getItems().isEmpty()) {
            select(timeline.getItems().size() - 1);
        }
    }

    private void select(int index) {
        int size = timeline.getItems().size();
        if (size == 0) {
            return;
        }
        int at = Math.max(0, Math.min(size - 1, index));
        timeline.getSelectionModel().clearAndSelect(at);
        timeline.getFocusModel().focus(at);
        timeline.scrollTo(Math.max(0, at - 1));
    }

    private void move(int step) {
        int at = timeline.getSelectionModel().getSelectedIndex();
        select(at < 0 ? timeline.getItems().size() - 1 : at + step);
    }

    private void extend(int step) {
        int size = timeline.getItems().size();
        int from = timeline.getFocusModel().getFocusedIndex();
        int to = Math.max(0, Math.min(size - 1, (from < 0 ? size - 1 : from) + step));
        timeline.getSelectionModel().select(to);
        timeline.getFocusModel().focus(to);
        timeline.scrollTo(to);
    }

    private List<String> selectedIds() {
        return new ArrayList<>(timeline.getSelectionModel().getSelectedItems().stream().map(TimelineRow::id).toList());
    }

    private String focusedId() {
        TimelineRow row = timeline.getFocusModel().getFocusedItem();
        return row == null ? "" : row.id();
    }

    private void copy(List<String> ids) {
        String md = viewModel.copy(ids);
        if (!md.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(md);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void back(Runnable toChecklist) {
        if (!viewModel.questionProperty().get().isEmpty()) {
            viewModel.cancelQuestion();
        } else {
            toChecklist.run();
        }
    }

    /**
     * The workbench's commands: {@code t} in the run detail focuses it; inside, its own scope (moving, stars, filters,
     * add, delete, copy), the filter field's and the add form's.
     */
    public void installCommands(CommandRegistry commands, Scope runScope, BooleanBinding showing,
                                Consumer<Command> askInPalette, Runnable toChecklist) {
        BooleanBinding acting = Bindings.createBooleanBinding(viewModel::canAct, viewModel.rows()).and(showing);
        BooleanBinding asking = viewModel.questionProperty().isNotEmpty();
        AtomicReference<Command> type = new AtomicReference<>();
        AtomicReference<Command> fromPost = new AtomicReference<>();
        type.set(Command.of("timeline.type", SCOPE, () -> askInPalette.accept(type.get()), typed("f"))
                .enabledWhen(showing)
                .asking(new Command.Argument("argument.eventType", this::typeChoices,
                        id -> viewModel.filterByType(ALL_TYPES.equals(id) ? "" : id))));
        fromPost.set(Command.of("timeline.addPost", SCOPE, () -> viewModel.loadPosts(loaded -> {
                    posts = loaded;
                    askInPalette.accept(fromPost.get());
                }), typed("p"))
                .enabledWhen(acting)
                .asking(new Command.Argument("argument.post", this::postChoices, id -> posts.stream()
                        .filter(p -> p.id().equals(id)).findFirst().ifPresent(viewModel::openPost))));
        commands.add(
                Command.of("run.timeline", runScope, this::focus, typed("t")).enabledWhen(showing),
                Command.of("timeline.next", SCOPE, () -> move(1), typed("j"), combo("Down")).enabledWhen(showing),
                Command.of("timeline.previous", SCOPE, () -> move(-1), typed("k"), combo("Up")).enabledWhen(showing),
                Command.of("timeline.extendNext", SCOPE, () -> extend(1), typed("J"), combo("Shift+Down"))
                        .enabledWhen(showing),
                Command.of("timeline.extendPrevious", SCOPE, () -> extend(-1), typed("K"), combo("Shift+Up"))
                        .enabledWhen(showing),
                Command.of("timeline.now", SCOPE, () -> select(timeline.getItems().size() - 1), combo("End"),
                        typed("G")).enabledWhen(showing),
                Command.of("timeline.expand", SCOPE, () -> viewModel.toggleExpanded(focusedId(), true), combo("Right"))
                        .enabledWhen(showing),
                Command.of("timeline.collapse", SCOPE, () -> viewModel.toggleExpanded(focusedId(), false),
                        combo("Left")).enabledWhen(showing),
                Command.of("timeline.star", SCOPE, () -> viewModel.toggleStar(selectedIds()), typed("s"))
                        .enabledWhen(showing),
                Command.of("timeline.starredOnly", SCOPE, viewModel::toggleStarredOnly, typed("*")).enabledWhen(showing),
                type.get(),
                Command.of("timeline.filter", SCOPE, filterField::requestFocus, typed("/"), combo("Shortcut+F"))
                        .enabledWhen(showing),
                Command.of("timeline.clearFilter", SCOPE, viewModel::clearFilter, combo("Backspace"))
                        .enabledWhen(showing),
                Command.of("timeline.add", SCOPE, viewModel::openManual, typed("n")).enabledWhen(acting),
                fromPost.get(),
                Command.of("timeline.delete", SCOPE, () -> viewModel.askDelete(focusedId()), combo("Delete"))
                        .enabledWhen(acting),
                Command.of("timeline.confirm", SCOPE, viewModel::confirm, combo("Enter")).enabledWhen(asking),
                Command.of("timeline.copy", SCOPE, () -> copy(selectedIds()), combo("Shortcut+C")).enabledWhen(showing),
                Command.of("timeline.copyAll", SCOPE, () -> copy(List.of()), combo("Shortcut+Shift+C"))
                        .enabledWhen(showing),
                Command.of("timeline.back", SCOPE, () -> back(toChecklist), combo("Esc")).enabledWhen(showing),
                Command.of("timeline.filter.done", FILTER, this::focus, combo("Enter"), combo("Down")),
                Command.of("timeline.filter.clear", FILTER, () -> {
                    filterField.clear();
                    focus();
                }, combo("Esc")),
                Command.of("timeline.add.save", ADD, viewModel::submitForm, combo("Shortcut+Enter")),
                Command.of("timeline.add.cancel", ADD, viewModel::closeForm, combo("Esc")));
        keysHint.setText(bundle.getString("timeline.keys"));
        addKeys.setText(bundle.getString("timeline.add.keys"));
    }

    private static final String ALL_TYPES = "*";

    private List<Command.Choice> typeChoices() {
        List<Command.Choice> choices = new ArrayList<>();
        choices.add(new Command.Choice(ALL_TYPES, bundle.getString("timeline.allTypes")));
        viewModel.typeChoices().forEach(c -> choices.add(new Command.Choice(c.eventType(), c.label() + " (" + c.count()
                + ")")));
        return choices;
    }

    private List<Command.Choice> postChoices() {
        return posts.stream().map(p -> new Command.Choice(p.id(), viewModel.postLabel(p))).toList();
    }
}
