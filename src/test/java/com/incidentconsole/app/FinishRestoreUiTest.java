package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.CuttableLink;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #13 §2: a commander finishes and restores a run from the keyboard, each asked for in the
 * confirm bar, through the outbox to the sandbox — also with the network down, where the finish waits,
 * visibly pending, and is applied once when the network is back. A finished run's checklist refuses
 * ticks with words and offers restore.
 */
@Tag("slow") // 40-90 s on a loaded 2-core box: the wait for the queue's own retry after the network is back is real
@ExtendWith(ApplicationExtension.class)
class FinishRestoreUiTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(6, 2));
    private final SandboxServer sandbox = fixture.server();
    private final CuttableLink link = linkTo(sandbox.baseUrl().getPort());
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true,
            MattermostConnection.open(new ServerAddress(URI.create("http://127.0.0.1:" + link.port())),
                    new Credentials.AccessToken(sandbox.control().credentials().token()), mapper),
            mapper, executors, store.outbox("sandbox"), Clock.systemUTC());
    private final PlaybookRun target = myOngoingRun();
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
        link.close();
        fixture.close();
    }

    @Test
    void finishAndRestoreFromTheKeyboardOnlineAndOffline(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        ChecklistItem item = focusedItem();

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        user.waitUntil("the confirm bar asks", () -> user.isVisible("#confirmBar"));
        assertFalse(serverRun().isFinished(), "nothing sent before confirming");
        user.press(KeyCode.ENTER);
        user.waitUntil("finished on the server", () -> serverRun().isFinished());
        user.waitUntil("shown finished, confirmed", () -> "Finished".equals(text(fx, "#runStatus"))
                && user.isVisible("#readOnlyNotice") && !user.isVisible("#confirmBar"));

        user.keys("x");
        assertFalse(user.itemClasses(item.id()).contains("pending"), "a tick on a finished run is refused here");
        assertEquals(item.state(), serverItem(item.id()).state());

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U);
        user.waitUntil("the confirm bar asks to restore", () -> user.isVisible("#confirmBar"));
        user.press(KeyCode.ESCAPE);
        user.waitUntil("cancelled", () -> !user.isVisible("#confirmBar") && user.isVisible("#runDetail"));
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).press(KeyCode.ENTER);
        user.waitUntil("in progress on the server", () -> !serverRun().isFinished());
        user.waitUntil("writable again", () -> !user.isVisible("#readOnlyNotice"));

        long finishesBefore = finishEvents();
        link.cut();
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).press(KeyCode.ENTER);
        user.waitUntil("finished on screen, pending, with the network down",
                () -> text(fx, "#runStatus").startsWith("Finished ·"));
        assertFalse(serverRun().isFinished());

        link.restore();
        user.waitUntil("applied when the network is back", () -> serverRun().isFinished()
                && "Finished".equals(text(fx, "#runStatus")));
        assertEquals(finishesBefore + 1, finishEvents(), "applied once");
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private long finishEvents() {
        return serverRun().timelineEvents().stream()
                .filter(e -> TimelineEvent.RUN_FINISHED.equals(e.eventType()) && e.deleteAt() == 0).count();
    }

    private ConsoleRobot openTargetRun(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(30));
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

    private ChecklistItem focusedItem() {
        return target.checklists().get(target.currentStageIndex().orElseThrow()).items().stream()
                .filter(i -> i.isOpen() && !i.isHidden()).findFirst().orElseThrow();
    }

    private PlaybookRun serverRun() {
        return sandbox.control().run(target.id()).orElseThrow();
    }

    private ChecklistItem serverItem(String itemId) {
        return serverRun().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    /** An ongoing run I take part in, with a unique name and an open item to land on. */
    private PlaybookRun myOngoingRun() {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me))
                .filter(r -> r.currentStageIndex().isPresent())
                .filter(r -> r.checklists().get(r.currentStageIndex().get()).items().stream()
                        .anyMatch(i -> i.state().isEmpty() && !i.isHidden()))
                .filter(r -> sandbox.control().runs().stream().filter(o -> o.name().contains(r.name())).count() == 1)
                .min(Comparator.comparing(PlaybookRun::name))
                .orElseThrow(() -> new IllegalStateException("the seed has no suitable run"));
    }

    private static CuttableLink linkTo(int port) {
        try {
            return CuttableLink.to(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
