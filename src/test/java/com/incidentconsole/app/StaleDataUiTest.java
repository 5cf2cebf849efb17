package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.sync.SyncProgress;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window started from the cache with the server down: the user sees that the runs are an older
 * copy and how old, on the list and on a run; then the sync's progress; then, once confirmed, no mark.
 */
@ExtendWith(ApplicationExtension.class)
class StaleDataUiTest {

    /** Saved 41 minutes before the tests' 04:00 UTC. */
    private static final Instant SAVED = TestWorkspace.NOW.minus(Duration.ofMinutes(41));

    private TestWorkspace workspace;
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        workspace.setConnection(new ConnectionStatus(ConnectionState.RECONNECTING,
                Optional.of(TestWorkspace.NOW.plusSeconds(4)), "connection refused").staleSince(SAVED));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(),
                () -> TestWorkspace.NOW, ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeUi() {
        ui.close();
    }

    @Test
    void theStaleMarkAndTheSyncProgressShowUntilTheServerConfirms(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.waitUntil("the cached runs show", () -> user.runsTable().getItems().size() == 3);
        user.assertVisible("#staleBanner");
        assertEquals("Not confirmed by the server: showing data from 03:19 (41 min ago). What you do is kept in the "
                + "outbox and sent when the server answers.", text(fx, "#staleText"));
        assertEquals("Offline — retrying in 4 s · showing data from 03:19 (41 min ago)", text(fx, "#connectionLabel"));
        assertFalse(user.isVisible("#syncProgress"), "no progress bar while nothing loads");

        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        assertTrue(user.isVisible("#staleBanner"), "a run opened from the cache is marked too");

        // The server answers: the engine reports the load from its own thread, page by page.
        onAnotherThread(() -> workspace.setConnection(ConnectionStatus.of(ConnectionState.SYNCING).staleSince(SAVED)
                .withProgress(new SyncProgress(SyncProgress.Phase.RUNS, 400, 1240))));
        user.waitUntil("the progress shows", () -> text(fx, "#connectionLabel")
                .equals("Syncing runs 400 / 1,240 · showing data from 03:19 (41 min ago)"));
        user.assertVisible("#syncProgress");
        assertEquals(400.0 / 1240, fx.lookup("#syncProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);

        onAnotherThread(() -> workspace.setConnection(ConnectionStatus.of(ConnectionState.LIVE)));
        user.waitUntil("live, and the mark is gone", () -> text(fx, "#connectionLabel").equals("Live")
                && !user.isVisible("#staleBanner"));
        assertFalse(user.isVisible("#syncProgress"));
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private static void onAnotherThread(Runnable change) {
        Thread thread = new Thread(change, "sync-engine");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
