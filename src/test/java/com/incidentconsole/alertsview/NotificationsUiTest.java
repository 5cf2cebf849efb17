package com.incidentconsole.alertsview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.alerts.AlertDesk;
import com.incidentconsole.alerts.AlertHistory;
import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.AlertRules;
import com.incidentconsole.alerts.AlertText;
import com.incidentconsole.alerts.Debounce;
import com.incidentconsole.alerts.FanOut;
import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.Place;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The in-app side: an overdue run of mine pops up a notification in the window, its key opens the run, and the
 * history panel (a command) lists it, opens it with Enter and changes the settings from the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationsUiTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private static final JsonMapper JSON = WireJson.newMapper();
    private static final Scope WINDOW = Scope.window("window");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final Navigation navigation = new Navigation();
    private final CommandRegistry commands = new CommandRegistry();
    private AlertDesk desk;
    private NotificationsUi ui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // Something has the keyboard, as the runs table does in the app: keys typed while a notification shows
        // reach the window through the pop-up's redirect to the owner's focus owner.
        ListView<String> runs = new ListView<>();
        runs.setId("runs");
        StackPane root = new StackPane(runs);
        Keymap.scope(root, WINDOW);
        FanOut fanOut = new FanOut();
        desk = new AlertDesk(new AlertRules("me", Set.of("t"), pb -> false, UpdateCadence::nextUpdateDue, START),
                new Debounce(Duration.ofSeconds(2)),
                new AlertText(ResourceBundle.getBundle(AlertText.BUNDLE), id -> "Bob Stone", ZoneOffset.UTC, s -> s),
                new AlertHistory(50), fanOut, now::get);
        ui = new NotificationsUi(desk, fanOut, navigation, commands, WINDOW, FxBatcher.onFxThread(), root, () -> this.stage,
                ZoneOffset.UTC);
        Scene scene = new Scene(root, 900, 600);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        new Keymap(commands).attach(scene);
        stage.setScene(scene);
        stage.show();
        runs.requestFocus();
    }

    private static PlaybookRun run(String id, String owner, long reminderMinutes) {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", id).put("name", "Checkout is down").put("owner_user_id", owner).put("reporter_user_id", "bob")
                .put("team_id", "t").put("current_status", PlaybookRun.STATUS_IN_PROGRESS)
                .put("create_at", START.toEpochMilli()).put("update_at", START.toEpochMilli())
                .put("last_status_update_at", START.toEpochMilli()).put("status_update_enabled", true)
                .put("previous_reminder", reminderMinutes * 60_000_000_000L);
        return JSON.convertValue(t, PlaybookRun.class);
    }

    private void advance(Duration by) {
        now.set(now.get().plus(by));
        desk.tick();
    }

    private static List<Node> notificationsShowing() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .flatMap(root -> root.lookupAll("." + InAppNotifier.STYLE).stream()).toList();
    }

    private static boolean showsText(String text) {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .flatMap(root -> root.lookupAll(".label").stream())
                .anyMatch(n -> n instanceof Label l && text.equals(l.getText()));
    }

    @Test
    void anOverdueRunPopsUpInTheWindowAndItsKeyOpensTheRun(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        desk.changed(new RunsChange(List.of(run("r-mine", "me", 15), run("r-theirs", "bob", 15)), Set.of(), true));
        advance(Duration.ofMinutes(16));
        advance(Duration.ofSeconds(2));
        user.waitUntil("the overdue notification shows", () -> showsText("Status update overdue"));
        assertTrue(showsText("Checkout is down: the update was due at 09:15. Post one now."));
        assertFalse(notificationsShowing().isEmpty(), "a ControlsFX notification, styled as ours");
        // The pop-up does not take the keyboard: the window's key for the latest notification works at once.

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        user.waitUntil("the run is open", () -> navigation.placeProperty().get().equals(new Place.RunDetail("r-mine")));
        assertEquals(1, desk.history().entries().size(), "nothing for the run I do not own");
    }

    @Test
    void theHistoryPanelListsPastNoticesOpensTheSelectedAndChangesSettingsByKey(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx);
        desk.changed(new RunsChange(List.of(run("r-1", "me", 15)), Set.of(), true));
        advance(Duration.ofMinutes(10));
        advance(Duration.ofSeconds(2));
        advance(Duration.ofMinutes(5));
        advance(Duration.ofSeconds(2));
        user.waitUntil("two notices", () -> desk.history().entries().size() == 2);

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        user.waitUntil("the panel is open", () -> user.isVisible("#notificationsPanel"));
        @SuppressWarnings("unchecked")
        ListView<NotificationsViewModel.Row> list = fx.lookup("#notificationsHistory").queryAs(ListView.class);
        user.waitUntil("both listed, newest first", () -> list.getItems().size() == 2);
        assertEquals("Status update overdue", list.getItems().get(0).title());
        assertEquals("Status update due in 5 minutes", list.getItems().get(1).title());

        user.keys("1");
        user.waitUntil("due soon is off", () -> !ui.model().enabledProperty(AlertKind.DUE_SOON).get());
        assertFalse(desk.settings().of(AlertKind.DUE_SOON).enabled());
        user.keys("d");
        user.waitUntil("do not disturb is on", () -> ui.model().doNotDisturbProperty().get());
        assertTrue(desk.settings().doNotDisturb());

        user.press(KeyCode.DOWN);
        user.press(KeyCode.ENTER);
        user.waitUntil("the selected notice's run is open", () -> navigation.placeProperty().get()
                .equals(new Place.RunDetail("r-1")));
        assertFalse(user.isVisible("#notificationsPanel"), "the panel closed as the run opened");
        WaitForAsyncUtils.waitForFxEvents();
    }
}
