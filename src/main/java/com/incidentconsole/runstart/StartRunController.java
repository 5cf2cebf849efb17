package com.incidentconsole.runstart;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.sync.RunCommands;
import com.incidentconsole.sync.StartRun;
import java.time.Instant;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * The "start a run" overlay: binds {@link StartRunForm}'s fields, starts with Ctrl+Enter, closes with Esc.
 * Submitting hands the action to the outbox and the {@link StartWatcher}, and closes at once: the start is
 * shown pending until the server made the run, which then opens.
 */
public final class StartRunController {

    public static final Scope SCOPE = Scope.modal("runStart");

    private final StartRunForm form;
    private final StartWatcher watcher;
    private final RunCommands commands;
    private final CommandRegistry registry;
    private final Supplier<Instant> clock;
    private final ResourceBundle commandTexts;
    private Overlay overlay;

    @FXML private StackPane startLayer;
    @FXML private TextField teamField;
    @FXML private Label teamChoice;
    @FXML private TextField playbookField;
    @FXML private Label playbookChoice;
    @FXML private TextField nameField;
    @FXML private TextField ownerField;
    @FXML private Label ownerChoice;
    @FXML private CheckBox existingChannel;
    @FXML private TextField channelField;
    @FXML private Label channelChoice;
    @FXML private TextArea summaryField;
    @FXML private Label problem;
    @FXML private Label keysHint;

    public StartRunController(StartRunForm form, StartWatcher watcher, RunCommands commands, CommandRegistry registry,
            Supplier<Instant> clock, ResourceBundle commandTexts) {
        this.form = form;
        this.watcher = watcher;
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
        this.commandTexts = commandTexts;
    }

    @FXML
    private void initialize() {
        overlay = new Overlay(startLayer);
        teamField.textProperty().bindBidirectional(form.teamQueryProperty());
        playbookField.textProperty().bindBidirectional(form.playbookQueryProperty());
        nameField.textProperty().bindBidirectional(form.nameProperty());
        ownerField.textProperty().bindBidirectional(form.ownerQueryProperty());
        channelField.textProperty().bindBidirectional(form.channelQueryProperty());
        summaryField.textProperty().bindBidirectional(form.summaryProperty());
        existingChannel.selectedProperty().bindBidirectional(form.existingChannelProperty());
        channelField.disableProperty().bind(existingChannel.selectedProperty().not());
        teamChoice.textProperty().bind(form.teamChoiceProperty());
        playbookChoice.textProperty().bind(form.playbookChoiceProperty());
        ownerChoice.textProperty().bind(form.ownerChoiceProperty());
        channelChoice.textProperty().bind(form.channelChoiceProperty());
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Keymap.scope(startLayer, SCOPE);
        BooleanBinding open = Bindings.createBooleanBinding(startLayer::isVisible, startLayer.visibleProperty());
        Command submit = Command.of("runStart.submit", SCOPE, this::submit, combo("Shortcut+Enter"))
                .enabledWhen(open).keysOnly();
        Command close = Command.of("runStart.close", SCOPE, overlay::hide, combo("Esc")).enabledWhen(open).keysOnly();
        registry.add(submit, close);
        keysHint.setText(String.format(commandTexts.getString("runStart.keys"), submit.primaryKey(), close.primaryKey()));
    }

    /** Opens a fresh form, the keyboard in the playbook field (the team is preset when there is one). */
    public void open(Optional<String> teamId) {
        form.reset(teamId);
        overlay.show(playbookField);
    }

    public boolean isOpen() {
        return overlay.isShowing();
    }

    private void submit() {
        Optional<StartRun> start = form.toAction();
        if (start.isEmpty()) {
            return; // the problem line says why; nothing typed is lost
        }
        overlay.hide();
        watcher.watch(start.get(), clock.get());
        commands.submit(start.get());
    }
}
