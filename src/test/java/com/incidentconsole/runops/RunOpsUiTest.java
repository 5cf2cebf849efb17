package com.incidentconsole.runops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.runinfo.RunInfo;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.SandboxConsole;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(4, 1));
    private final ServerWorkspace workspace = console.workspace();
    private final MattermostConnection direct = console.direct();
    private final List<String> browsed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        console.show(stage, ui -> ui, ui -> ui.installRunOps(workspace, () -> Optional.of(console.connection()),
                browsed::add));
    }

    @AfterEach
    void tearDown() {
        console.close();
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
        assertEquals(console.control().defaultUser().id(), made.reporterUserId());

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

        User newcomer = console.control().users().stream()
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
        assertEquals(console.control().defaultUser().id(), post.userId(), "posted as the user");

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
        console.link().cut();

        startRun(user, playbook, name);
        user.waitUntil("shown as starting", () -> fx.lookup("#startPending").queryAs(Label.class).getText()
                .startsWith("Starting “" + name));
        assertEquals(0, runsStarted(playbook, since), "nothing on the server while the network is down");

        console.link().restore();
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
        String me = console.control().defaultUser().id();
        return console.control().runs().stream().filter(r -> r.reporterUserId().equals(me)
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
        return console.serverRun(id);
    }

    private List<Post> channelPosts(String channelId) {
        var page = direct.posts().forChannel(channelId, 0, 60);
        return page.order().stream().map(page.posts()::get).toList();
    }

    private long announcements(String channelId, String runId) {
        return channelPosts(channelId).stream().filter(p -> p.message().contains("/playbooks/runs/" + runId)).count();
    }
}
