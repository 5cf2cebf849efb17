package com.incidentconsole.uitest;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.app.WorkspaceUi;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.runs.RunRow;
import com.incidentconsole.sandbox.SandboxControl;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
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
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The console's workspace window against a validated sandbox, reached through a link the test can cut: what the
 * keyboard tests of a run's work share. Built on the test thread (as the app builds its sessions off the FX thread);
 * {@link #show} runs in the test's {@code @Start}; {@link #close} in its {@code @AfterEach}, which also checks every
 * exchange against the plugin's OpenAPI spec.
 *
 * <pre>{@code
 * private final SandboxConsole console = SandboxConsole.start(SandboxOptions.defaults().withPort(0).withRuns(6, 2));
 * @Start void start(Stage stage) { console.show(stage); }
 * @AfterEach void tearDown() { console.close(); }
 * }</pre>
 */
public final class SandboxConsole implements AutoCloseable {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture;
    private final CuttableLink link;
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final MattermostConnection connection;
    private final MattermostConnection direct;
    private final ServerWorkspace workspace;
    private WorkspaceUi ui;

    private SandboxConsole(SandboxOptions options) {
        fixture = SandboxFixture.start(options);
        try {
            link = CuttableLink.to(fixture.server().baseUrl().getPort());
        } catch (IOException e) {
            fixture.close();
            throw new UncheckedIOException(e);
        }
        Credentials token = new Credentials.AccessToken(fixture.control().credentials().token());
        connection = MattermostConnection.open(new ServerAddress(URI.create("http://127.0.0.1:" + link.port())),
                token, mapper);
        direct = MattermostConnection.open(new ServerAddress(fixture.server().baseUrl()), token, mapper);
        workspace = ServerWorkspace.follow("Sandbox", true, connection, mapper, executors, store.outbox("sandbox"),
                Clock.systemUTC());
    }

    public static SandboxConsole start(SandboxOptions options) {
        return new SandboxConsole(options);
    }

    /** The workspace window in {@code stage}, as the app shows it (theme, stylesheet, 1280×800). */
    public WorkspaceUi show(Stage stage) {
        return show(stage, ui -> ui, ui -> { });
    }

    /**
     * @param configure what the app sets on the UI before building it (a feature's collaborators)
     * @param installed what the app installs once it is built (a feature's commands)
     */
    public WorkspaceUi show(Stage stage, UnaryOperator<WorkspaceUi> configure, Consumer<WorkspaceUi> installed) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = configure.apply(new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE),
                FxBatcher.onFxThread(), Instant::now, ZoneOffset.UTC));
        Scene scene = new Scene(ui.build(workspace), 1280, 800);
        installed.accept(ui);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET)
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        return ui;
    }

    /** Finds {@code run} in the list by typing its name, opens it, and waits until the run detail shows. */
    public ConsoleRobot openRun(org.testfx.api.FxRobot fx, PlaybookRun run) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(30));
        TableView<RunRow> table = user.runsTable();
        user.waitUntil("runs loaded", () -> table.getItems().stream().anyMatch(r -> r.id().equals(run.id())));
        user.keys("/").keys(run.name()).press(javafx.scene.input.KeyCode.ENTER);
        user.waitUntil("the run is selected", () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals(run.id()));
        user.press(javafx.scene.input.KeyCode.ENTER);
        user.assertVisible("#runDetail");
        return user;
    }

    /**
     * An ongoing run I take part in, with a name no other run contains (so typing it selects it alone) and an open
     * item in its current stage to land on, that also meets {@code also}; the first by name, so a test is repeatable.
     */
    public PlaybookRun myOngoingRun(Predicate<PlaybookRun> also) {
        SandboxControl control = control();
        String me = control.defaultUser().id();
        return control.runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me))
                .filter(r -> r.currentStageIndex().isPresent())
                .filter(r -> r.checklists().get(r.currentStageIndex().get()).items().stream()
                        .anyMatch(i -> i.state().isEmpty() && !i.isHidden()))
                .filter(r -> control.runs().stream().filter(o -> o.name().contains(r.name())).count() == 1)
                .filter(also)
                .min(Comparator.comparing(PlaybookRun::name))
                .orElseThrow(() -> new IllegalStateException("the seed has no suitable run"));
    }

    /** The first open, visible item of {@code run}'s current stage: where the run detail puts the focus. */
    public static ChecklistItem focusedItem(PlaybookRun run) {
        return run.checklists().get(run.currentStageIndex().orElseThrow()).items().stream()
                .filter(i -> i.isOpen() && !i.isHidden()).findFirst().orElseThrow();
    }

    /** What the server holds of the run now. */
    public PlaybookRun serverRun(String runId) {
        return control().run(runId).orElseThrow();
    }

    public SandboxServer sandbox() {
        return fixture.server();
    }

    public SandboxControl control() {
        return fixture.control();
    }

    /** The console's way in; {@link CuttableLink#cut()} takes the console offline. */
    public CuttableLink link() {
        return link;
    }

    /** The console's own connection (through the link). */
    public MattermostConnection connection() {
        return connection;
    }

    /** A second way in that the cut never touches: what the server holds, as a colleague would see it. */
    public MattermostConnection direct() {
        return direct;
    }

    public ServerWorkspace workspace() {
        return workspace;
    }

    public LocalStore store() {
        return store;
    }

    public JsonMapper mapper() {
        return mapper;
    }

    @Override
    public void close() {
        if (ui != null) {
            ui.close();
        }
        workspace.close();
        executors.close();
        store.close();
        link.close();
        direct.close();
        fixture.close();
    }
}
