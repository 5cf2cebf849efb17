package com.incidentconsole.app;

import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Theme;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.Windows;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.placementview.StagePlacement;
import com.incidentconsole.playbook.editor.PlaybookEditorUi;
import com.incidentconsole.playbook.editor.PlaybookEditorWindow;
import com.incidentconsole.playbook.editor.PlaybookServers;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.shell.MainController;
import com.incidentconsole.shell.StartupController;
import com.incidentconsole.shell.StartupViewModel;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.ConnectionStatus;
import java.util.function.BiConsumer;
import com.incidentconsole.paths.AppPaths;
import com.incidentconsole.sync.store.StoreRescue;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
    /** One per session that became ready: any server that ends its session is offered a sign-in. FX thread only. */
    private final List<SessionRenewal> renewals = new ArrayList<>();
    /** The command line, parsed once in {@link #init()}; empty when it was refused, {@link #badArguments} says why. */
    private Optional<AppOptions> options = Optional.empty();
    private AppOptions.Invalid badArguments;
    private Optional<SingleInstance> instance = Optional.empty();
    private volatile Stage window;
    /** runlist: where the window was; read in init(), off the FX thread. */
    private volatile StagePlacement placement;

    /** On the launcher thread, before any window: the data folder's lock and door are file and socket work. */
    @Override
    public void init() {
        try {
            options = Optional.of(AppOptions.parse(getParameters().getRaw()));
        } catch (AppOptions.Invalid e) {
            badArguments = e;
        }
        placement = StagePlacement.load(AppPaths.forCurrentUser().dataDir()); // runlist
        instance = SingleInstance.claim(AppPaths.forCurrentUser().dataDir(), getParameters().getRaw(),
                args -> Platform.runLater(() -> Optional.ofNullable(window).ifPresent(IncidentConsoleApp::bringToFront)),
                System.err);
        instance.filter(SingleInstance::holdsDataFolder).ifPresent(held ->
                FontTempFiles.cleanThenRecordInBackground(AppPaths.forCurrentUser().dataDir()));
        // startup (issue 18): the store and the cache are read while the first frame is built, not after it.
        if (instance.isPresent() && options.isPresent()) {
            early = EarlyStart.begin(options.get());
            bootstrap = early.bootstrap();
        }
    }

    // startup (issue 18): begun in init(), taken by the first open(); a rebuilt store starts a new Bootstrap.
    private EarlyStart early;

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
            Path folder = options.map(AppOptions::library).orElseGet(PlaybookEditorUi::defaultFolder);
            windows.show("playbooks:" + folder.toAbsolutePath(),
                    () -> new PlaybookEditorWindow(folder, scene.getStylesheets(), this::playbookServers).show(stage));
        }, () -> renewals.forEach(SessionRenewal::offer), signedInSession));
        new Keymap(commands).attach(scene);
        stage.setTitle(bundle.getString("app.title"));
        stage.setScene(scene);
        placement.apply(stage, placement.placement(1280, 800)); // runlist: at most the screen, where it was
        stage.show();
        StartupMark.watch(scene); // dist (issue 18): "Runs list interactive" log line and -Dincident.console.exitAfter
        // The first pulse after show() is the first frame: log it, startup speed is a feature we measure.
        Platform.runLater(() -> LOG.info(() -> "First frame " + (System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms after JVM start"));

        CredentialPrompt signIn = new SignInOverlay(root, bundle, Platform::runLater, signInThread, commands);
        startup.offerRebuild(() -> rebuildStore(startup, () -> open(root, scene, startup, signIn, bundle)));
        open(root, scene, startup, signIn, bundle);
    }

    private void open(StackPane root, Scene scene, StartupViewModel startup, CredentialPrompt signIn,
                      ResourceBundle bundle) {
        if (options.isEmpty()) {
            LOG.warning(() -> "Refused the command line: " + badArguments.getMessage());
            startup.failed(badArguments);
            return;
        }
        // startup (issue 18): the first open() continues the start begun in init()
        EarlyStart begun = early;
        early = null;
        bootstrap = begun != null ? begun.bootstrap() : new Bootstrap(options.get(), signIn);
        Bootstrap started = bootstrap;
        // Rare changes (a retry every few seconds at most): one hop each is fine here.
        BiConsumer<ServerSession, ConnectionStatus> whileWaiting = (session, status) -> Platform.runLater(() -> {
            if (started.sessions().map(ServerSessions::first).orElse(null) == session) {
                startup.connectionChanged(status);
            }
        });
        CompletableFuture<ServerSessions> starting = begun != null ? begun.attach(signIn, whileWaiting)
                : started.start(whileWaiting);
        starting.whenComplete((sessions, error) -> {
            if (error != null) {
                Platform.runLater(() -> {
                    LOG.log(Level.WARNING, "Could not start", error);
                    startup.failed(error);
                });
                return;
            }
            for (ServerSession session : sessions.all()) {
                session.ready().whenComplete((workspace, failed) -> Platform.runLater(() -> {
                    if (bootstrap != started) {
                        return;
                    }
                    if (session == sessions.first()) {
                        show(session, workspace, failed, root, scene, startup, signIn, bundle);
                    } else if (failed != null) {
                        LOG.log(Level.WARNING, session.label() + ": could not start the workspace", failed);
                    } else {
                        renew(session, workspace, signIn);
                    }
                }));
            }
        });
    }

    /** The window shows the first session (the multi-server view comes later). FX thread. */
    private void show(ServerSession session, Workspace workspace, Throwable error, StackPane root, Scene scene,
                      StartupViewModel startup, CredentialPrompt signIn, ResourceBundle bundle) {
        if (error != null) {
            LOG.log(Level.WARNING, "Could not start the workspace", error);
            startup.failed(error);
            return;
        }
        try {
            workspaceUi = new WorkspaceUi(bundle, FxBatcher.onFxThread(), Instant::now, ZoneId.systemDefault(),
                    commands);
            // status updates (issue #15): posts from the server, drafts in the local store
            workspaceUi.statusUpdates(com.incidentconsole.statusupdate.StatusUpdatesUi.over(session::connection,
                    Optional.of(session.drafts())));
            root.getChildren().setAll(workspaceUi.build(workspace));
            workspaceUi.installReports(workspace, session::connection, () -> window, scene.getStylesheets(),
                    file -> getHostServices().showDocument(file.toUri().toString()));
            workspaceUi.installRunOps(workspace, session::connection, getHostServices()::showDocument); // runops
            workspaceUi.installNotifications(workspace, root.getChildren().get(0), () -> window,
                    AppPaths.forCurrentUser().dataDir()); // notify
            workspaceUi.installRetro(workspace, session::connection, () -> Optional.of(
                    new com.incidentconsole.retro.RetroStores(session.drafts(), session.stars())), () -> window,
                    scene.getStylesheets()); // retro (issue 16)
            workspaceUi.installTimeline(workspace, session::connection, () -> Optional.of(session.stars())); // timeline (issue 16)
            renew(session, workspace, signIn);
            signedInSession.set(true);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not build the main window", e);
            startup.failed(e);
        }
    }

    /** A session the server ends later (or refused at a start from the cache) is renewed in place. */
    private void renew(ServerSession session, Workspace workspace, CredentialPrompt signIn) {
        SessionRenewal renewal = new SessionRenewal(workspace, session::signInAgain, signIn, Platform::runLater);
        renewals.add(renewal);
        renewal.start();
    }

    /** The user chose to rebuild a damaged store: move it aside with its rescued actions kept, then start again. */
    private void rebuildStore(StartupViewModel startup, Runnable thenOpen) {
        Bootstrap failed = bootstrap;
        bootstrap = null;
        renewals.forEach(SessionRenewal::close);
        renewals.clear();
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

    /** The playbook window pulls from and pushes to every server that has a connection, asked at each use. */
    private List<PlaybookServers.Server> playbookServers() {
        return Optional.ofNullable(bootstrap).flatMap(Bootstrap::sessions).map(ServerSessions::all).orElse(List.of())
                .stream().flatMap(session -> session.connection().stream().map(c -> new PlaybookServers.Server(
                        session.label(), c.address().baseUrl().toString(), () -> new ConnectionPlaybookRemote(c))))
                .toList();
    }

    @Override
    public void stop() {
        renewals.forEach(SessionRenewal::close);
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
