package com.incidentconsole.runops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.app.WorkspaceUi;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runinfo.RunInfo;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.CuttableLink;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #14 items 1, 3, 4 and 5 from the keyboard against the sandbox: Ctrl+N starts a run that opens and
 * exists on the server; F2 renames it and sets its summary; + adds a participant; Ctrl+Shift+A announces it in
 * a channel (the post is there); i shows the numbers the run has; C opens its channel's permalink; and a start
 * with the network cut is shown pending and made exactly once when the network is back.
 */
@ExtendWith(ApplicationExtension.class)
class RunOpsUiTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(4, 1));
    private final SandboxServer sandbox = fixture.server();
    private final CuttableLink link = linkTo(sandbox.baseUrl().getPort());
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final MattermostConnection connection = MattermostConnection.open(
            new ServerAddress(URI.create("http://127.0.0.1:" + link.port())),
            new Credentials.AccessToken(sandbox.control().credentials().token()), mapper);
    /** A second way in that the cut never touches: what the server holds, as a colleague would see it. */
    private final MattermostConnection direct = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
            new Credentials.AccessToken(sandbox.control().credentials().token()), mapper);
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connection, mapper, executors,
            store.outbox("sandbox"), Clock.systemUTC());
    private final List<String> browsed = new CopyOnWriteArrayList<>();
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(), Instant::now,
                ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
        ui.installRunOps(workspace, () -> Optional.of(connection), browsed::add);
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
        direct.close();
        fixture.close();
    }

    @Test
    void aCommanderStartsARunAndRunsItFromTheKeyboard(FxRobot fx) {
        ConsoleRobot user = loaded(fx);
        Playbook playbook = aPlaybook();
        String name = "Acme EU app servers degraded";
        long since = System.currentTimeMillis() - 1_000;

        startRun(user, playbook, name);
        PlaybookRun made = waitForRun(user, playbook, since);
        user.waitUntil("the new run opens", () -> user.isVisible("#runDetail")
                && made.name().equals(fx.lookup("#runName").queryAs(Label.class).getText()));
        assertEquals(playbook.id(), made.playbookId());
        assertEquals(sandbox.control().defaultUser().id(), made.reporterUserId());

        user.press(KeyCode.F2);
        user.assertVisible("#runFields");
        user.press(KeyCode.SHORTCUT, KeyCode.A).keys("Acme EU: app servers degraded").press(KeyCode.TAB);
        user.press(KeyCode.SHORTCUT, KeyCode.A).keys("**Impact**: EU checkout 5x slower");
        user.waitUntil("the preview shows the Markdown", () -> fx.lookup("#fieldsPreview").queryAll().size() == 1
                && !fx.lookup("#fieldsPreview .md-p").queryAll().isEmpty());
        user.press(KeyCode.SHORTCUT, KeyCode.ENTER);
        user.waitUntil("renamed and summarised on the server", () -> {
            PlaybookRun now = serverRun(made.id());
            return now.name().equals("Acme EU: app servers degraded")
                    && now.summary().equals("**Impact**: EU checkout 5x slower") && now.summaryModifiedAt() > 0;
        });
        user.waitUntil("the header shows the new name", () -> "Acme EU: app servers degraded"
                .equals(fx.lookup("#runName").queryAs(Label.class).getText()));

        User newcomer = sandbox.control().users().stream()
                .filter(u -> !serverRun(made.id()).participantIds().contains(u.id()) && !u.username().contains("bot"))
                .findFirst().orElseThrow();
        user.keys("+");
        user.assertVisible("#palette");
        user.keys(newcomer.username()).press(KeyCode.ENTER);
        user.waitUntil("a participant on the server", () -> serverRun(made.id()).participantIds().contains(newcomer.id()));

        Channel channel = direct.channels().mine(made.teamId()).stream()
                .filter(c -> !c.id().equals(made.channelId()) && "O".equals(c.type())).findFirst().orElseThrow();
        user.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.A);
        user.assertVisible("#palette");
        user.waitUntil("channels known", () -> fx.lookup("#paletteList").queryListView().getItems().size() > 0);
        user.keys(channel.name()).press(KeyCode.ENTER);
        user.waitUntil("the announcement is in the channel", () -> announcements(channel.id(), made.id()) == 1);
        Post post = channelPosts(channel.id()).stream().filter(p -> p.message().contains(made.id())).findFirst()
                .orElseThrow();
        assertTrue(post.message().contains("Acme EU: app servers degraded"), post.message());
        assertTrue(post.message().contains("EU checkout 5x slower"), post.message());
        assertEquals(sandbox.control().defaultUser().id(), post.userId(), "posted as the user");

        user.keys("i");
        user.assertVisible("#runInfo");
        RunInfo expected = RunInfo.of(serverRun(made.id()), Instant.now());
        String tasks = fx.lookup("#infoTasks").queryAs(Label.class).getText();
        assertTrue(tasks.startsWith(expected.done() + " done · " + expected.open() + " open · "
                + expected.overdue() + " overdue"), tasks);
        assertTrue(fx.lookup("#infoParticipants").queryAs(Label.class).getText().contains(newcomer.displayName()));
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the panel closed", () -> !user.isVisible("#runInfo"));

        user.keys("C");
        user.waitUntil("the channel opened in the browser", () -> browsed.size() == 1);
        assertTrue(browsed.get(0).contains("/channels/"), browsed.get(0));
    }

    @Test
    void aStartWithTheNetworkCutIsPendingThenMadeExactlyOnce(FxRobot fx) {
        ConsoleRobot user = loaded(fx);
        String name = "SEV-1 checkout DB primary down";
        Playbook playbook = aPlaybook();
        long since = System.currentTimeMillis() - 1_000;
        link.cut();

        startRun(user, playbook, name);
        user.waitUntil("shown as starting", () -> fx.lookup("#startPending").queryAs(Label.class).getText()
                .startsWith("Starting “" + name));
        assertEquals(0, runsStarted(playbook, since), "nothing on the server while the network is down");

        link.restore();
        workspace.retryNow();
        PlaybookRun made = waitForRun(user, playbook, since);
        user.waitUntil("the new run opens", () -> user.isVisible("#runDetail")
                && made.name().equals(fx.lookup("#runName").queryAs(Label.class).getText()));
        user.waitUntil("nothing left pending", () -> workspace.pending().all().isEmpty());
        assertEquals(1, runsStarted(playbook, since), "made exactly once");
    }

    private ConsoleRobot loaded(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(30));
        user.waitUntil("runs loaded", () -> !user.runsTable().getItems().isEmpty()
                && !workspace.playbooks().all().isEmpty());
        return user;
    }

    private void startRun(ConsoleRobot user, Playbook playbook, String name) {
        user.press(KeyCode.SHORTCUT, KeyCode.N);
        user.assertVisible("#startRun");
        user.keys(playbook.title()).press(KeyCode.TAB).keys(name);
        user.press(KeyCode.SHORTCUT, KeyCode.ENTER);
        user.waitUntil("the form closed", () -> !user.isVisible("#startRun"));
    }

    private PlaybookRun waitForRun(ConsoleRobot user, Playbook playbook, long since) {
        user.waitUntil("the run exists on the server", () -> runsStarted(playbook, since) == 1);
        return started(playbook, since).get(0);
    }

    /** Runs I started of the playbook since then (the server may name them by the playbook's template). */
    private List<PlaybookRun> started(Playbook playbook, long since) {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream().filter(r -> r.reporterUserId().equals(me)
                && r.playbookId().equals(playbook.id()) && r.createAt() >= since).toList();
    }

    private long runsStarted(Playbook playbook, long since) {
        return started(playbook, since).size();
    }

    /** A playbook of the first team, with a title no other playbook shares a word-prefix with. */
    private Playbook aPlaybook() {
        String team = workspace.teams().get(0).id();
        return workspace.playbooks().all().stream().filter(p -> p.teamId().equals(team) && !p.isArchived())
                .filter(p -> workspace.playbooks().all().stream().filter(o -> o.title().equals(p.title())).count() == 1)
                .findFirst().orElseThrow();
    }

    private PlaybookRun serverRun(String id) {
        return sandbox.control().run(id).orElseThrow();
    }

    private List<Post> channelPosts(String channelId) {
        var page = direct.posts().forChannel(channelId, 0, 60);
        return page.order().stream().map(page.posts()::get).toList();
    }

    private long announcements(String channelId, String runId) {
        return channelPosts(channelId).stream().filter(p -> p.message().contains("/playbooks/runs/" + runId)).count();
    }

    private static CuttableLink linkTo(int port) {
        try {
            return CuttableLink.to(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
