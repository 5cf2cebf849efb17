package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.Main;
import com.incidentconsole.datafolder.ChildJvm;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.DesktopApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Probe M1 with the real window: a second start on its data folder brings the minimised window back, then ends. */
class SecondStartUiTest {

    @RegisterExtension
    final DesktopApp desktop = new DesktopApp();

    private final FxRobot fx = new FxRobot();
    private final ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(60));

    @Test
    void aSecondStartBringsTheRunningWindowBackAndEnds() throws Exception {
        // Nothing listens on port 9: the window waits for the server (or a sign-in), which is all this needs.
        desktop.start("--server", "http://127.0.0.1:9");
        Stage stage = (Stage) fx.listTargetWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .findFirst().orElseThrow();
        Platform.runLater(() -> stage.setIconified(true));
        user.waitUntil("the window is minimised", stage::isIconified);

        ChildJvm second = ChildJvm.start(desktop.home(), List.of("-Dincident.console.home=" + desktop.home(),
                        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Djava.awt.headless=true"), Map.of("DISPLAY", ":0"), Main.class.getName(),
                "--server", "http://127.0.0.1:9");

        assertEquals(0, second.waitFor(Duration.ofSeconds(60)), second.err());
        user.waitUntil("the running window is back", () -> !stage.isIconified() && stage.isShowing());
        assertTrue(second.err().contains("already running with this data folder"), second.err());
    }
}
