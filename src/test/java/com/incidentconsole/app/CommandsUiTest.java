package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Theme;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.KeysHelpController;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.command.Trigger;
import com.incidentconsole.shell.MainController;
import com.incidentconsole.sync.ActionTarget;
import com.incidentconsole.sync.FakeRunCommands.Call;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.TestWorkspace;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every key comes from the command registry: the palette runs them, the keys overlay lists them. */
@ExtendWith(ApplicationExtension.class)
class CommandsUiTest {

    private final CommandRegistry commands = new CommandRegistry();
    private final Theme theme = new Theme();
    private TestWorkspace workspace;
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        workspace = TestWorkspace.seeded();
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(),
                () -> TestWorkspace.NOW, ZoneOffset.UTC, commands);
        // As the app does: its own commands in the same registry, its root around the workspace's.
        StackPane root = new StackPane(ui.build(workspace));
        Keymap.scope(root, MainController.WINDOW);
        commands.addAll(AppCommands.of(theme::toggle, () -> { }, () -> { }, new SimpleBooleanProperty(false)));
        new Keymap(commands).attach(root);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeUi() {
        ui.close();
    }

    @Test
    void ctrlKFindsTheOutboxByNameAndEscGivesTheKeyboardBack(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.waitUntil("the table has the keyboard", () -> user.focusOwner() == user.runsTable());
        user.press(KeyCode.CONTROL, KeyCode.K);
        user.assertVisible("#palette");
        user.keys("outbox");
        assertFalse(user.isVisible("#outbox"), "typing only searches");
        user.press(KeyCode.ENTER);
        user.assertVisible("#outbox");
        assertFalse(user.isVisible("#palette"));

        user.press(KeyCode.ESCAPE);
        user.waitUntil("the outbox closes", () -> !user.isVisible("#outbox"));
        assertEquals(user.runsTable(), user.focusOwner(), "the keyboard is back on the table");

        user.press(KeyCode.CONTROL, KeyCode.K).press(KeyCode.ESCAPE);
        assertFalse(user.isVisible("#palette"));
        assertEquals(user.runsTable(), user.focusOwner(), "Esc closes the palette and gives the keyboard back");
    }

    @Test
    void openRunAsksWhichRunInThePalette(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.CONTROL, KeyCode.K).keys("open run").press(KeyCode.ENTER);
        user.assertVisible("#palette");
        user.keys("login").press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        assertEquals("Login latency spike", fx.lookup("#runName").queryAs(Label.class).getText());
    }

    @Test
    void changeOwnerAsksForThePersonInThePaletteAndSendsTheChange(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        user.press(KeyCode.CONTROL, KeyCode.K).keys("owner").press(KeyCode.ENTER).keys("dave").press(KeyCode.ENTER);
        assertFalse(user.isVisible("#palette"));
        assertEquals(List.of(new Call("changeOwner", TestWorkspace.DB_OUTAGE, ActionTarget.OWNER, "u-dave")),
                workspace.fakeCommands().calls());
    }

    @Test
    void ctrlKTogglesTheThemeAndTheRecentCommandComesFirst(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        String dark = Application.getUserAgentStylesheet();
        user.press(KeyCode.CONTROL, KeyCode.K).keys("light theme").press(KeyCode.ENTER);
        assertNotEquals(dark, Application.getUserAgentStylesheet());

        user.press(KeyCode.CONTROL, KeyCode.K);
        TextField search = fx.lookup("#paletteSearch").queryAs(TextField.class);
        assertEquals(search, user.focusOwner());
        user.press(KeyCode.ENTER);
        assertEquals(dark, Application.getUserAgentStylesheet(), "Enter on the first line ran the recent command again");
    }

    @Test
    void aFilterFieldKeepsTheLettersTypedIntoIt(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        String first = user.runsTable().getSelectionModel().getSelectedItem().id();
        user.keys("/").keys("jkx?");
        assertEquals("jkx?", fx.lookup("#filterField").queryAs(TextField.class).getText());
        assertFalse(user.isVisible("#keysHelp"), "? typed into the field is a character, not the keys overlay");
        user.press(KeyCode.ESCAPE);
        assertEquals(first, user.runsTable().getSelectionModel().getSelectedItem().id(), "j and k did not move the list");
    }

    @Test
    void theKeysOverlayListsExactlyWhatTheRegistryHas(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        user.keys("?");
        user.assertVisible("#keysHelp");
        List<String> shown = new ArrayList<>();
        for (Node keyCap : fx.lookup("#keysGrid .key-cap").queryAll()) {
            shown.add(((Label) keyCap).getText());
        }
        List<String> registered = KeysHelpController.lines(commands).stream()
                .filter(l -> l.keys() != null).map(KeysHelpController.Line::keys).toList();
        assertEquals(new HashSet<>(registered), new HashSet<>(shown));
        assertEquals(registered.size(), shown.size());
        assertTrue(shown.contains("Ctrl+K"), "the palette is listed");
        assertTrue(shown.contains("x  Space"), "the run detail's keys are listed");
        user.keys("?");
        user.waitUntil("? closes it again", () -> !user.isVisible("#keysHelp"));
    }

    @Test
    void everyCommandHasATitleAndNoScopeHasOneKeyTwice() {
        ResourceBundle texts = ResourceBundle.getBundle(CommandRegistry.TEXTS);
        for (Command command : commands.all()) {
            assertTrue(texts.containsKey(command.titleKey()), "no title for " + command.id());
            assertTrue(texts.containsKey(command.scope().titleKey()), "no title for scope " + command.scope().id());
        }
        for (Scope scope : commands.scopes()) {
            Set<Trigger> seen = new HashSet<>();
            for (Command command : commands.inScope(scope)) {
                for (Trigger trigger : command.triggers()) {
                    assertTrue(seen.add(trigger), trigger.display() + " twice in " + scope.id());
                }
            }
        }
        assertTrue(commands.find("run.done").isPresent() && commands.find("outbox.mine").isPresent()
                && commands.find("theme").isPresent(), "every feature contributed");
    }
}
