package com.incidentconsole.shell;

import com.incidentconsole.fx.KeyHint;
import com.incidentconsole.fx.KeysHelpController;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.runs.RunDetailController;
import com.incidentconsole.runs.RunListController;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The window's frame: swaps the runs list and the run detail as {@link Navigation} says, moves the
 * keyboard focus with it, and opens the keys overlay.
 */
public final class MainController {

    public static final List<KeyHint> KEYS = List.of(
            new KeyHint("?", "keys.help"),
            new KeyHint("Ctrl+Shift+L", "keys.theme"),
            new KeyHint("Ctrl+Shift+O", "keys.outbox"),
            new KeyHint("Ctrl+Shift+P", "keys.playbooks"),
            new KeyHint("Ctrl+Shift+R", "keys.retryNow"),
            new KeyHint("Ctrl+Shift+S", "keys.signIn"));
    private static final KeyCombination OUTBOX = KeyCombination.keyCombination("Shortcut+Shift+O");
    /** Shift+R alone retries one failed action; with Ctrl it retries the connection and the whole outbox now. */
    private static final KeyCombination RETRY_NOW = KeyCombination.keyCombination("Shortcut+Shift+R");

    private final Navigation navigation;
    private final Runnable retryNow;

    @FXML private StackPane mainRoot;
    @FXML private Node runList;
    @FXML private Node runDetail;
    @FXML private RunListController runListController;
    @FXML private RunDetailController runDetailController;
    @FXML private KeysHelpController keysLayerController;
    @FXML private OutboxController outboxLayerController;

    public MainController(Navigation navigation) {
        this(navigation, () -> { });
    }

    /** @param retryNow asks the workspace to reconnect and send what waits at once; returns without waiting */
    public MainController(Navigation navigation, Runnable retryNow) {
        this.navigation = navigation;
        this.retryNow = retryNow;
    }

    @FXML
    private void initialize() {
        navigation.openRunIdProperty().addListener((obs, old, id) -> show(id != null));
        show(navigation.isDetailOpen());
        mainRoot.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter())) {
                keysLayerController.toggle();
                e.consume();
            }
        });
        mainRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (OUTBOX.match(e)) {
                outboxLayerController.toggle();
                e.consume();
            } else if (RETRY_NOW.match(e)) {
                retryNow.run();
                e.consume();
            }
        });
        // The first focus goes to the table once the window is up, so j/k work without a click.
        mainRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(runListController::focusTable);
            }
        });
    }

    private void show(boolean detail) {
        runList.setVisible(!detail);
        runDetail.setVisible(detail);
        if (detail) {
            runDetailController.focusChecklist();
        } else {
            runListController.focusTable();
        }
    }
}
