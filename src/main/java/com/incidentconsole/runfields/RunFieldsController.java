package com.incidentconsole.runfields;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.MarkdownView;
import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.markdown.MarkdownBlocks;
import com.incidentconsole.sync.PendingAction;
import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * Edit the run's name and summary (F2 in the run): the summary in Markdown with a live preview beside it
 * and the time of its last change; Ctrl+Enter saves what changed (each field its own action kind), Esc
 * closes without sending anything.
 */
public final class RunFieldsController {

    public static final Scope SCOPE = Scope.modal("runFields");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private final RunStore runs;
    private final PendingActions pending;
    private final RunCommands commands;
    private final CommandRegistry registry;
    private final ResourceBundle bundle;
    private final ResourceBundle commandTexts;
    private final ZoneId zone;
    private final MarkdownView preview = new MarkdownView(new MarkdownBlocks());
    private Overlay overlay;
    private RunFieldsEdit opened;

    @FXML private StackPane fieldsLayer;
    @FXML private TextField nameField;
    @FXML private TextArea summaryField;
    @FXML private ScrollPane previewScroll;
    @FXML private Label summaryChanged;
    @FXML private Label problem;
    @FXML private Label keysHint;

    public RunFieldsController(RunStore runs, PendingActions pending, RunCommands commands, CommandRegistry registry,
            ResourceBundle bundle, ResourceBundle commandTexts, ZoneId zone) {
        this.runs = runs;
        this.pending = pending;
        this.commands = commands;
        this.registry = registry;
        this.bundle = bundle;
        this.commandTexts = commandTexts;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(fieldsLayer);
        preview.setId("fieldsPreview");
        previewScroll.setContent(preview);
        summaryField.textProperty().addListener((obs, old, text) -> preview.showMarkdown(text));
        nameField.textProperty().addListener((obs, old, text) -> problem.setText(""));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Keymap.scope(fieldsLayer, SCOPE);
        BooleanBinding open = Bindings.createBooleanBinding(fieldsLayer::isVisible, fieldsLayer.visibleProperty());
        Command save = Command.of("runFields.save", SCOPE, this::save, combo("Shortcut+Enter")).enabledWhen(open)
                .keysOnly();
        Command close = Command.of("runFields.close", SCOPE, overlay::hide, combo("Esc")).enabledWhen(open).keysOnly();
        registry.add(save, close);
        keysHint.setText(String.format(commandTexts.getString("runFields.keys"), save.primaryKey(), close.primaryKey()));
    }

    /** Opens on the run as the screen shows it: a rename or summary still on its way is what is edited. */
    public void open(String runId, boolean focusSummary) {
        Optional<PlaybookRun> run = runs.get(runId);
        if (run.isEmpty()) {
            return;
        }
        PlaybookRun r = run.get();
        String name = shown(runId, "name").orElse(r.name());
        String summary = shown(runId, "summary").orElse(r.summary());
        opened = RunFieldsEdit.opened(r, name, summary);
        nameField.setText(name);
        summaryField.setText(summary);
        preview.showMarkdown(summary);
        summaryChanged.setText(r.summaryModifiedAt() > 0
                ? String.format(bundle.getString("fields.summaryChanged"),
                        WHEN.format(Instant.ofEpochMilli(r.summaryModifiedAt()).atZone(zone)))
                : bundle.getString("fields.summaryNeverChanged"));
        problem.setText("");
        overlay.show(focusSummary ? summaryField : nameField);
    }

    private Optional<String> shown(String runId, String subject) {
        return pending.get(new com.incidentconsole.sync.ActionTarget(runId, subject)).filter(p -> !p.failed())
                .map(PendingAction::desiredValue);
    }

    public boolean isOpen() {
        return overlay.isShowing();
    }

    private void save() {
        RunFieldsEdit edit = new RunFieldsEdit(opened.runId(), opened.shownName(), opened.shownSummary(),
                nameField.getText(), summaryField.getText());
        if (!edit.problem().isEmpty()) {
            problem.setText(bundle.getString("fields.problem.name"));
            nameField.requestFocus();
            return;
        }
        overlay.hide();
        edit.actions().forEach(commands::submit);
    }
}
