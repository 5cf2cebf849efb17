package com.incidentconsole.retro;

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
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue #16: a commander writes a retrospective from the playbook's template, keyboard only, inserts the starred
 * events and the status updates, enters every metric type (a bad value refused inline) and publishes it to the
 * sandbox; a colleague's change meanwhile is merged with nothing lost; the draft survives closing the editor.
 */
@ExtendWith(ApplicationExtension.class)
class RetroEditorUiTest {

    private final JsonMapper mapper = WireJson.newMapper();
    /** One seeded sandbox for the class (each test picks a run no earlier test published): seeding is the slow part. */
    @RegisterExtension
    static final SandboxFixture FIXTURE = SandboxFixture.start(SandboxOptions.defaults().withPort(0));
    private final SandboxServer sandbox = FIXTURE.server();
    private final MattermostConnection connection = connect(sandbox.control().credentials().token());
    private final PlaybookRun target = unpublishedFinishedRunWithMetrics();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final String template = connection.playbooks().get(target.playbookId()).retrospectiveTemplate();
    private final ServerWorkspace workspace = withoutText(() -> ServerWorkspace.follow("Sandbox", true, connection,
            mapper, executors, store.outbox("sandbox"), Clock.systemUTC()));
    private final RetroStores stores = new RetroStores(store.drafts("sandbox"), store.stars("sandbox"));
    private WorkspaceUi ui;
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE), FxBatcher.onFxThread(), Instant::now,
                ZoneOffset.UTC);
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        ui.installRetro(workspace, () -> Optional.of(connection), () -> Optional.of(stores), () -> stage,
                scene.getStylesheets());
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
    }

    @Test
    void writeFromTheTemplateWithTheRecordAndMetricsThenPublish(FxRobot fx) {
        List<TimelineEvent> starred = target.timelineEvents().stream().filter(e -> e.deleteAt() == 0
                && !e.summary().isBlank()).sorted(Comparator.comparingLong(TimelineEvent::eventAt)).limit(2).toList();
        starred.forEach(e -> stores.stars().star(target.id(), e.id(), e.eventAt()));
        List<StatusPostComplete> updates = connection.runs().statusUpdates(target.id());
        ConsoleRobot user = openEditor(fx);
        assertEquals(template, editorText(fx), "a run without a retrospective starts from the playbook's template");
        int heading = template.indexOf('#');
        user.waitUntil("the template's first heading is coloured as one", () -> fx.lookup("#retroText")
                .queryAs(CodeArea.class).getStyleOfChar(heading + 1).contains("md-heading"));

        user.keys("Failover took 40 minutes.");
        user.press(KeyCode.ENTER).press(KeyCode.ENTER);
        user.press(KeyCode.ALT, KeyCode.S);
        user.waitUntil("the starred events are inserted", () -> editorText(fx).contains("#### Key events"));
        user.press(KeyCode.ALT, KeyCode.U);
        user.waitUntil("the status updates are inserted", () -> editorText(fx).contains("#### Status updates"));
        user.waitUntil("the preview renders the text", () -> fx.lookup("#retroPreview .md-text").queryAll().stream()
                .anyMatch(t -> ((javafx.scene.text.Text) t).getText().contains("Failover took 40 minutes.")));

        Playbook playbook = workspace.playbooks().get(target.playbookId()).orElseThrow();
        List<PlaybookMetricConfig> metrics = playbook.metrics();
        user.press(KeyCode.ALT, KeyCode.M);
        user.keys("2h 15m").press(KeyCode.TAB);
        user.keys("soon");
        user.waitUntil("a bad duration is refused inline", () -> label(fx, "#metric-error-1").contains("soon"));
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        user.waitUntil("publishing is refused while a value is bad", () -> label(fx, "#retroError").startsWith("Not sent"));
        assertEquals(0, sandbox.control().run(target.id()).orElseThrow().retrospectivePublishedAt());
        for (int i = 0; i < 4; i++) {
            user.press(KeyCode.BACK_SPACE);
        }
        user.keys("5h").press(KeyCode.TAB).keys("42").press(KeyCode.TAB).keys("1,500");
        user.waitUntil("the error is gone", () -> label(fx, "#metric-error-1").isEmpty());
        assertEquals("over target by 1h", label(fx, "#metric-against-1"), "5h against a 4h target");

        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        user.waitUntil("published on the sandbox", () -> sandbox.control().run(target.id()).orElseThrow()
                .retrospectivePublishedAt() > 0);
        PlaybookRun published = sandbox.control().run(target.id()).orElseThrow();
        String text = published.retrospective();
        assertTrue(text.startsWith("Failover took 40 minutes.\n\n"), text);
        assertTrue(text.contains(template.lines().filter(l -> l.startsWith("#")).findFirst().orElseThrow()),
                "the template is kept");
        starred.forEach(e -> assertTrue(text.contains(e.summary().replace("**", "").replaceAll("\\s+", " ").strip()),
                "starred event " + e.summary()));
        updates.stream().filter(u -> u.deleteAt() == 0).forEach(u -> assertTrue(
                text.contains("> " + u.message().strip().lines().findFirst().orElse("")), "status update " + u.message()));
        Map<String, Long> values = published.metricsData().stream().filter(m -> m.value() != null)
                .collect(Collectors.toMap(RunMetricData::metricConfigId, RunMetricData::value));
        assertEquals(Duration.ofMinutes(135).toMillis(), values.get(metrics.get(0).id()));
        assertEquals(Duration.ofHours(5).toMillis(), values.get(metrics.get(1).id()));
        assertEquals(42L, values.get(metrics.get(2).id()));
        assertEquals(1500L, values.get(metrics.get(3).id()));
        var posts = connection.posts().forChannel(target.channelId(), 0, 60).posts().values();
        assertTrue(posts.stream().anyMatch(p -> p.message().contains("Retrospective for")
                && p.message().contains("has been published")), "the bot's channel post");
        user.waitUntil("the screen says published", () -> label(fx, "#retroState").startsWith("Published"));
        user.waitUntil("the draft is gone once published", () -> store.drafts("sandbox")
                .find(RetroEditorViewModel.textKey(target.id())).isEmpty());
    }

    @Test
    void aColleaguesChangeMeanwhileIsMergedAndBothAreKept(FxRobot fx) {
        ConsoleRobot user = openEditor(fx);
        user.keys("Mine: the failover was slow.");
        String colleague = sandbox.control().users().stream()
                .filter(u -> target.participantIds().contains(u.id()) && !u.id().equals(connection.me().id()))
                .findFirst().orElseThrow().username();
        try (MattermostConnection other = connect(sandbox.control().tokenFor(colleague))) {
            other.runs().saveRetrospective(target.id(), template + "\n## Follow-ups\nTheirs: rotate the keys.\n",
                    List.of());
        }
        user.waitUntil("the change reaches the console", () -> workspace.runs().get(target.id()).orElseThrow()
                .retrospective().contains("Theirs"));
        user.press(KeyCode.CONTROL, KeyCode.S);
        user.waitUntil("the merge is shown before anything is sent", () -> user.isVisible("#retroMerge"));
        assertTrue(area(fx, "#retroMergeMine").contains("Mine:"));
        assertTrue(area(fx, "#retroMergeTheirs").contains("Theirs:"));
        assertTrue(area(fx, "#retroMerged").contains("Mine:") && area(fx, "#retroMerged").contains("Theirs:"),
                "the merged text keeps both");
        assertFalse(sandbox.control().run(target.id()).orElseThrow().retrospective().contains("Mine"));

        user.press(KeyCode.CONTROL, KeyCode.ENTER);
        try {
            user.waitUntil("saved merged on the sandbox", () -> {
                String text = sandbox.control().run(target.id()).orElseThrow().retrospective();
                return text.contains("Mine: the failover was slow.") && text.contains("Theirs: rotate the keys.");
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " error=" + label(fx, "#retroError") + " state="
                    + label(fx, "#retroState") + " merge=" + user.isVisible("#retroMerge") + " summary="
                    + label(fx, "#retroMergeSummary") + " server=" + sandbox.control().run(target.id()).orElseThrow()
                    .retrospective().substring(0, 60), e);
        }
        assertFalse(user.isVisible("#retroMerge"));
    }

    @Test
    void theDraftSurvivesClosingAndIsOfferedOnReopening(FxRobot fx) {
        ConsoleRobot user = openEditor(fx);
        user.keys("Draft line one.");
        user.press(KeyCode.ESCAPE);
        user.waitUntil("the editor closed", () -> fx.lookup("#retroText").tryQuery().isEmpty());
        user.waitUntil("the draft is on disk", () -> store.drafts("sandbox")
                .find(RetroEditorViewModel.textKey(target.id())).map(d -> d.text().startsWith("Draft line one."))
                .orElse(false));
        fx.targetWindow(main);
        user.press(KeyCode.CONTROL, KeyCode.R);
        user.waitUntil("the editor is open again with the draft", () -> fx.lookup("#retroText").tryQuery().isPresent()
                && editorText(fx).startsWith("Draft line one."));
        retarget(fx);
        assertTrue(label(fx, "#retroNotice").contains("draft"), label(fx, "#retroNotice"));
        assertEquals("", sandbox.control().run(target.id()).orElseThrow().retrospective(), "nothing was sent");
        assertFalse(sandbox.control().run(target.id()).orElseThrow().retrospective().contains("Draft"));

        // The run's reminder is shown; the switch is changed from the editor, on the server.
        long every = target.retrospectiveReminderIntervalSeconds();
        assertTrue(every > 0 ? label(fx, "#retroReminder").startsWith("Retrospective reminder every")
                : label(fx, "#retroReminder").startsWith("No retrospective reminder"), label(fx, "#retroReminder"));
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        user.waitUntil("the retrospective is off on the sandbox", () -> !sandbox.control().run(target.id())
                .orElseThrow().retrospectiveEnabled());
        user.waitUntil("and on the screen", () -> !fx.lookup("#retroEnabled").queryAs(CheckBox.class).isSelected()
                && (every == 0 || label(fx, "#retroReminder").contains("off while the retrospective is off")));
        assertEquals("", label(fx, "#retroError"));
        // On again for this finished, unpublished run: the server reminds in the channel at once.
        long before = System.currentTimeMillis() - 60_000;
        user.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        user.waitUntil("the retrospective is on again", () -> sandbox.control().run(target.id()).orElseThrow()
                .retrospectiveEnabled() && fx.lookup("#retroEnabled").queryAs(CheckBox.class).isSelected());
        assertTrue(connection.posts().forChannel(target.channelId(), 0, 60).posts().values().stream()
                .anyMatch(p -> p.createAt() >= before && p.message().contains("Reminder to [fill out the retrospective]")),
                "the reminder restarted");
    }

    private ConsoleRobot openEditor(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(30));
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = fx.lookup("#runsTable").queryAs(TableView.class);
        user.waitUntil("runs loaded", () -> table.getItems().stream().anyMatch(r -> r.id().equals(target.id())));
        user.keys("/").keys(target.name()).press(KeyCode.ENTER);
        user.waitUntil("the run is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals(target.id()));
        user.press(KeyCode.ENTER);
        user.assertVisible("#runDetail");
        user.press(KeyCode.CONTROL, KeyCode.R);
        user.waitUntil("the editor is open with its text", () -> fx.lookup("#retroText").tryQuery()
                .map(n -> !n.isDisabled() && n.isFocused()).orElse(false));
        retarget(fx);
        return user;
    }

    /** Typed characters go to the robot's target window: the editor's, not the main one. */
    private void retarget(FxRobot fx) {
        fx.targetWindow(fx.lookup("#retroEditor").query().getScene().getWindow());
    }

    private static String editorText(FxRobot fx) {
        return fx.lookup("#retroText").queryAs(CodeArea.class).getText();
    }

    private static String area(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(TextArea.class).getText();
    }

    private static String label(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private MattermostConnection connect(String token) {
        return MattermostConnection.open(new ServerAddress(URI.create("http://127.0.0.1:"
                + sandbox.baseUrl().getPort())), new Credentials.AccessToken(token), mapper);
    }

    /**
     * A run copies its playbook's template at creation; emptied, as one started before the playbook had a template,
     * the editor must start from the playbook's template.
     */
    private ServerWorkspace withoutText(java.util.function.Supplier<ServerWorkspace> follow) {
        connection.runs().saveRetrospective(target.id(), "", List.of());
        return follow.get();
    }

    /** A finished run I own (the switch is the owner's), retrospective on and unpublished, all metric types. */
    private PlaybookRun unpublishedFinishedRunWithMetrics() {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream()
                .filter(r -> r.isFinished() && r.retrospectiveEnabled() && r.retrospectivePublishedAt() == 0)
                .filter(r -> r.ownerUserId().equals(me) && r.participantIds().size() > 1)
                .filter(r -> !r.statusPosts().isEmpty())
                .filter(r -> r.timelineEvents().stream().filter(e -> !e.summary().isBlank()).count() >= 2)
                .filter(r -> sandbox.control().runs().stream().filter(o -> o.name().contains(r.name())).count() == 1)
                .filter(r -> !r.playbookId().isEmpty()
                        && connection.playbooks().get(r.playbookId()).metrics().size() == 4)
                .min(Comparator.comparing(PlaybookRun::name))
                .orElseThrow(() -> new IllegalStateException("the seed has no suitable run"));
    }
}
