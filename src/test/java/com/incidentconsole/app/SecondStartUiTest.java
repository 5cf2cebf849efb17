package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.Main;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.datafolder.ChildJvm;
import com.incidentconsole.uitest.ConsoleRobot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Probe M1 with the real window: a second start on its data folder brings the minimised window back, then ends. */
class SecondStartUiTest {

    @TempDir
    Path home;

    private final FxRobot fx = new FxRobot();
    private final ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(60));
    private Application app;
    private String previousHome;
    private String previousStore;

    @BeforeEach
    void setUp() throws Exception {
        previousHome = System.setProperty("incident.console.home", home.toString());
        previousStore = System.setProperty(CredentialVault.STORE_PROPERTY, "file");
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        restore("incident.console.home", previousHome);
        restore(CredentialVault.STORE_PROPERTY, previousStore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aSecondStartBringsTheRunningWindowBackAndEnds() throws Exception {
        // Nothing listens on port 9: the window waits for the server (or a sign-in), which is all this needs.
        app = FxToolkit.setupApplication(IncidentConsoleApp.class, "--server", "http://127.0.0.1:9");
        Stage stage = (Stage) fx.listTargetWindows().stream().filter(w -> w instanceof Stage && w.isShowing())
                .findFirst().orElseThrow();
        Platform.runLater(() -> stage.setIconified(true));
        user.waitUntil("the window is minimised", stage::isIconified);

        ChildJvm second = ChildJvm.start(home, List.of("-Dincident.console.home=" + home,
                        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Djava.awt.headless=true"), Map.of("DISPLAY", ":0"), Main.class.getName(),
                "--server", "http://127.0.0.1:9");

        assertEquals(0, second.waitFor(Duration.ofSeconds(60)), second.err());
        user.waitUntil("the running window is back", () -> !stage.isIconified() && stage.isShowing());
        assertTrue(second.err().contains("already running with this data folder"), second.err());
    }
}
