package com.incidentconsole.shell;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.fx.DeferredLayers;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.KeysHelpController;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.runs.RunDetailController;
import com.incidentconsole.runs.RunListController;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The window's frame: swaps the runs list and the run detail as {@link Navigation} says, moves the
 * keyboard focus with it, and contributes the window-wide commands (keys overlay, outbox, retry now).
 */
public final class MainController {

    /** Window-wide: the main window's root, and the app's root around it before the workspace is up. */
    public static final Scope WINDOW = Scope.window("window");

    private final Navigation navigation;
    private final Runnable retryNow;
    private final CommandRegistry commands;

    @FXML private StackPane mainRoot;
    @FXML private Node runList;
    @FXML private Node runDetail;
    @FXML private RunListController runListController;
    @FXML private RunDetailController runDetailController;
    @FXML private KeysHelpController keysLayerController;
    @FXML private OutboxController outboxLayerController;

    /** @param retryNow asks the workspace to reconnect and send what waits at once; returns without waiting */
    public MainController(Navigation navigation, Runnable retryNow, CommandRegistry commands) {
        this.navigation = navigation;
        this.retryNow = retryNow;
        this.commands = commands;
    }

    @FXML
    private void initialize() {
        // issue 18: the detail's editors join the scene when a run is first opened, not in the list's first pulse.
        if (!navigation.isDetailOpen() && runDetail.getParent() instanceof Pane content) {
            runDetail.setVisible(false);
            DeferredLayers.defer(content, runDetail);
        }
        navigation.openRunIdProperty().addListener((obs, old, id) -> show(id != null));
        show(navigation.isDetailOpen());
        Keymap.scope(mainRoot, WINDOW);
        commands.add(
                Command.of("help", WINDOW, keysLayerController::toggle, typed("?")),
                Command.of("outbox", WINDOW, outboxLayerController::toggle, combo("Shortcut+Shift+O")),
                // Shift+R alone retries one failed action; with Ctrl it retries the connection and the whole outbox now.
                Command.of("retryNow", WINDOW, retryNow, combo("Shortcut+Shift+R")));
        // The first focus goes to the table once the window is up, so j/k work without a click.
        mainRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(runListController::focusTable);
            }
        });
    }

    private void show(boolean detail) {
        runList.setVisible(!detail);
        runDetail.setVisible(detail);
        // A hidden view must not size the window's content: a tall detail left the list shifted (probe H2).
        runList.setManaged(!detail);
        runDetail.setManaged(detail);
        if (detail) {
            runDetailController.focusChecklist();
        } else {
            runListController.focusTable();
        }
    }
}
