package com.incidentconsole.app;

import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Theme;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.Windows;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.playbook.editor.PlaybookEditorWindow;
import com.incidentconsole.playbook.editor.PlaybookServers;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.shell.MainController;
import com.incidentconsole.shell.StartupController;
import com.incidentconsole.shell.StartupViewModel;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.paths.AppPaths;
import com.incidentconsole.sync.store.StoreRescue;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The JavaFX entry point. Shows the window at once with "Connecting…", lets {@link Bootstrap} connect
 * off the FX thread, and swaps in the workspace UI when it is ready — or says clearly why not.
 */
public final class IncidentConsoleApp extends Application {

    public static final String BUNDLE = "i18n.messages";
    public static final String STYLESHEET = "/css/app.css";
    private static final Logger LOG = Logger.getLogger(IncidentConsoleApp.class.getName());

    private final Theme theme = new Theme();
    private final Windows windows = new Windows();
    /** The main window's commands: the app's own here, the workspace's once it is up. */
    private final CommandRegistry commands = new CommandRegistry();
    private final BooleanProperty signedInSession = new SimpleBooleanProperty(false);
    private Bootstrap bootstrap;
    /** Sign-in attempts wait on the network: their own daemon thread, never the FX thread or the bootstrap's. */
    private final ExecutorService signInThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "Sign-in");
        t.setDaemon(true);
        return t;
    });
    private WorkspaceUi workspaceUi;
    private SessionRenewal renewal;
    private volatile String serverLabel = "";
    private Optional<SingleInstance> instance = Optional.empty();
    private volatile Stage window;

    /** On the launcher thread, before any window: the data folder's lock and door are file and socket work. */
    @Override
    public void init() {
        instance = SingleInstance.claim(AppPaths.forCurrentUser().dataDir(), getParameters().getRaw(),
                args -> Platform.runLater(() -> Optional.ofNullable(window).ifPresent(IncidentConsoleApp::bringToFront)),
                System.err);
        instance.filter(SingleInstance::holdsDataFolder).ifPresent(held ->
                FontTempFiles.cleanThenRecordInBackground(AppPaths.forCurrentUser().dataDir()));
    }

    @Override
    public void start(Stage stage) {
        if (instance.isEmpty()) {
            // Another start has this data folder: it was asked to come forward; this one ends without a window.
            Platform.exit();
            return;
        }
        window = stage;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE);
        theme.apply();
        StartupViewModel startup = new StartupViewModel(bundle, Instant::now, ZoneId.systemDefault());
        ControllerFactory controllers = new ControllerFactory()
                .register(StartupController.class, () -> new StartupController(startup));
        StackPane root = new StackPane(new ViewLoader(controllers, bundle).load("/fxml/shell/startup.fxml"));

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(STYLESHEET).toExternalForm());
        Keymap.scope(root, MainController.WINDOW);
        commands.addAll(AppCommands.of(theme::toggle, () -> {
            Path folder = PlaybookEditorWindow.folderFrom(getParameters().getNamed());
            windows.show("playbooks:" + folder.toAbsolutePath(),
                    () -> new PlaybookEditorWindow(folder, scene.getStylesheets(), this::playbookServers).show(stage));
        }, () -> renewal.offer(), signedInSession));
        new Keymap(commands).attach(scene);
        stage.setTitle(bundle.getString("app.title"));
        stage.setScene(scene);
        stage.show();
        StartupMark.watch(scene); // dist (issue 18): "Runs list interactive" log line and -Dincident.console.exitAfter
        // The first pulse after show() is the first frame: log it, startup speed is a feature we measure.
        Platform.runLater(() -> LOG.info(() -> "First frame " + (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start"));

        CredentialPrompt signIn = new SignInOverlay(root, bundle, Platform::runLater, signInThread);
        startup.offerRebuild(() -> rebuildStore(startup, () -> open(root, scene, startup, signIn, bundle)));
        open(root, scene, startup, signIn, bundle);
    }

    private void open(StackPane root, Scene scene, StartupViewModel startup, CredentialPrompt signIn,
                      ResourceBundle bundle) {
        connect(startup, signIn).whenComplete((workspace, error) -> Platform.runLater(() -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not start the workspace", error);
                startup.failed(error);
                return;
            }
            serverLabel = workspace.serverLabel();
            try {
                workspaceUi = new WorkspaceUi(bundle, FxBatcher.onFxThread(), Instant::now, ZoneId.systemDefault(),
                        commands);
                root.getChildren().setAll(workspaceUi.build(workspace));
                workspaceUi.installReports(workspace, () -> Optional.ofNullable(bootstrap).flatMap(Bootstrap::connection),
                        () -> window, scene.getStylesheets(),
                        file -> getHostServices().showDocument(file.toUri().toString()));
                // A session the server ends later (or refused at a start from the cache) is renewed in place.
                renewal = new SessionRenewal(workspace, bootstrap::signInAgain, signIn, Platform::runLater);
                renewal.start();
                signedInSession.set(true);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not build the main window", e);
                startup.failed(e);
            }
        }));
    }

    /** The user chose to rebuild a damaged store: move it aside with its rescued actions kept, then start again. */
    private void rebuildStore(StartupViewModel startup, Runnable thenOpen) {
        Bootstrap failed = bootstrap;
        bootstrap = null;
        CompletableFuture.runAsync(() -> {
            if (failed != null) {
                failed.close();
            }
            StoreRescue.rebuild(AppPaths.forCurrentUser().store(), Clock.systemUTC());
        }, signInThread).whenComplete((done, error) -> Platform.runLater(() -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not rebuild the local store", error);
                startup.failed(error);
            } else {
                thenOpen.run();
            }
        }));
    }

    /** A second start on this data folder asked for this window (its own arguments are not acted on yet). */
    private static void bringToFront(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** The playbook window pulls from and pushes to the workspace's signed-in server, once there is one. */
    private List<PlaybookServers.Server> playbookServers() {
        return Optional.ofNullable(bootstrap).flatMap(Bootstrap::connection).map(c -> List.of(
                new PlaybookServers.Server(serverLabel.isEmpty()
                        ? c.address().baseUrl().getHost() : serverLabel, c.address().baseUrl().toString(),
                        () -> new ConnectionPlaybookRemote(c)))).orElse(List.of());
    }

    private CompletableFuture<Workspace> connect(StartupViewModel startup, CredentialPrompt signIn) {
        try {
            bootstrap = new Bootstrap(getParameters().getRaw().toArray(String[]::new), signIn);
            // Rare changes (a retry every few seconds at most): one hop each is fine here.
            return bootstrap.start(status -> Platform.runLater(() -> startup.connectionChanged(status)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void stop() {
        if (renewal != null) {
            renewal.close();
        }
        if (workspaceUi != null) {
            workspaceUi.close();
        }
        if (bootstrap != null) {
            bootstrap.close();
        }
        signInThread.shutdownNow();
        instance.ifPresent(SingleInstance::close);
    }
}
