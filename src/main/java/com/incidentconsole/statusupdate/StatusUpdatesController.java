package com.incidentconsole.statusupdate;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.entry.DurationText;
import com.incidentconsole.fx.MarkdownView;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.TextWrap;
import com.incidentconsole.fx.UiClock;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.markdown.MarkdownBlocks;
import com.incidentconsole.runs.RunDetailController;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The run's status updates and the status editor, two overlays over the run detail. Binds the view-model and
 * registers the commands: {@code u} write, {@code U} read, {@code z} snooze, {@code Z} cadence, {@code Ctrl+Shift+R}
 * request, and the editor's own keys. Renders only; every decision is the view-model's.
 */
public final class StatusUpdatesController {

    public static final Scope PANEL = Scope.modal("statusPanel");
    public static final Scope EDITOR = Scope.modal("statusEditor");

    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final StatusUpdatesViewModel viewModel;
    private final Navigation navigation;
    private final CommandRegistry commands;
    private final ResourceBundle bundle;
    private final UiClock clock;
    private final MarkdownBlocks markdown = new MarkdownBlocks();
    private final MarkdownView preview = new MarkdownView(markdown);
    private Overlay panel;
    private Overlay editor;
    private Consumer<String> resetAction = text -> { };

    @FXML private StackPane statusLayers;
    @FXML private StackPane panelLayer;
    @FXML private StackPane editorLayer;
    @FXML private VBox statusPanel;
    @FXML private Label panelTitle;
    @FXML private Label cadenceLabel;
    @FXML private Label lastUpdateLabel;
    @FXML private Label loadNoteLabel;
    @FXML private Label actionNoteLabel;
    @FXML private HBox resetBar;
    @FXML private Label resetLabel;
    @FXML private ComboBox<String> resetBox;
    @FXML private ScrollPane postsScroll;
    @FXML private VBox postsBox;
    @FXML private Label panelKeys;
    @FXML private Label editorTitle;
    @FXML private Label editorNoteLabel;
    @FXML private Label editorErrorLabel;
    @FXML private TextArea messageArea;
    @FXML private ScrollPane previewScroll;
    @FXML private ComboBox<String> reminderBox;
    @FXML private CheckBox finishBox;
    @FXML private CheckBox broadcastBox;
    @FXML private Label channelsLabel;
    @FXML private Button postButton;
    @FXML private Button closeButton;

    public StatusUpdatesController(StatusUpdatesViewModel viewModel, Navigation navigation, CommandRegistry commands,
            ResourceBundle bundle, UiClock clock) {
        this.viewModel = viewModel;
        this.navigation = navigation;
        this.commands = commands;
        this.bundle = bundle;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        panel = new Overlay(panelLayer);
        editor = new Overlay(editorLayer);
        panelTitle.textProperty().bind(viewModel.titleProperty());
        editorTitle.textProperty().bind(viewModel.titleProperty());
        cadenceLabel.textProperty().bind(viewModel.cadenceProperty());
        viewModel.overdueProperty().addListener((obs, was, is) -> cadenceLabel.pseudoClassStateChanged(OVERDUE, is));
        lastUpdateLabel.textProperty().bind(viewModel.lastUpdateProperty());
        showWhenSet(loadNoteLabel, viewModel.loadNoteProperty());
        showWhenSet(actionNoteLabel, viewModel.actionNoteProperty());
        showWhenSet(editorNoteLabel, viewModel.editorNoteProperty());
        showWhenSet(editorErrorLabel, viewModel.editorErrorProperty());
        panelKeys.setText(bundle.getString("status.panel.keys"));
        resetBar.managedProperty().bind(resetBar.visibleProperty());
        resetBar.setVisible(false);
        List<String> presets = UpdateCadence.PRESETS.stream().map(DurationText::format).toList();
        resetBox.getItems().setAll(presets);
        reminderBox.getItems().setAll(presets);
        reminderBox.getEditor().textProperty().bindBidirectional(viewModel.reminderProperty());
        reminderBox.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                viewModel.reminderProperty().set(is);
            }
        });
        reminderBox.disableProperty().bind(viewModel.finishRunProperty());
        messageArea.textProperty().bindBidirectional(viewModel.messageProperty());
        messageArea.editableProperty().bind(viewModel.postingProperty().not());
        broadcastBox.selectedProperty().bindBidirectional(viewModel.broadcastProperty());
        finishBox.selectedProperty().bindBidirectional(viewModel.finishRunProperty());
        channelsLabel.textProperty().bind(viewModel.broadcastChannelsProperty());
        previewScroll.setContent(preview);
        preview.showMarkdown(messageArea.getText());
        // Parsing a status update's size costs well under a frame; the preview follows every key.
        viewModel.messageProperty().addListener((obs, was, is) -> preview.showMarkdown(is == null ? "" : is));
        viewModel.posts().addListener((ListChangeListener<StatusUpdatesViewModel.PostRow>) c -> showPosts());
        viewModel.panelOpenProperty().addListener((obs, was, is) -> {
            if (is) {
                panel.show(postsScroll);
            } else {
                panel.hide();
            }
        });
        viewModel.editorOpenProperty().addListener((obs, was, is) -> {
            if (is) {
                editor.show(messageArea);
            } else {
                editor.hide();
            }
        });
        for (Node serverText : List.of(panelTitle, editorTitle, channelsLabel, editorErrorLabel)) {
            if (serverText instanceof Label label) {
                TextWrap.unlessRightToLeft(label);
            }
        }
        navigation.openRunIdProperty().addListener((obs, old, id) -> {
            viewModel.closeEditor();
            viewModel.closePanel();
        });
        // The countdown and "12 min ago" stay true while the list is open.
        clock.every(30, () -> {
            if (panel.isShowing() || editor.isShowing()) {
                viewModel.refresh();
            }
        });
        showPosts();
        installCommands();
    }

    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /** One card per post: who and when, then the rendered Markdown; mine on their way say so. */
    private void showPosts() {
        if (viewModel.posts().isEmpty()) {
            Label none = new Label(bundle.getString("status.empty"));
            none.getStyleClass().add("muted");
            postsBox.getChildren().setAll(none);
            return;
        }
        postsBox.getChildren().setAll(viewModel.posts().stream().map(this::card).toList());
    }

    private Node card(StatusUpdatesViewModel.PostRow row) {
        Label byline = new Label(String.format(bundle.getString("status.byline"), row.author(), row.when()));
        byline.getStyleClass().add("status-byline");
        MarkdownView body = new MarkdownView(markdown);
        body.showMarkdown(row.markdown());
        VBox card = new VBox(4, byline, body);
        card.getStyleClass().add("status-post");
        card.getProperties().put("postId", row.id());
        if (!row.state().isEmpty()) {
            Label state = new Label(row.state());
            state.setWrapText(true);
            state.getStyleClass().add(row.pending() && row.state().equals(bundle.getString("status.post.pending"))
                    ? "muted" : "owner-error");
            card.getChildren().add(1, state);
            card.getStyleClass().add("pending");
        }
        return card;
    }

    private String runId() {
        return navigation.openRunIdProperty().get();
    }

    @FXML
    private void post() {
        viewModel.post();
    }

    @FXML
    private void closeEditor() {
        viewModel.closeEditor();
    }

    private void compose() {
        viewModel.compose(runId());
    }

    private void openPanel() {
        viewModel.openPanel(runId());
    }

    /** Opens the list with the reminder bar: a preset or a typed duration, Enter applies. */
    private void askReset(boolean snooze) {
        viewModel.openPanel(runId());
        resetLabel.setText(bundle.getString(snooze ? "status.reset.snooze" : "status.reset.cadence"));
        resetAction = snooze ? text -> viewModel.snooze(viewModel.runId(), text)
                : text -> viewModel.changeCadence(viewModel.runId(), text);
        resetBox.getEditor().setText(snooze ? DurationText.format(UpdateCadence.PRESETS.getFirst())
                : viewModel.reminderProperty().get());
        resetBar.setVisible(true);
        panel.show(resetBox);
        resetBox.getEditor().selectAll();
    }

    private void applyReset() {
        String text = resetBox.getEditor().getText();
        resetBar.setVisible(false);
        resetAction.accept(text);
        postsScroll.requestFocus();
    }

    private void escapePanel() {
        if (resetBar.isVisible()) {
            resetBar.setVisible(false);
            postsScroll.requestFocus();
        } else {
            viewModel.closePanel();
        }
    }

    private void installCommands() {
        Keymap.scope(panelLayer, PANEL);
        Keymap.scope(editorLayer, EDITOR);
        BooleanBinding showing = navigation.openRunIdProperty().isNotNull();
        BooleanBinding panelOpen = viewModel.panelOpenProperty().and(viewModel.editorOpenProperty().not());
        BooleanBinding editing = viewModel.editorOpenProperty().and(showing);
        Scope run = RunDetailController.SCOPE;
        Command composeCommand = Command.of("status.compose", run, this::compose, typed("u")).enabledWhen(showing);
        Command closeCommand = Command.of("status.closeEditor", EDITOR, viewModel::closeEditor, combo("Esc"))
                .enabledWhen(editing).keysOnly();
        Command postCommand = Command.of("status.post", EDITOR, viewModel::post, combo("Shortcut+Enter"))
                .enabledWhen(editing.and(viewModel.postingProperty().not()));
        commands.add(
                composeCommand,
                Command.of("status.show", run, this::openPanel, typed("U")).enabledWhen(showing),
                Command.of("status.snooze", run, () -> askReset(true), typed("z")).enabledWhen(showing)
                        .asking(new Command.Argument("argument.duration", StatusUpdatesController::presetChoices,
                                text -> viewModel.snooze(runId(), text))),
                Command.of("status.cadence", run, () -> askReset(false), typed("Z")).enabledWhen(showing)
                        .asking(new Command.Argument("argument.duration", StatusUpdatesController::presetChoices,
                                text -> viewModel.changeCadence(runId(), text))),
                Command.of("status.request", run, () -> viewModel.requestUpdate(runId()),
                        combo("Alt+U")).enabledWhen(showing),
                Command.of("status.composeHere", PANEL, this::compose, typed("u")).enabledWhen(panelOpen).keysOnly(),
                Command.of("status.snoozeHere", PANEL, () -> askReset(true), typed("z")).enabledWhen(panelOpen)
                        .keysOnly(),
                Command.of("status.reload", PANEL, viewModel::reload, combo("F5")).enabledWhen(panelOpen).keysOnly(),
                Command.of("status.applyReset", PANEL, this::applyReset, combo("Enter"))
                        .enabledIf(resetBar::isVisible).keysOnly(),
                Command.of("status.closePanel", PANEL, this::escapePanel, combo("Esc")).enabledWhen(panelOpen)
                        .keysOnly(),
                postCommand,
                closeCommand,
                Command.of("status.template", EDITOR, viewModel::useTemplate, combo("Shortcut+T")).enabledWhen(editing),
                Command.of("status.last", EDITOR, viewModel::useLastUpdate, combo("Shortcut+L")).enabledWhen(editing),
                Command.of("status.broadcast", EDITOR, () -> viewModel.broadcastProperty()
                        .set(!viewModel.broadcastProperty().get()), combo("Shortcut+B")).enabledWhen(editing),
                Command.of("status.finish", EDITOR, () -> viewModel.finishRunProperty()
                        .set(!viewModel.finishRunProperty().get()), combo("Shortcut+Shift+F")).enabledWhen(editing));
        for (int i = 0; i < UpdateCadence.PRESETS.size(); i++) {
            int preset = i;
            commands.add(Command.of("status.preset" + (i + 1), EDITOR, () -> viewModel.pickPreset(preset),
                    combo("Alt+" + (i + 1))).enabledWhen(editing));
        }
        postButton.setText(String.format(bundle.getString("status.post"), postCommand.primaryKey()));
        closeButton.setText(String.format(bundle.getString("status.close"), closeCommand.primaryKey()));
    }

    private static List<Command.Choice> presetChoices() {
        return UpdateCadence.PRESETS.stream().map(DurationText::format).map(d -> new Command.Choice(d, d)).toList();
    }
}
