package com.incidentconsole.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.app.WorkspaceUi;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #16, the timeline half: keyboard only against the sandbox, a commander adds a channel post and a manual event
 * to the run's timeline, filters it by text and by type, stars an event and lists the starred alone, copies it as
 * Markdown and deletes an event — each seen on screen and on the sandbox's run (the stars in the local store).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineWorkbenchUiTest {

    private static final String POST_TEXT = "Primary DB is read-only since 03:10; failing over to the replica in eu-west-2 "
            + "now, expect 5 minutes of write errors on checkout.";

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(3, 0));
    private final SandboxServer sandbox = fixture.server();
    private final MattermostConnection connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
            new Credentials.AccessToken(sandbox.control().credentials().token()), mapper);
    private final PlaybookRun target = sandbox.control().runs().stream()
            .filter(r -> r.currentStatus().equals("InProgress")
                    && r.ownerUserId().equals(sandbox.control().defaultUser().id()))
            .findFirst().orElseThrow();
    private final Post post = connection.posts().create(target.channelId(), POST_TEXT);
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connection, mapper, executors,
            store.outbox("sandbox"), Clock.systemUTC());
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(), Instant::now,
                ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 860);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        ui.installTimeline(workspace, () -> Optional.of(connection), () -> Optional.of(store.stars("sandbox")));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        ui.close();
        workspace.close();
        executors.close();
        store.close();
        connection.close();
        fixture.close();
    }

    @Test
    void addFilterStarCopyAndDeleteFromTheKeyboard(FxRobot fx) {
        ConsoleRobot user = openTimeline(fx);
        int before = liveEvents().size();

        // Add the channel post: p, pick it by a few of its words, give it a summary.
        user.keys("p");
        user.assertVisible("#palette");
        user.keys("failing over replica").press(KeyCode.ENTER);
        user.waitUntil("the form shows the post", () -> user.isVisible("#timelineAddForm")
                && label(fx, "#timelineAddPost").contains("read-only since 03:10"));
        user.press(KeyCode.SHORTCUT, KeyCode.A).keys("Failover to the replica started");
        user.press(KeyCode.SHORTCUT, KeyCode.ENTER);
        user.waitUntil("the post is an event on the sandbox", () -> liveEvents().stream().anyMatch(e ->
                e.eventType().equals(TimelineEvent.EVENT_FROM_POST) && e.postId().equals(post.id())
                        && e.summary().equals("Failover to the replica started")));
        user.waitUntil("and on screen, settled", () -> rows(fx).stream().anyMatch(r -> !r.isPendingAddition()
                && r.text().startsWith("Failover to the replica started\n" + POST_TEXT)));

        // A manual event: n, summary, details; posted to the channel and added, as the CLI does.
        user.keys("n");
        user.assertVisible("#timelineAddForm");
        user.keys("Customer comms sent").press(KeyCode.TAB).keys("Status page updated: EU checkout degraded.");
        user.press(KeyCode.SHORTCUT, KeyCode.ENTER);
        user.waitUntil("the manual event is on the sandbox", () -> liveEvents().stream().anyMatch(e ->
                e.eventType().equals(TimelineEvent.EVENT_FROM_POST) && e.summary().equals("Customer comms sent")));
        TimelineEvent manual = liveEvents().stream().filter(e -> e.summary().equals("Customer comms sent")).findFirst()
                .orElseThrow();
        assertEquals("Status page updated: EU checkout degraded.", connection.posts().forChannel(target.channelId(), 0, 5)
                .posts().get(manual.postId()).message(), "the details are the post's text");
        assertEquals(before + 2, liveEvents().size(), "each added exactly once");

        // Filter by text, then by type.
        user.keys("/").keys("comms").press(KeyCode.ENTER);
        user.waitUntil("only the matching event", () -> rows(fx).size() == 1
                && rows(fx).get(0).text().startsWith("Customer comms sent"));
        assertTrue(label(fx, "#timelineCounts").startsWith("1 of " + (before + 2) + " events"), label(fx, "#timelineCounts"));
        user.press(KeyCode.BACK_SPACE);
        user.waitUntil("every event again", () -> rows(fx).size() == before + 2);
        user.keys("f");
        user.assertVisible("#palette");
        user.keys("From a post").press(KeyCode.ENTER);
        long fromPosts = liveEvents().stream().filter(e -> e.eventType().equals(TimelineEvent.EVENT_FROM_POST)).count();
        user.waitUntil("only events from posts", () -> rows(fx).size() == fromPosts
                && rows(fx).stream().allMatch(r -> r.eventType().equals(TimelineEvent.EVENT_FROM_POST)));

        // Star the newest (the manual event), list the starred alone, copy it as Markdown.
        user.press(KeyCode.END).keys("s");
        user.waitUntil("starred on screen", () -> rows(fx).stream().anyMatch(r -> r.starred()
                && r.id().equals(manual.id())));
        user.waitUntil("starred in the local store", () -> store.stars("sandbox").starred(target.id())
                .contains(manual.id()));
        user.press(KeyCode.BACK_SPACE).keys("*");
        user.waitUntil("starred only", () -> rows(fx).size() == 1 && rows(fx).get(0).id().equals(manual.id()));
        user.press(KeyCode.END).press(KeyCode.SHORTCUT, KeyCode.C);
        user.waitUntil("copied as Markdown", () -> Clipboard.getSystemClipboard().getString() != null
                && Clipboard.getSystemClipboard().getString().startsWith("- **")
                && Clipboard.getSystemClipboard().getString().contains("From a post")
                && Clipboard.getSystemClipboard().getString().contains("Customer comms sent"));

        // Delete it: asks first, then the sandbox marks it deleted and the screen drops it.
        user.press(KeyCode.DELETE);
        user.waitUntil("asks first", () -> user.isVisible("#timelineQuestion"));
        assertTrue(liveEvents().stream().anyMatch(e -> e.id().equals(manual.id())), "nothing deleted before Enter");
        user.press(KeyCode.ENTER);
        user.waitUntil("deleted on the sandbox", () -> liveEvents().stream().noneMatch(e -> e.id().equals(manual.id())));
        user.waitUntil("gone from the screen", () -> rows(fx).stream().noneMatch(r -> r.id().equals(manual.id())));
        assertFalse(user.isVisible("#timelineQuestion"));
    }

    private ConsoleRobot openTimeline(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(20));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<RunRow> table = fx.lookup("#runsTable").queryAs(javafx.scene.control.TableView.class);
        user.waitUntil("runs loaded", () -> table.getItems().stream().anyMatch(r -> r.id().equals(target.id())));
        user.keys("/").keys(target.name()).press(KeyCode.ENTER);
        user.waitUntil("the run is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals(target.id()));
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        user.keys("t");
        user.waitUntil("the timeline has the keyboard", () -> user.focusOwner() == fx.lookup("#timeline").query());
        return user;
    }

    private List<TimelineEvent> liveEvents() {
        return sandbox.control().run(target.id()).orElseThrow().timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<TimelineRow> rows(FxRobot fx) {
        return List.copyOf(fx.lookup("#timeline").queryAs(ListView.class).getItems());
    }

    private static String label(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }
}
