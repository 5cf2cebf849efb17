package com.incidentconsole.reportexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.report.ReportFormat;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The export dialog opened on a run: it names the run, offers the three formats, is idle, and Esc closes it. */
@ExtendWith(ApplicationExtension.class)
class ReportExportUiTest {

    private TestWorkspace workspace;
    private ReportExportUi ui;
    private Stage main;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        RunReportSource source = new RunReportSource(workspace, Optional::empty, Clock.systemUTC(), ZoneOffset.UTC);
        ui = new ReportExportUi(workspace, source, ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE),
                FxBatcher.onFxThread(), Runnable::run, file -> { }, List.of(
                        IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm()));
        stage.setScene(new Scene(new Button("Run"), 400, 200));
        stage.show();
        main = stage;
    }

    @Test
    void theDialogNamesTheRunOffersEveryFormatAndEscClosesIt(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        fx.interact(() -> ui.exportRun(TestWorkspace.DB_OUTAGE, main));
        user.assertVisible("#exportRunName");
        assertEquals("Database outage eu-west", fx.lookup("#exportRunName").queryAs(Label.class).getText());
        assertEquals(List.of(ReportFormat.values()), fx.lookup("#exportFormat").queryAs(ComboBox.class).getItems());
        assertFalse(fx.lookup("#exportProgress").queryAs(ProgressIndicator.class).isVisible(), "idle: no progress");
        assertFalse(fx.lookup("#exportOpen").queryAs(Button.class).isVisible(), "nothing to open yet");

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the dialog closed", () -> Window.getWindows().stream().noneMatch(w -> w != main && w.isShowing()));
    }

    @Test
    void exportIsEnabledOnlyWhileARunIsOpen() {
        Navigation navigation = new Navigation();
        var enabled = ReportExportUi.enabled(navigation.openRunIdProperty());
        assertFalse(enabled.get());
        navigation.openRun(TestWorkspace.DB_OUTAGE);
        assertTrue(enabled.get());
        navigation.backToList();
        assertFalse(enabled.get());
    }
}
