package com.incidentconsole.playbook.editor;

import com.incidentconsole.fx.KeyHint;
import com.incidentconsole.fx.Overlay;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The strip under the library and editor: which server the window talks to, the server keys, what is running,
 * the last outcome, and the inline question a pull or push asks before it loses or creates something (Enter
 * confirms, Escape declines, Up/Down choose) — in the window, so the keyboard never leaves it.
 */
public final class ServerBarController {

    public static final List<KeyHint> KEYS = List.of(
            new KeyHint("Ctrl+P", "keys.pull"),
            new KeyHint("Ctrl+R", "keys.pullAgain"),
            new KeyHint("Ctrl+U", "keys.push"),
            new KeyHint("Ctrl+Shift+C", "keys.compareServer"),
            new KeyHint("Ctrl+Enter", "keys.mergeSave"),
            new KeyHint("Ctrl+Shift+F", "keys.mergeForce"));

    private static final KeyCombination PULL = KeyCombination.keyCombination("Shortcut+P");
    private static final KeyCombination PULL_AGAIN = KeyCombination.keyCombination("Shortcut+R");
    private static final KeyCombination PUSH = KeyCombination.keyCombination("Shortcut+U");
    private static final KeyCombination COMPARE = KeyCombination.keyCombination("Shortcut+Shift+C");

    private final ServerSyncViewModel model;
    private final Runnable openPull;
    private final Runnable showComparison;
    private final BooleanSupplier overlayShowing;
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
        questionBox.addEventFilter(KeyEvent.KEY_PRESSED, this::questionKey);
        model.questionProperty().addListener((obs, old, asked) -> show(asked));
    }

    private void style(boolean error) {
        syncMessage.getStyleClass().removeAll("danger-text", "sync-info");
        syncMessage.getStyleClass().add(error ? "danger-text" : "sync-info");
    }

    /** The window's server keys; installed as a filter on the window's root so they work from any field. */
    void globalKey(KeyEvent e) {
        if (overlayShowing.getAsBoolean()) {
            return;
        }
        boolean serverKey = PULL.match(e) || PULL_AGAIN.match(e) || PUSH.match(e) || COMPARE.match(e);
        if (serverKey && questionBox.isVisible()) {
            // A new request supersedes an unanswered question, which then counts as declined: nothing happens.
            model.answer(-1);
        }
        if (PULL.match(e)) {
            openPull.run();
        } else if (PULL_AGAIN.match(e)) {
            model.pullAgain();
        } else if (PUSH.match(e)) {
            model.push();
        } else if (COMPARE.match(e)) {
            model.compareWithServer(showComparison);
        } else {
            return;
        }
        e.consume();
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

    private void questionKey(KeyEvent e) {
        var selection = questionChoice.getSelectionModel();
        switch (e.getCode()) {
            case ENTER -> model.answer(questionChoice.isVisible() ? Math.max(0, selection.getSelectedIndex()) : 0);
            case ESCAPE -> model.answer(-1);
            case DOWN -> selection.selectNext();
            case UP -> selection.selectPrevious();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
