package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.incidentconsole.uitest.ConsoleRobot;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real entry point: the window shows at once, then either the workspace or a clear message —
 * whichever the {@link Bootstrap} of the day produces — and never a frozen or blank window.
 */
class IncidentConsoleAppTest {

    private Application app;

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(IncidentConsoleApp.class);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theWindowShowsAtOnceThenTheWorkspaceOrWhyNot() {
        FxRobot fx = new FxRobot();
        ConsoleRobot user = new ConsoleRobot(fx);
        Stage stage = (Stage) fx.listTargetWindows().stream().filter(w -> w instanceof Stage).findFirst().orElseThrow();
        assertEquals("Incident Console", stage.getTitle());

        user.waitUntil("the workspace or a clear failure shows", () -> fx.lookup("#mainRoot").tryQuery().isPresent()
                || "Could not connect".equals(fx.lookup("#startupHeadline").tryQuery()
                        .map(n -> ((Label) n).getText()).orElse("")));
        fx.lookup("#startupDetail").tryQuery().ifPresent(detail ->
                assertEquals(true, ((Label) detail).getText().contains("What to do"), "says what to do"));
    }

    @Test
    void ctrlShiftLSwitchesBetweenDarkAndLight() {
        FxRobot fx = new FxRobot();
        String dark = Application.getUserAgentStylesheet();
        new ConsoleRobot(fx).press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        assertNotEquals(dark, Application.getUserAgentStylesheet());
        new ConsoleRobot(fx).press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        assertEquals(dark, Application.getUserAgentStylesheet());
    }
}
