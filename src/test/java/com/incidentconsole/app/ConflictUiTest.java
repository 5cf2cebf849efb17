package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.shell.OutboxViewModel;
import com.incidentconsole.sync.ActionConflict;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestWorkspace;
import com.incidentconsole.wire.ChecklistItem;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A conflict — a colleague changed the item while my tick waited — as the commander meets it: marked
 * on the item, both versions side by side in the outbox, resolved from the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictUiTest {

    private static final String DB = TestWorkspace.DB_OUTAGE;
    private static final ActionTarget BRIDGE = ActionTarget.item(DB, "i-channel");
    private static final long THREE_MINUTES_LATER = TestWorkspace.NOW.toEpochMilli() + 3 * TestWorkspace.MINUTE;

    private TestWorkspace workspace;
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
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

    private static ActionConflict skippedByBob() {
        return new ActionConflict(ActionConflict.Kind.CHANGED, ChecklistItem.OPEN, ChecklistItem.SKIPPED, "u-bob",
                THREE_MINUTES_LATER, "");
    }

    @SuppressWarnings("unchecked")
    private static ListView<OutboxViewModel.Entry> outboxList(FxRobot fx) {
        return fx.lookup("#outboxList").queryAs(ListView.class);
    }

    @Test
    void aConflictIsMarkedOnTheItemAndResolvedInTheOutboxFromTheKeyboard(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("x");
        workspace.fakeCommands().conflict(BRIDGE, skippedByBob());

        user.waitUntil("the item is marked", () -> user.itemClasses("i-channel").contains("conflict"));
        Label marker = fx.from(user.item("i-channel")).lookup(".item-error").queryAs(Label.class);
        assertEquals("Conflict — server now: skipped by Bob Baker — Shift+R apply mine · Backspace keep the "
                + "server's · Ctrl+Shift+O compare", marker.getText());
        assertTrue(user.itemClasses("i-channel").contains("done"), "my intent stays on screen until I choose");
        assertTrue(fx.lookup("#actionsLabel").queryAs(Label.class).getText().contains("1 in conflict"),
                "the status bar counts the conflict");

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        user.assertVisible("#outbox");
        user.waitUntil("the conflict is listed", () -> outboxList(fx).getItems().size() == 1
                && outboxList(fx).getItems().get(0).conflict());
        Label yours = fx.lookup(".conflict-yours").queryAs(Label.class);
        Label theirs = fx.lookup(".conflict-theirs").queryAs(Label.class);
        assertTrue(yours.getText().startsWith("Yours: Set item state (was open when you acted at "), yours.getText());
        assertEquals("Server now: skipped by Bob Baker at 04:03", theirs.getText());
        Bounds mine = yours.localToScene(yours.getBoundsInLocal());
        Bounds server = theirs.localToScene(theirs.getBoundsInLocal());
        assertTrue(mine.getMaxX() <= server.getMinX() && mine.getMinY() == server.getMinY(),
                "side by side: " + mine + " | " + server);
        assertTrue(fx.lookup(".outbox-conflict").lookup((Label l) -> l.getText().startsWith("Enter or M: apply mine"))
                .tryQuery().isPresent(), "the keys are shown next to the choice");

        user.press(KeyCode.ENTER);

        user.waitUntil("mine is sent again", () -> workspace.fakeCommands().calls().size() == 2);
        assertEquals(new Call("retry", DB, "item:i-channel", ChecklistItem.CLOSED),
                workspace.fakeCommands().calls().get(1));
        user.waitUntil("waiting for the server again", () -> !outboxList(fx).getItems().get(0).conflict()
                && "Waiting".equals(outboxList(fx).getItems().get(0).state()));

        workspace.fakeCommands().conflict(BRIDGE, skippedByBob());
        user.waitUntil("a conflict again", () -> outboxList(fx).getItems().get(0).conflict());
        user.press(KeyCode.T);

        user.waitUntil("the server's version stays", () -> outboxList(fx).getItems().isEmpty());
        assertEquals(2, workspace.fakeCommands().calls().size(), "keeping the server's sends nothing");
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the outbox closes", () -> !user.isVisible("#outbox"));
        user.waitUntil("the item shows the server's state", () -> !user.itemClasses("i-channel").contains("conflict")
                && !user.itemClasses("i-channel").contains("done"));
    }

    @Test
    void aConflictOnAFinishedRunCannotBeAppliedAndSaysWhy(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER).keys("x");
        workspace.fakeCommands().conflict(BRIDGE, new ActionConflict(ActionConflict.Kind.RUN_FINISHED,
                ChecklistItem.OPEN, ChecklistItem.OPEN, "u-bob", THREE_MINUTES_LATER, "cannot modify a finished run (400)"));
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        user.waitUntil("the conflict is listed", () -> outboxList(fx).getItems().size() == 1
                && outboxList(fx).getItems().get(0).conflict());
        OutboxViewModel.Entry entry = outboxList(fx).getItems().get(0);
        assertEquals("Server now: the run was finished by Bob Baker at 04:03", entry.theirs());
        assertTrue(entry.detail().contains("Yours cannot be applied while the run is finished"), entry.detail());

        user.press(KeyCode.M).press(KeyCode.ENTER);
        assertEquals(1, workspace.fakeCommands().calls().size(), "apply mine is not offered, so nothing is sent");

        user.press(KeyCode.DELETE);
        user.waitUntil("kept the server's", () -> outboxList(fx).getItems().isEmpty());
    }
}
