package com.incidentconsole.app;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.sync.ServerWorkspace;
import com.incidentconsole.sync.SyncExecutors;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.ConsoleRobot;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Probe H1 on screen: the runs are rate limited at the first load. The window says what is missing and why —
 * not "No runs on this server yet" — and, once the server lets it in, fills by itself at the server's
 * Retry-After pace, long before the stream's own minute of backoff, with no key pressed.
 */
@ExtendWith(ApplicationExtension.class)
class LoadRecoveryUiTest {

    private static final StreamSettings PATIENT = new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ZERO, Duration.ofSeconds(30));

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(6, 4));
    private final int visible = connect().runs().listAll(RunQuery.all()).size();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private ServerWorkspace workspace;
    private WorkspaceUi ui;

    @Start
    void start(Stage stage) {
        // Until the test lifts it: however slow the window is to appear on a busy machine, it sees the 429.
        fixture.control().inject(FaultRule.rateLimit(-1, "GET", "/plugins/playbooks/api/v0/runs", Duration.ofSeconds(2)));
        workspace = ServerWorkspace.follow("Sandbox", true, connect(), mapper, executors, store.outbox("sandbox"),
                Clock.systemUTC(), PATIENT);
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
    void aRateLimitedFirstLoadIsExplainedThenRecoversOnScreenByItself(FxRobot fx) {
        ConsoleRobot user = new ConsoleRobot(fx, Duration.ofSeconds(20));
        String why = "Runs not loaded yet — the server answered 429 (too many requests); retrying in ";
        user.waitUntil("the status bar says what is missing and why", () -> text(fx, "#connectionLabel").startsWith(why));
        user.waitUntil("so does the empty list, instead of 'no runs on this server'",
                () -> placeholder(fx).startsWith(why) && placeholder(fx).endsWith("Ctrl+Shift+R retries now."));

        fixture.control().faults().clear(); // the server lets us in again; nobody touches the console

        user.waitUntil("every run shows and the console is live", () -> user.runsTable().getItems().size() == visible
                && text(fx, "#connectionLabel").equals("Live"));
    }

    private static String placeholder(FxRobot fx) {
        return fx.lookup("#runsTable").queryTableView().getPlaceholder() instanceof Label label ? label.getText() : "";
    }

    private static String text(FxRobot fx, String query) {
        return fx.lookup(query).queryAs(Label.class).getText();
    }

    private MattermostConnection connect() {
        return MattermostConnection.open(new ServerAddress(fixture.baseUrl()),
                new Credentials.AccessToken(fixture.control().credentials().token()), mapper);
    }
}
