package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The whole console — UI, sync, client — against the embedded sandbox server, driven by the
 * keyboard: what a commander does, and what they and the server then see.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAgainstSandboxTest {

    private final JsonMapper mapper = WireJson.newMapper();
    // Built off the FX thread (the test instance is created on the test thread), like Bootstrap does.
    // Every exchange the console's client makes is checked against the plugin's OpenAPI spec on close.
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(6, 4));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true,
            MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                    new Credentials.AccessToken(sandbox.control().credentials().token()), mapper),
            mapper, executors, store.outbox("sandbox"), Clock.systemUTC());
    private final PlaybookRun target = runWhoseFocusedItemIsOpen();
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(), Instant::now,
                ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
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
    void tickingWithTheKeyboardReachesTheServerAndShowsOnScreen(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();

        user.keys("x");

        user.waitUntil("the server has the item closed", () -> serverItem(item.id()).isDone());
        user.waitUntil("the item shows done and no longer pending", () -> user.itemClasses(item.id()).contains("done")
                && !user.itemClasses(item.id()).contains("pending"));
    }

    @Test
    void aChangeBySomeoneElseShowsWithoutAnyUserAction(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        Checklist stage = target.checklists().get(target.currentStageIndex().orElseThrow());
        ChecklistItem other = stage.items().get(stage.items().size() - 1);
        // (the last item of the stage; not the focused one, as the target run's stage has more than one item)
        String otherState = other.isSkipped() ? ChecklistItem.OPEN : ChecklistItem.SKIPPED;
        User colleague = sandbox.control().users().stream()
                .filter(u -> target.participantIds().contains(u.id()))
                .filter(u -> !u.id().equals(sandbox.control().defaultUser().id()))
                .findFirst().orElseThrow();

        MattermostConnection second = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().tokenFor(colleague.username())), mapper);
        second.checklists().setItemState(target.id(), target.currentStageIndex().orElseThrow(),
                stage.items().size() - 1, otherState);

        String expectedClass = otherState.equals(ChecklistItem.SKIPPED) ? "skipped" : "done";
        user.waitUntil("the colleague's change shows", () -> otherState.equals(ChecklistItem.SKIPPED)
                ? user.itemClasses(other.id()).contains(expectedClass)
                : !user.itemClasses(other.id()).contains("skipped"));
    }

    @Test
    void aServerErrorOnTickShowsOnTheItemWhileTheConsoleRetries(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();
        sandbox.control().inject(FaultRule.failNext(5, "PUT", ".*/item/\\d+/state", 500,
                "{\"error\":\"An internal error has occurred. Check app server logs for details.\"}"));

        user.keys("x");

        user.waitUntil("the item shows the server's error", () -> fx.lookup("#item-error").tryQuery()
                .map(n -> ((Label) n).getText()).filter(t -> t.contains("An internal error has occurred")).isPresent());
        Label error = fx.lookup("#item-error").queryAs(Label.class);
        assertTrue(error.getText().contains("500"), error.getText());
        assertTrue(user.itemClasses(item.id()).contains("pending"), "kept, not reverted: it is retried");
        assertEquals(item.state(), serverItem(item.id()).state(), "nothing changed on the server yet");
    }

    /** Filter the list by the run's name, open it with Enter, as a user would. */
    private ConsoleRobot openTargetRun(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(20));
        TableView<RunRow> table = user.runsTable();
        user.waitUntil("runs loaded", () -> table.getItems().stream().anyMatch(r -> r.id().equals(target.id())));
        user.keys("/").keys(target.name()).press(KeyCode.ENTER);
        user.waitUntil("the run is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals(target.id()));
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        user.waitUntil("the focused item shows", () -> fx.lookup(".checklist-item").queryAll().stream()
                .map(Node::getProperties).anyMatch(p -> focusedItem().id().equals(p.get("itemId"))));
        return user;
    }

    /** The item the console focuses when a run opens: the first open one of the current stage. */
    private ChecklistItem focusedItem() {
        return target.checklists().get(target.currentStageIndex().orElseThrow()).items().stream()
                .filter(i -> i.isOpen() && !i.isHidden()).findFirst().orElseThrow();
    }

    private ChecklistItem serverItem(String itemId) {
        return sandbox.control().run(target.id()).orElseThrow().checklists().stream()
                .flatMap(c -> c.items().stream()).filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    /** An ongoing run of the signed-in user with a unique name whose focused item is open. */
    private PlaybookRun runWhoseFocusedItemIsOpen() {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me) && r.participantIds().size() > 1)
                .filter(r -> r.currentStageIndex().isPresent())
                .filter(r -> r.checklists().get(r.currentStageIndex().get()).items().stream()
                        .anyMatch(i -> i.state().isEmpty() && !i.isHidden()))
                .filter(r -> r.checklists().get(r.currentStageIndex().get()).items().size() > 1)
                .filter(r -> sandbox.control().runs().stream().filter(o -> o.name().contains(r.name())).count() == 1)
                .min(Comparator.comparing(PlaybookRun::name))
                .orElseThrow(() -> new IllegalStateException("the seed has no suitable run"));
    }
}
