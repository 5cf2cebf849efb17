package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #14 §7–8, keyboard only, against the sandbox, in a 1024×700 window: the triage chips and the
 * sort from their keys and the palette, one key clearing every filter, a run started elsewhere
 * announced over the open run detail and opened with its key, and nothing important cut off.
 */
@ExtendWith(ApplicationExtension.class)
class RunListTriageUiTest {

    private static final double WIDTH = 1024;
    private static final double HEIGHT = 700;

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(10, 6));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connect(me()), mapper, executors,
            store.outbox("sandbox"), Clock.systemUTC());
    private WorkspaceUi ui;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(), Instant::now,
                ZoneOffset.UTC);
        scene = new Scene(ui.build(workspace), WIDTH, HEIGHT);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        ui.close();
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    @Test
    void filtersAndSortFromTheKeyboardAndEscClearsThemAll(FxRobot fx) {
        ConsoleRobot user = loaded(fx);
        TableView<RunRow> table = user.runsTable();
        int all = table.getItems().size();
        String me = me().id();

        user.keys("m");
        user.waitUntil("only my runs", () -> table.getItems().size() < all && !table.getItems().isEmpty());
        assertTrue(table.getItems().stream().map(RunRow::run).allMatch(r -> me.equals(r.ownerUserId())
                || r.participantIds().contains(me)), "mine: owner or participant");
        user.keys("s");
        user.waitUntil("and in progress", () -> table.getItems().stream().noneMatch(r -> r.run().isFinished()));
        assertTrue(user.isVisible("#clearFiltersHint"), "the filter state is visible");
        assertTrue(text(fx, "#clearFiltersHint").contains("2 filters"), text(fx, "#clearFiltersHint"));

        user.press(KeyCode.ESCAPE);
        user.waitUntil("Esc clears every chip", () -> table.getItems().size() == all);
        assertFalse(user.isVisible("#clearFiltersHint"));

        Team team = workspace.teams().get(0);
        user.press(KeyCode.CONTROL, KeyCode.K).keys("Filter by team").press(KeyCode.ENTER);
        user.keys(team.displayName()).press(KeyCode.ENTER);
        user.waitUntil("only that team's runs", () -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> r.run().teamId().equals(team.id())));
        String chipTitle = fx.lookup("#teamChip").queryAs(CheckComboBox.class).getTitle();
        assertTrue(chipTitle.contains(team.displayName()), "the team chip names the team ticked: " + chipTitle);
        user.press(KeyCode.ESCAPE);
        user.waitUntil("cleared", () -> table.getItems().size() == all);

        user.keys("3");
        user.waitUntil("sorted by owner", () -> isSorted(table, r -> r.ownerProperty().get(), true));
        assertEquals("Owner", table.getSortOrder().get(0).getText(), "the header shows the sort");
        assertEquals(TableColumn.SortType.ASCENDING, table.getSortOrder().get(0).getSortType(), "the header's arrow points up");
        assertTrue(text(fx, "#sortLabel").contains("Owner \u2191"), text(fx, "#sortLabel"));
        user.keys("0");
        user.waitUntil("reversed", () -> isSorted(table, r -> r.ownerProperty().get(), false));
        user.keys("9");
        user.waitUntil("newest first", () -> isSortedBy(table, r -> r.run().createAt()));
        assertTrue(text(fx, "#sortLabel").contains("Started \u2193"), text(fx, "#sortLabel"));
    }

    @Test
    void aRunStartedElsewhereIsAnnouncedInTheOpenRunAndItsKeyOpensIt(FxRobot fx) {
        ConsoleRobot user = loaded(fx);
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        assertFalse(user.isVisible("#arrivalBar"));

        PlaybookRun started = startElsewhere("Checkout 500s in eu-west");
        user.waitUntil("the run arrived", () -> workspace.runs().get(started.id()).isPresent());
        PlaybookRun held = workspace.runs().get(started.id()).orElseThrow();
        String name = held.name(); // the playbook's name template may have renamed it
        user.waitUntil("announced over the detail", () -> user.isVisible("#arrivalBar")
                && text(fx, "#arrivalBar").contains(name) && text(fx, "#arrivalBar").contains("Ctrl+Shift+J"));
        assertTrue(within(fx.lookup("#arrivalBar").query()), "the announcement is inside the window");

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J);
        user.waitUntil("the new run is open", () -> user.isVisible("#runDetail")
                && text(fx, "#runName").contains(name));
        assertFalse(user.isVisible("#arrivalBar"), "announced until opened");
        assertTrue(workspace.runs().get(started.id()).isPresent());
    }

    @Test
    void atTenTwentyFourBySevenHundredNothingImportantIsCutOff(FxRobot fx) {
        ConsoleRobot user = loaded(fx);
        TableView<RunRow> table = user.runsTable();
        double columns = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(columns <= table.getWidth() + 1, "no column is pushed out sideways: " + columns + " > " + table.getWidth());
        for (TableColumn<RunRow, ?> column : table.getColumns()) {
            assertTrue(column.isVisible() && column.getWidth() >= 60, column.getText() + " is " + column.getWidth() + " px");
        }
        for (String control : List.of("#filterField", "#statusChip", "#runsCount", "#mineChip", "#teamChip",
                "#playbookChip", "#ownerChip")) {
            assertTrue(within(fx.lookup(control).query()), control + " is inside the window");
        }
        assertStatusBarFits(fx);

        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        user.waitUntil("the detail laid out", () -> fx.lookup("#runName").queryAs(Label.class).getWidth() > 0);
        for (String control : List.of("#backButton", "#runName", "#runStatus")) {
            assertTrue(within(fx.lookup(control).query()), control + " is inside the window");
        }
        assertStatusBarFits(fx);
    }

    /** Every part of the status bar is inside the window, none cut short: the connection state is the point of it. */
    private void assertStatusBarFits(FxRobot fx) {
        Parent bar = fx.lookup("#statusBar").queryAs(Parent.class);
        assertTrue(within(bar), "the status bar is inside the window");
        for (Node child : bar.getChildrenUnmodifiable()) {
            if (child.isVisible() && child.isManaged()) {
                assertTrue(within(child), "status bar part " + child.getId() + " is inside the window");
                if (child instanceof Labeled label && label.getText() != null && !label.getText().isEmpty()) {
                    assertTrue(label.getWidth() + 0.5 >= label.prefWidth(-1),
                            "status bar part " + child.getId() + " is not cut: " + label.getText());
                }
            }
        }
    }

    private boolean within(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getWidth() > 0 && b.getMinX() >= -0.5 && b.getMaxX() <= scene.getWidth() + 0.5
                && b.getMinY() >= -0.5 && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    private ConsoleRobot loaded(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(40));
        TableView<RunRow> table = user.runsTable();
        user.waitUntil("runs loaded", () -> workspace.connection().state() == ConnectionState.LIVE
                && !table.getItems().isEmpty() && table.getItems().size() == workspace.runs().all().size()
                && !workspace.teams().isEmpty());
        // Into the table from the keyboard: the filter field, then Enter back to the list.
        user.keys("/").press(KeyCode.ENTER);
        return user;
    }

    private static boolean isSorted(TableView<RunRow> table, java.util.function.Function<RunRow, String> key, boolean up) {
        List<String> keys = table.getItems().stream().map(key).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (int i = 1; i < keys.size(); i++) {
            int order = keys.get(i - 1).compareTo(keys.get(i));
            if (up ? order > 0 : order < 0) {
                return false;
            }
        }
        return keys.size() > 1;
    }

    private static boolean isSortedBy(TableView<RunRow> table, java.util.function.ToLongFunction<RunRow> descending) {
        List<RunRow> items = table.getItems();
        for (int i = 1; i < items.size(); i++) {
            if (descending.applyAsLong(items.get(i - 1)) < descending.applyAsLong(items.get(i))) {
                return false;
            }
        }
        return true;
    }

    private PlaybookRun startElsewhere(String name) {
        Team team = workspace.teams().get(0);
        User colleague = sandbox.control().users().stream()
                .filter(u -> !u.id().equals(me().id()) && sandbox.control().isTeamMember(team.id(), u.id()))
                .findFirst().orElseThrow();
        MattermostConnection theirs = connect(colleague);
        Playbook playbook = theirs.playbooks().listAll(team.id()).stream().findFirst().orElseThrow();
        // A colleague starts it and makes me its commander: I am in its channel, so its creation reaches me live.
        return theirs.runs().create(RunCreateOptions.fromPlaybook(playbook.id(), team.id(), name, me().id(), ""));
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Labeled.class).getText();
    }

    private User me() {
        return sandbox.control().defaultUser();
    }

    private MattermostConnection connect(User user) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().tokenFor(user.username())), mapper);
    }
}
