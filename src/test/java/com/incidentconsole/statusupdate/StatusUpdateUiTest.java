package com.incidentconsole.statusupdate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.uitest.SandboxConsole;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PlaybookRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #15, keyboard only against the sandbox: {@code u} opens the editor, the template fills it, what is typed is a
 * draft that survives closing and reopening, broadcast goes on with Ctrl+B, Ctrl+Enter posts — the sandbox has the
 * post in the run's channel and in its broadcast channel, and {@code U} shows it rendered. With the network cut a
 * post is queued and, when it is back, posted exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class StatusUpdateUiTest {

    private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(6, 2));
    private final JsonMapper mapper = console.mapper();
    private final SandboxServer sandbox = console.sandbox();
    /** The test's own view of the server, past the cuttable link: what a colleague would see. */
    private final MattermostConnection direct = console.direct();
    private final PlaybookRun target = withBroadcastChannel(myOngoingRun());
    private final Drafts drafts = console.store().drafts("sandbox");

    @Start
    void start(Stage stage) {
        console.show(stage, ui -> ui.statusUpdates(StatusUpdatesUi.over(() -> Optional.of(console.connection()),
                Optional.of(drafts))), ui -> { });
    }

    @AfterEach
    void tearDown() {
        console.close();
    }

    @Test
    void postFromTheTemplateWithBroadcastThenOfflineOnce(FxRobot fx) {
        ConsoleRobot user = openTargetRun(fx);
        int postsBefore = serverRun().statusPosts().size();

        user.keys("u");
        user.waitUntil("the editor is open", () -> user.isVisible("#statusEditor"));
        user.press(KeyCode.CONTROL, KeyCode.T);
        String template = serverRun().reminderMessageTemplate();
        user.waitUntil("filled from the template", () -> message(fx).equals(template));
        user.press(KeyCode.CONTROL, KeyCode.END).keys(" DB failover done");
        String typed = template + " DB failover done";
        user.waitUntil("the draft is on disk as typed", () -> drafts.find("status:" + target.id())
                .map(Drafts.Draft::text).filter(typed::equals).isPresent());

        user.press(KeyCode.ESCAPE);
        user.waitUntil("closed", () -> !user.isVisible("#statusEditor"));
        user.keys("u");
        user.waitUntil("reopening offers the draft", () -> message(fx).equals(typed)
                && label(fx, "#statusEditorNote").startsWith("Your draft"));

        if (!fx.lookup("#statusBroadcast").queryAs(CheckBox.class).isSelected()) {
            user.press(KeyCode.CONTROL, KeyCode.B);
        }
        assertTrue(fx.lookup("#statusBroadcast").queryAs(CheckBox.class).isSelected());
        user.waitUntil("the broadcast channel is shown by name", () -> label(fx, "#statusChannels").contains("~"));
        user.press(KeyCode.CONTROL, KeyCode.ENTER);

        user.waitUntil("posted on the server", () -> serverRun().statusPosts().size() == postsBefore + 1);
        String channel = serverRun().channelId();
        String broadcastChannel = serverRun().broadcastChannelIds().getFirst();
        assertTrue(channelHas(channel, typed), "the update is in the run's channel");
        assertTrue(channelHas(broadcastChannel, typed), "and in the broadcast channel");
        user.waitUntil("the editor closes once the server took it", () -> !user.isVisible("#statusEditor"));
        user.waitUntil("the draft is gone", () -> drafts.find("status:" + target.id()).isEmpty());

        user.keys("U");
        java.util.concurrent.atomic.AtomicReference<String> seen = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            user.waitUntil("the view lists it first, rendered", () -> {
                seen.set(user.isVisible("#statusPanel") + " " + firstPostText(fx) + " | "
                        + label(fx, "#statusLoadNote") + " | cards " + fx.lookup(".status-post").queryAll().size() + " texts "
                        + fx.lookup(".md-text").queryAll().size() + " box " + fx.lookup("#statusPosts").queryAll().size());
                return user.isVisible("#statusPanel") && firstPostText(fx).contains("DB failover done");
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + seen.get(), e);
        }
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the list closes", () -> !user.isVisible("#statusPanel"));

        console.link().cut();
        user.keys("u");
        user.waitUntil("the editor is open again", () -> user.isVisible("#statusEditor"));
        user.press(KeyCode.CONTROL, KeyCode.A).keys("Offline update: still mitigating");
        user.press(KeyCode.CONTROL, KeyCode.ENTER);
        user.waitUntil("queued, said so", () -> label(fx, "#statusEditorNote").startsWith("Queued")
                || label(fx, "#statusEditorNote").startsWith("Posting"));
        assertEquals(postsBefore + 1, serverRun().statusPosts().size(), "nothing reached the server");
        console.link().restore();
        user.waitUntil("posted when the network is back", () -> serverRun().statusPosts().size() == postsBefore + 2);
        user.waitUntil("the editor closes", () -> !user.isVisible("#statusEditor"));
        assertEquals(1, direct.runs().statusUpdates(target.id()).stream()
                .filter(p -> p.message().equals("Offline update: still mitigating")).count(), "posted exactly once");
        assertFalse(serverRun().isFinished());
    }

    private static String message(FxRobot fx) {
        return fx.lookup("#statusMessage").queryAs(TextArea.class).getText();
    }

    private static String label(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private static String firstPostText(FxRobot fx) {
        Node first = fx.lookup(".status-post").queryAll().stream().findFirst().orElse(null);
        if (first == null) {
            return "";
        }
        return fx.from(first).lookup(".md-text").queryAll().stream().map(n -> ((Text) n).getText())
                .reduce("", String::concat);
    }

    private boolean channelHas(String channelId, String message) {
        Map<String, Post> posts = direct.posts().forChannel(channelId, 0, 60).posts();
        return posts.values().stream().anyMatch(p -> p.message().contains(message));
    }

    private ConsoleRobot openTargetRun(FxRobot fx) {
        return console.openRun(fx, target);
    }

    private PlaybookRun serverRun() {
        return sandbox.control().run(target.id()).orElseThrow();
    }

    /**
     * A new run of mine from a playbook with a status template (the seed's incident playbooks have none, as the
     * real "Incident Resolution" template), started as a colleague would before the console connects.
     */
    private PlaybookRun myOngoingRun() {
        String me = sandbox.control().defaultUser().id();
        com.incidentconsole.wire.Playbook playbook = direct.playbooks().listAll("").stream()
                .filter(p -> !p.reminderMessageTemplate().isBlank()).findFirst()
                .orElseThrow(() -> new IllegalStateException("the seed has no playbook with a status template"));
        PlaybookRun run = direct.runs().create(new com.incidentconsole.wire.RunCreateOptions("Status cadence drill", me,
                playbook.teamId(), "", "", "", playbook.id(), false, PlaybookRun.TYPE_PLAYBOOK, Map.of()));
        // The playbook's channel name template names the run; a unique name lets the filter find it.
        return direct.runs().patch(run.id(), "Status cadence drill", null);
    }

    /**
     * The run broadcasts to a channel of its team that I am in, set up as a colleague would (GraphQL updateRun),
     * with broadcasting off so that the test turns it on.
     */
    private PlaybookRun withBroadcastChannel(PlaybookRun run) {
        // The server broadcasts only to channels of the run's team: another run's channel there, which I am in.
        PlaybookRun stakeholders = direct.runs().create(new com.incidentconsole.wire.RunCreateOptions(
                "Exec briefing room", run.ownerUserId(), run.teamId(), "", "", "", run.playbookId(), false,
                PlaybookRun.TYPE_PLAYBOOK, Map.of()));
        String other = stakeholders.channelId();
        updateRun(run.id(), Map.of("broadcastChannelIDs", java.util.List.of(other),
                "statusUpdateBroadcastChannelsEnabled", false));
        return sandbox.control().run(run.id()).orElseThrow();
    }

    /** GraphQL updateRun, the only route the real server has for these fields. */
    private void updateRun(String runId, Map<String, Object> updates) {
        try {
            String body = mapper.writeValueAsString(Map.of("operationName", "UpdateRun",
                    "query", "mutation UpdateRun($id: String!, $updates: RunUpdates!) { updateRun(id: $id, updates: $updates) }",
                    "variables", Map.of("id", runId, "updates", updates)));
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/plugins/playbooks/api/v0/query"))
                            .header("Authorization", "Bearer " + sandbox.control().credentials().token())
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || answer.body().contains("\"errors\"")) {
                throw new IllegalStateException("updateRun refused: " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
