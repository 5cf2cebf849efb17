package com.incidentconsole.runops;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.announce.Announcement;
import com.incidentconsole.channels.ChannelDirectory;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.runfields.RunFieldsController;
import com.incidentconsole.runinfo.RunInfoController;
import com.incidentconsole.runstart.StartRunController;
import com.incidentconsole.runstart.StartRunForm;
import com.incidentconsole.runstart.StartWatcher;
import com.incidentconsole.sync.AnnounceRun;
import com.incidentconsole.sync.SetFollowing;
import com.incidentconsole.sync.SetParticipation;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The commander's run operations of issue #14 in one window (ADR 0025): start a run (Ctrl+N anywhere), edit
 * its name and summary, take people in or out, follow it, open its channel in the browser, announce it in a
 * channel, and its summary panel. Each is a command; each change goes through the outbox as its own kind.
 * Built by the composition root after the main view; its layers sit on top of the window's root.
 */
public final class RunOpsUi implements AutoCloseable {

    /** What the run operations need of the window they join. */
    public record Window(StackPane root, CommandRegistry commands, Scope windowScope, Scope runScope,
                         ReadOnlyObjectProperty<String> openRunId, Consumer<String> openRun,
                         Consumer<Command> askInPalette) {
    }

    /**
     * What they need of the server beyond the workspace: its channels (for the pickers) and its address (for
     * links), empty while not connected; and a way to show a web page (the Application's HostServices).
     */
    public record Server(Function<String, List<Channel>> channelsOfTeam, Function<String, Channel> channel,
                         Supplier<Optional<URI>> address, Consumer<String> browser) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();
    /** Channel lists and look-ups: never on the FX thread, never in the way of the action sender. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-ops");
        thread.setDaemon(true);
        return thread;
    });
    private final Workspace workspace;
    private final Window window;
    private final Server server;
    private final FxBatcher batcher;
    private final ChannelDirectory channels;
    private final StartWatcher watcher;
    private final ResourceBundle bundle;
    private final StartRunController start;
    private final RunFieldsController fields;
    private final RunInfoController info;

    /** Must run on the FX thread. */
    public RunOpsUi(Workspace workspace, Window window, Server server, FxBatcher batcher, Supplier<Instant> clock,
            ZoneId zone, ResourceBundle bundle, ResourceBundle commandTexts) {
        this.workspace = workspace;
        this.window = window;
        this.server = server;
        this.batcher = batcher;
        this.bundle = bundle;
        this.channels = new ChannelDirectory(server.channelsOfTeam(), background);
        this.watcher = new StartWatcher(workspace.runs(), workspace.pending(), window.openRun(), bundle);
        StartRunForm form = new StartRunForm(workspace::teams, workspace.playbooks(), workspace.users(), channels,
                workspace::me, bundle);
        start = new StartRunController(form, watcher, workspace.commands(), window.commands(), clock, commandTexts);
        fields = new RunFieldsController(workspace.runs(), workspace.pending(), workspace.commands(),
                window.commands(), bundle, commandTexts, zone);
        info = new RunInfoController(workspace.runs(), workspace.users()::displayName, clock, bundle, commandTexts,
                window.commands(), zone);
        ControllerFactory controllers = new ControllerFactory()
                .register(StartRunController.class, () -> start)
                .register(RunFieldsController.class, () -> fields)
                .register(RunInfoController.class, () -> info);
        ViewLoader views = new ViewLoader(controllers, bundle);
        Parent startView = views.load("/fxml/runstart/start_run.fxml");
        Parent fieldsView = views.load("/fxml/runfields/run_fields.fxml");
        Parent infoView = views.load("/fxml/runinfo/run_info.fxml");
        Label starting = new Label();
        starting.setId("startPending");
        starting.getStyleClass().addAll("stale-banner");
        starting.setMouseTransparent(true);
        starting.textProperty().bind(watcher.lineProperty());
        starting.visibleProperty().bind(watcher.lineProperty().isNotEmpty());
        StackPane.setAlignment(starting, Pos.BOTTOM_CENTER);
        StackPane.setMargin(starting, new Insets(0, 0, 44, 0));
        // Under the palette and the other overlays the window already has, above the views.
        window.root().getChildren().add(1, starting);
        window.root().getChildren().addAll(startView, fieldsView, infoView);

        subscriptions.add(workspace.runs().subscribe(batcher.collecting(changes -> changed())));
        subscriptions.add(workspace.pending().subscribe(batcher.collecting(targets -> changed())));
        channels.refresh(workspace.teams().stream().map(Team::id).toList());
        installCommands();
    }

    private void changed() {
        watcher.refresh();
        if (info.isOpen()) {
            info.refresh();
        }
    }

    private void installCommands() {
        BooleanBinding showing = window.openRunId().isNotNull();
        AtomicReference<Command> add = new AtomicReference<>();
        AtomicReference<Command> remove = new AtomicReference<>();
        AtomicReference<Command> announce = new AtomicReference<>();
        add.set(Command.of("run.addParticipant", window.runScope(), () -> window.askInPalette().accept(add.get()),
                        typed("+"))
                .enabledWhen(showing)
                .asking(new Command.Argument("argument.newParticipant", this::nonParticipants,
                        id -> setParticipation(id, true))));
        remove.set(Command.of("run.removeParticipant", window.runScope(),
                        () -> window.askInPalette().accept(remove.get()), typed("-"))
                .enabledWhen(showing)
                .asking(new Command.Argument("argument.participant", this::participants,
                        id -> setParticipation(id, false))));
        announce.set(Command.of("run.announce", window.runScope(), () -> {
                    channels.refresh(workspace.teams().stream().map(Team::id).toList());
                    window.askInPalette().accept(announce.get());
                }, combo("Shortcut+Shift+A"))
                .enabledWhen(showing)
                .asking(new Command.Argument("argument.channel", this::channelChoices, this::announce)));
        window.commands().add(
                Command.of("run.start", window.windowScope(), this::openStart, combo("Shortcut+N")),
                Command.of("run.fields", window.runScope(), () -> fields.open(openRun(), false), combo("F2"))
                        .enabledWhen(showing),
                Command.of("run.info", window.runScope(), () -> info.toggle(openRun()), typed("i"))
                        .enabledWhen(showing),
                add.get(), remove.get(),
                Command.of("run.follow", window.runScope(), () -> follow(true), typed("F")).enabledWhen(showing),
                Command.of("run.unfollow", window.runScope(), () -> follow(false)).enabledWhen(showing),
                Command.of("run.openChannel", window.runScope(), this::openChannel, typed("C")).enabledWhen(showing),
                announce.get());
    }

    private String openRun() {
        return window.openRunId().get();
    }

    private Optional<PlaybookRun> run() {
        return Optional.ofNullable(openRun()).flatMap(workspace.runs()::get);
    }

    /** From a run, its team is the likely one; from the list, the form's default. */
    private void openStart() {
        channels.refresh(workspace.teams().stream().map(Team::id).toList());
        start.open(run().map(PlaybookRun::teamId));
    }

    private List<Command.Choice> nonParticipants() {
        List<String> in = run().map(PlaybookRun::participantIds).orElse(List.of());
        return workspace.users().all().stream().filter(u -> !in.contains(u.id()))
                .sorted(Comparator.comparing(User::displayName)).map(RunOpsUi::choice).toList();
    }

    private List<Command.Choice> participants() {
        return run().map(PlaybookRun::participantIds).orElse(List.of()).stream()
                .map(id -> workspace.users().get(id).map(RunOpsUi::choice).orElse(new Command.Choice(id, id)))
                .toList();
    }

    private static Command.Choice choice(User u) {
        return new Command.Choice(u.id(), u.displayName() + "   @" + u.username());
    }

    private void setParticipation(String userId, boolean participating) {
        run().ifPresent(r -> workspace.commands().submit(new SetParticipation(r.id(), userId,
                workspace.users().displayName(userId), participating)));
    }

    private void follow(boolean following) {
        run().ifPresent(r -> workspace.commands().submit(new SetFollowing(r.id(), following)));
    }

    /** The run's team's channels first: that is where its people are. */
    private List<Command.Choice> channelChoices() {
        String team = run().map(PlaybookRun::teamId).orElse("");
        return channels.all().stream()
                .sorted(Comparator.comparing((Channel c) -> !c.teamId().equals(team)).thenComparing(Channel::name))
                .map(c -> new Command.Choice(c.id(), ChannelDirectory.label(c))).toList();
    }

    private void announce(String channelId) {
        Optional<PlaybookRun> run = run();
        Optional<URI> address = server.address().get();
        if (run.isEmpty() || address.isEmpty()) {
            return;
        }
        String owner = workspace.users().get(run.get().ownerUserId()).map(User::username).orElse("");
        String label = channels.get(channelId).map(c -> "~" + c.name()).orElse(channelId);
        workspace.commands().submit(AnnounceRun.of(run.get().id(), channelId, label,
                Announcement.message(run.get(), owner, address.get()), workspace.me().id()));
    }

    /**
     * The channel's permalink needs its name and its team's: known from the pickers' list, otherwise asked
     * for in the background. The browser is shown from the FX thread.
     */
    private void openChannel() {
        Optional<PlaybookRun> run = run();
        Optional<URI> address = server.address().get();
        if (run.isEmpty() || address.isEmpty() || run.get().channelId().isEmpty()) {
            return;
        }
        String channelId = run.get().channelId();
        Optional<Channel> known = channels.get(channelId);
        if (known.isPresent()) {
            browse(address.get(), known.get());
            return;
        }
        background.execute(() -> {
            try {
                Channel channel = server.channel().apply(channelId);
                batcher.execute(() -> browse(address.get(), channel));
            } catch (RuntimeException offline) {
                batcher.execute(() -> server.browser().accept(Announcement.runLink(address.get(), run.get().id())
                        .toString()));
            }
        });
    }

    private void browse(URI address, Channel channel) {
        String teamName = workspace.teams().stream().filter(t -> t.id().equals(channel.teamId())).map(Team::name)
                .findFirst().orElse("");
        server.browser().accept((teamName.isEmpty() ? Announcement.runLink(address, openRun())
                : Announcement.channelLink(address, teamName, channel.name())).toString());
    }

    /** For tests: the start form is open. */
    public boolean isStartOpen() {
        return start.isOpen();
    }

    @Override
    public void close() {
        background.shutdownNow();
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
