package com.incidentconsole.app;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.alertsview.NotificationsUi;
import java.nio.file.Path;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.reportexport.ReportExportUi;
import com.incidentconsole.runops.RunOpsUi;
import com.incidentconsole.reportexport.RunReportSource;
import com.incidentconsole.statsview.StatsViewUi;
import com.incidentconsole.statusupdate.StatusUpdatesController;
import com.incidentconsole.statusupdate.StatusUpdatesUi;
import com.incidentconsole.statusupdate.StatusUpdatesViewModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Window;
import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.checklist.ChecklistController;
import com.incidentconsole.checklist.ChecklistViewModel;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.UiClock;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.KeysHelpController;
import com.incidentconsole.fx.command.PaletteController;
import com.incidentconsole.runs.RunDetailController;
import com.incidentconsole.runs.RunDetailViewModel;
import com.incidentconsole.runs.RunFormat;
import com.incidentconsole.runs.RunListArrivalController;
import com.incidentconsole.runs.RunListController;
import com.incidentconsole.runs.RunListTeams;
import com.incidentconsole.runs.RunListViewModel;
import com.incidentconsole.runs.UserPickerController;
import com.incidentconsole.runs.UserPickerViewModel;
import com.incidentconsole.shell.MainController;
import com.incidentconsole.shell.OutboxController;
import com.incidentconsole.shell.OutboxViewModel;
import com.incidentconsole.shell.StaleBannerController;
import com.incidentconsole.shell.StatusBarController;
import com.incidentconsole.shell.StatusBarViewModel;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.timeline.TimelineController;
import com.incidentconsole.timeline.TimelineViewModel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * The UI half of the composition root: for one connected {@link Workspace}, builds the view-models,
 * registers every controller with its constructor arguments, wires the sync listeners through the
 * single {@link FxBatcher} boundary, and loads the main view. Tests build it with a fake workspace.
 */
public final class WorkspaceUi implements AutoCloseable {

    public static final String MAIN_VIEW = "/fxml/shell/main.fxml";

    private final ResourceBundle bundle;
    private final FxBatcher batcher;
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /** The window's one ticking source; stopped in {@link #close()} so a closed UI leaves no timer behind. */
    private final UiClock uiClock = new UiClock();
    private final CommandRegistry commands;
    private final ResourceBundle commandTexts = ResourceBundle.getBundle(CommandRegistry.TEXTS);
    /** Reports and stats are computed here: never on the FX thread, never in the way of the action sender. */
    private final ExecutorService reports = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reports");
        thread.setDaemon(true);
        return thread;
    });
    private Navigation navigation;
    // runops (ADR 0025): the run operations sit on the main view and ask through its palette.
    private PaletteController palette;
    private StackPane mainRoot;
    private RunOpsUi runOps;
    /** Status updates (issue #15): the server and drafts it reads; offline and in memory unless the app sets them. */
    private StatusUpdatesUi statusUpdates = StatusUpdatesUi.offline();

    public WorkspaceUi(ResourceBundle bundle, FxBatcher batcher, Supplier<Instant> clock, ZoneId zone) {
        this(bundle, batcher, clock, zone, new CommandRegistry());
    }

    /** @param commands the window's registry, which the app's own commands (theme, playbooks) are in too */
    public WorkspaceUi(ResourceBundle bundle, FxBatcher batcher, Supplier<Instant> clock, ZoneId zone,
            CommandRegistry commands) {
        this.commands = commands;
        this.bundle = bundle;
        this.batcher = batcher;
        this.clock = clock;
        this.zone = zone;
    }

    /** Status updates: where posts load from and drafts are kept; call before {@link #build}. Closed with this UI. */
    public WorkspaceUi statusUpdates(StatusUpdatesUi services) {
        statusUpdates.close();
        statusUpdates = services;
        return this;
    }

    /** Must run on the FX thread. */
    public Parent build(Workspace workspace) {
        var users = workspace.users();
        RunFormat format = new RunFormat(bundle, users, workspace.playbooks(), zone);
        navigation = new Navigation();
        // startup (issue 18): the list's constructor loaded the rows; load them again below only if the store
        // changed before the subscription below hears it (a thousand rows twice was a tenth of the start).
        java.util.concurrent.atomic.AtomicBoolean runsChangedMeanwhile = new java.util.concurrent.atomic.AtomicBoolean();
        Subscription meanwhile = workspace.runs().subscribe(change -> runsChangedMeanwhile.set(true));
        // runlist: "mine", my own starts and my pending ticks need the user and the outbox.
        RunListViewModel runList = new RunListViewModel(workspace.runs(), format, clock, workspace.me().id(),
                workspace.pending(), RunListTeams.names(workspace::teams));
        ChecklistViewModel checklist = new ChecklistViewModel(workspace.commands(), batcher::execute, workspace.pending(), bundle,
                users::displayName, clock, zone);
        TimelineViewModel timeline = new TimelineViewModel(bundle, users::displayName, zone);
        RunDetailViewModel runDetail = new RunDetailViewModel(workspace.runs(), workspace.pending(),
                workspace.commands(), format, checklist, timeline, clock);
        UserPickerViewModel picker = new UserPickerViewModel(users);
        OutboxViewModel outbox = new OutboxViewModel(workspace.pending(), workspace.commands(), workspace.runs(),
                users::displayName, bundle, zone);
        StatusBarViewModel statusBar = new StatusBarViewModel(bundle, workspace.pending(), clock, zone,
                workspace.serverLabel(), workspace.isSandbox(),
                // The user's own name is server text too; the status bar is one line.
                DisplayText.line(workspace.me().displayName(), 80));

        subscriptions.add(workspace.runs().subscribe(batcher.collecting(changes -> {
            runList.apply(changes);
            runDetail.runsChanged(changes);
        })));
        subscriptions.add(workspace.pending().subscribe(batcher.collecting(targets -> {
            runDetail.pendingChanged(targets);
            runList.pendingChanged(targets); // runlist
            statusBar.pendingChanged();
            outbox.refresh();
        })));
        // Names and titles may load after the runs; repaint what shows ids meanwhile.
        subscriptions.add(workspace.users().subscribe(batcher.collecting(batch -> {
            runList.refreshNames();
            runDetail.refresh();
        })));
        subscriptions.add(workspace.playbooks().subscribe(batcher.collecting(batch -> {
            runList.refreshNames();
            runDetail.refresh();
        })));
        subscriptions.add(workspace.subscribeConnection(batcher.collecting(statusBar::connectionChanged)));
        // status updates (issue #15)
        StatusUpdatesViewModel status = statusUpdates.viewModel(workspace, format, batcher::execute, clock);
        subscriptions.add(workspace.pending().subscribe(batcher.collecting(targets -> status.pendingChanged())));
        subscriptions.add(workspace.runs().subscribe(batcher.collecting(changes -> status.refresh())));
        runList.loadNoticeProperty().bind(statusBar.loadNoticeProperty());
        // Anything that changed between building the models and subscribing is picked up here.
        statusBar.connectionChanged(List.of(workspace.connection()));
        meanwhile.close(); // startup (issue 18)
        if (runsChangedMeanwhile.get()) {
            runList.reload();
        }

        ControllerFactory controllers = new ControllerFactory()
                .register(MainController.class, () -> new MainController(navigation, workspace::retryNow, commands))
                .register(StatusBarController.class, () -> new StatusBarController(statusBar, bundle, uiClock))
                .register(StaleBannerController.class, () -> new StaleBannerController(statusBar))
                .register(KeysHelpController.class, () -> new KeysHelpController(commandTexts, commands))
                .register(OutboxController.class, () -> new OutboxController(outbox, bundle, commandTexts, commands))
                .register(RunListController.class, () -> new RunListController(runList, navigation, bundle, uiClock, commands))
                .register(RunListArrivalController.class, () -> new RunListArrivalController(runList, navigation, bundle)) // runlist
                .register(RunDetailController.class, () -> runDetailController = // timeline (issue 16)
                        new RunDetailController(runDetail, navigation, uiClock, commands, bundle))
                .register(UserPickerController.class, () -> new UserPickerController(picker, commands))
                .register(ChecklistController.class, () -> new ChecklistController(checklist, bundle))
                .register(TimelineController.class, () -> timelineController = new TimelineController(timeline, bundle)) // timeline (issue 16)
                // status updates (issue #15)
                .register(StatusUpdatesController.class,
                        () -> new StatusUpdatesController(status, navigation, commands, bundle, uiClock));
        Parent main = new ViewLoader(controllers, bundle).load(MAIN_VIEW);
        // Also attached by the app around it; a key the inner one ran is consumed and not run twice.
        palette = new PaletteController(commandTexts, commands).install((StackPane) main, MainController.WINDOW);
        mainRoot = (StackPane) main;
        // startup (issue 18): the dialogs and panels the installs lay over it join the scene when first shown
        com.incidentconsole.fx.DeferredLayers.deferHiddenAtFirstPulse(mainRoot);
        new Keymap(commands).attach(main);
        installTimelineCommands(workspace, timeline); // timeline (issue 16)
        uiClock.start();
        return main;
    }

    /**
     * The incident statistics window ({@code Ctrl+Shift+T}) and a run's report export ({@code Ctrl+E}) as commands
     * of this window; call after {@link #build}. Both work offline from the local copy; the export asks the server
     * for the status updates' text when {@code connection} has one.
     */
    public void installReports(Workspace workspace, Supplier<Optional<MattermostConnection>> connection,
            Supplier<Window> owner, List<String> stylesheets, ReportExportUi.FileOpener opener) {
        StatsViewUi stats = new StatsViewUi(workspace, bundle, batcher, reports, zone, () -> LocalDate.now(zone),
                stylesheets, playbookId -> connection.get().map(c -> c.playbooks().stats(playbookId)));
        ReportExportUi export = new ReportExportUi(workspace,
                new RunReportSource(workspace, connection, Clock.systemUTC(), zone), bundle, batcher, reports, opener,
                stylesheets);
        commands.add(
                Command.of("stats", MainController.WINDOW, () -> stats.open(owner.get()), combo("Shortcut+Shift+T")),
                Command.of("run.export", RunDetailController.SCOPE,
                        () -> export.exportRun(navigation.openRunIdProperty().get(), owner.get()), combo("Shortcut+E"))
                        .enabledWhen(ReportExportUi.enabled(navigation.openRunIdProperty())));
    }

    /**
     * Start a run (Ctrl+N), its name and summary, participants, following, its channel, announce, info (runops,
     * ADR 0025); call after {@link #build}. {@code browser} shows a web page (the Application's HostServices).
     */
    public void installRunOps(Workspace workspace, Supplier<Optional<MattermostConnection>> connection,
            Consumer<String> browser) {
        runOps = new RunOpsUi(workspace, new RunOpsUi.Window(mainRoot, commands, MainController.WINDOW,
                RunDetailController.SCOPE, navigation.openRunIdProperty(), navigation::openRun, palette::ask),
                new RunOpsUi.Server(team -> connection.get().orElseThrow().channels().mine(team),
                        id -> connection.get().orElseThrow().channels().get(id),
                        () -> connection.get().map(c -> c.address().baseUrl()), browser),
                batcher, clock, zone, bundle, commandTexts);
    }

    // notify (docs/adr/0028): desktop and in-app notifications, their history panel and settings.
    private NotificationsUi notifications;

    /** Notifications over the main view {@code main} (what {@link #build} returned); call after {@link #build}. */
    public void installNotifications(Workspace workspace, javafx.scene.Node main, Supplier<Window> owner, Path dataDir) {
        notifications = NotificationsUi.install(workspace, navigation, commands, MainController.WINDOW, batcher,
                (StackPane) main, owner, dataDir, clock, zone, UpdateCadence::nextUpdateDue);
    }

    // retro (issue 16): the retrospective editor, a window per run, opened from the run detail and the palette.
    private com.incidentconsole.retro.RetroUi retro;

    /** The retrospective editor ({@code Ctrl+R} on a run); call after {@link #build}. */
    public void installRetro(Workspace workspace, Supplier<Optional<MattermostConnection>> connection,
            Supplier<Optional<com.incidentconsole.retro.RetroStores>> stores, Supplier<Window> owner,
            List<String> stylesheets) {
        retro = new com.incidentconsole.retro.RetroUi(workspace, connection, stores, bundle, clock, zone, stylesheets);
        commands.add(Command.of("run.retrospective", RunDetailController.SCOPE,
                () -> retro.open(navigation.openRunIdProperty().get(), owner.get()), combo("Shortcut+R"))
                .enabledWhen(ReportExportUi.enabled(navigation.openRunIdProperty())));
    }

    /** The retrospective windows (tests look into them); empty before {@link #installRetro}. */
    public Optional<com.incidentconsole.retro.RetroUi> retro() {
        return Optional.ofNullable(retro);
    }

    // timeline (issue 16, ADR 0031): the timeline workbench in the run detail: its commands, the outbox, stars, posts.
    private RunDetailController runDetailController;
    private TimelineController timelineController;
    private TimelineViewModel timelineModel;
    private final ExecutorService timelineDisk = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline-disk");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService timelineNet = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline-net");
        thread.setDaemon(true);
        return thread;
    });

    private void installTimelineCommands(Workspace workspace, TimelineViewModel timeline) {
        timelineModel = timeline;
        subscriptions.add(workspace.pending().subscribe(batcher.collecting(targets -> timeline.pendingChanged())));
        timelineController.installCommands(commands, RunDetailController.SCOPE, navigation.openRunIdProperty().isNotNull(),
                command -> palette.ask(command), runDetailController::focusChecklist);
        installTimeline(workspace, Optional::empty, Optional::empty);
    }

    /**
     * The timeline's stars (the local store) and the run channel's posts (the server, for "add a post"); call after
     * {@link #build}. Without them the timeline still shows, filters, copies, adds and deletes through the outbox.
     */
    public void installTimeline(Workspace workspace, Supplier<Optional<MattermostConnection>> connection,
            Supplier<Optional<com.incidentconsole.sync.store.TimelineStars>> stars) {
        timelineModel.attach(new TimelineViewModel.Services(workspace.commands(), () -> workspace.me().id(),
                workspace.pending()::all, stars, timelineDisk, timelineNet, batcher::execute,
                channelId -> {
                    MattermostConnection server = connection.get().orElseThrow(() ->
                            new IllegalStateException("not connected to the server"));
                    var page = server.posts().forChannel(channelId, 0, 60);
                    return page.order().stream().map(page.posts()::get).filter(java.util.Objects::nonNull)
                            .filter(post -> post.deleteAt() == 0 && post.type().isEmpty()).toList();
                }, postId -> connection.get().orElseThrow(() -> new IllegalStateException("not connected to the server"))
                        .posts().get(postId), clock));
    }

    @Override
    public void close() {
        timelineDisk.shutdown(); // timeline (issue 16)
        timelineNet.shutdownNow();
        if (runOps != null) {
            runOps.close();
        }
        if (notifications != null) {
            notifications.close();
        }
        Optional.ofNullable(retro).ifPresent(com.incidentconsole.retro.RetroUi::close);
        reports.shutdownNow();
        statusUpdates.close();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        uiClock.close();
    }
}
