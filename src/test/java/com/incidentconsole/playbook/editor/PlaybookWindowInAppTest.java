package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.uitest.ConsoleRobot;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real app (which starts the sandbox when no server is configured): its playbook window gets the signed-in
 * connection, so the server bar names it and the pull picker lists that server's playbooks.
 */
class PlaybookWindowInAppTest {

    @TempDir
    Path library;

    private Application app;

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(IncidentConsoleApp.class, "--library=" + library);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void thePlaybookWindowPullsFromTheAppsSignedInServer() {
        FxRobot fx = new FxRobot();
        // Patient: the app starts the sandbox and signs in first, which takes long on a loaded machine.
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(60));
        user.waitUntil("the workspace shows", () -> fx.lookup("#mainRoot").tryQuery().isPresent());

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        user.waitUntil("the playbook window names the sandbox", () -> fx.lookup("#serverLabel").tryQuery()
                .map(n -> "Sandbox".equals(((Label) n).getText())).orElse(false));
        user.waitUntil("the library list has the keyboard", () -> fx.lookup("#fileList").query().isFocused());

        user.press(KeyCode.CONTROL, KeyCode.P);
        user.waitUntil("the picker lists the sandbox's playbooks", () -> fx.lookup("#playbookTable").tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        assertTrue(fx.lookup("#searchField").query().isFocused(), "typing searches at once");
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the picker closed", () -> !fx.lookup("#pullLayer").query().isVisible());
    }
}
