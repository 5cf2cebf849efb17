package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.Overlay;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.command.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * The strip under the library and editor: which server the window talks to, the server keys, what is running,
 * the last outcome, and the inline question a pull or push asks before it loses or creates something (Enter
 * confirms, Escape declines, Up/Down choose) — in the window, so the keyboard never leaves it.
 */
public final class ServerBarController {


    private final ServerSyncViewModel model;
    private final Runnable openPull;
    private final Runnable showComparison;
    private final BooleanSupplier overlayShowing;
    /** A question from the server bar (which team to push to, pull over my edits?) waits for its answer. */
    static final Scope QUESTION = Scope.modal("question");

    private Overlay question;

    @FXML private VBox serverBar;
    @FXML private Label serverLabel;
    @FXML private Label busyLabel;
    @FXML private ProgressBar busyBar;
    @FXML private Label syncMessage;
    @FXML private VBox questionBox;
    @FXML private Label questionText;
    @FXML private ComboBox<String> questionChoice;

    /**
     * @param openPull shows the pull picker
     * @param showComparison brings the editor's compare tab forward once the server copy is compared
     * @param overlayShowing true while a layer above the window (pull, merge, keys) has the keyboard
     */
    public ServerBarController(ServerSyncViewModel model, Runnable openPull, Runnable showComparison,
            BooleanSupplier overlayShowing) {
        this.model = model;
        this.openPull = openPull;
        this.showComparison = showComparison;
        this.overlayShowing = overlayShowing;
    }

    @FXML
    private void initialize() {
        serverLabel.textProperty().bind(model.connectionProperty());
        busyLabel.textProperty().bind(model.busyProperty());
        busyBar.visibleProperty().bind(model.busyProperty().isNotEmpty());
        busyBar.managedProperty().bind(busyBar.visibleProperty());
        syncMessage.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, was, error) -> style(error));
        style(model.messageIsErrorProperty().get());
        question = new Overlay(questionBox);
        questionChoice.managedProperty().bind(questionChoice.visibleProperty());
        Keymap.scope(questionBox, QUESTION);
        model.questionProperty().addListener((obs, old, asked) -> show(asked));
    }

    private void style(boolean error) {
        syncMessage.getStyleClass().removeAll("danger-text", "sync-info");
        syncMessage.getStyleClass().add(error ? "danger-text" : "sync-info");
    }

    /** The window's server commands: window-wide, so they work from any field, but not under an overlay. */
    List<Command> commands() {
        List<Command> all = new ArrayList<>(questionCommands());
        all.addAll(List.of(
                serverCommand("pull", openPull, "Shortcut+P"),
                serverCommand("pullAgain", model::pullAgain, "Shortcut+R"),
                serverCommand("push", model::push, "Shortcut+U"),
                serverCommand("compareServer", () -> model.compareWithServer(showComparison), "Shortcut+Shift+C")));
        return all;
    }

    private Command serverCommand(String id, Runnable action, String key) {
        return Command.of("playbook." + id, PlaybookEditorUi.WINDOW, () -> {
            if (questionBox.isVisible()) {
                // A new request supersedes an unanswered question, which then counts as declined: nothing happens.
                model.answer(-1);
            }
            action.run();
        }, Trigger.combo(key)).enabledIf(() -> !overlayShowing.getAsBoolean());
    }

    private void show(ServerSyncViewModel.Question asked) {
        if (asked == null) {
            question.hide();
            return;
        }
        questionText.setText(asked.text());
        questionChoice.getItems().setAll(asked.options());
        questionChoice.setVisible(!asked.options().isEmpty());
        questionChoice.getSelectionModel().selectFirst();
        question.show(questionBox);
    }

    private List<Command> questionCommands() {
        var selection = questionChoice.getSelectionModel();
        BooleanBinding asked = Bindings.createBooleanBinding(questionBox::isVisible, questionBox.visibleProperty());
        return List.of(
                Command.of("question.answer", QUESTION, () -> model.answer(questionChoice.isVisible()
                        ? Math.max(0, selection.getSelectedIndex()) : 0), Trigger.combo("Enter")).enabledWhen(asked)
                        .keysOnly(),
                Command.of("question.decline", QUESTION, () -> model.answer(-1), Trigger.combo("Esc"))
                        .enabledWhen(asked).keysOnly(),
                Command.of("question.next", QUESTION, selection::selectNext, Trigger.combo("Down")).enabledWhen(asked)
                        .keysOnly(),
                Command.of("question.previous", QUESTION, selection::selectPrevious, Trigger.combo("Up"))
                        .enabledWhen(asked).keysOnly());
    }
}
