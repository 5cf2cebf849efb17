package com.incidentconsole.alertsview;

import static com.incidentconsole.fx.command.Trigger.combo;
import static com.incidentconsole.fx.command.Trigger.typed;

import com.incidentconsole.alerts.AlertDesk;
import com.incidentconsole.alerts.AlertHistory;
import com.incidentconsole.alerts.AlertKind;
import com.incidentconsole.alerts.AlertLoop;
import com.incidentconsole.alerts.AlertRules;
import com.incidentconsole.alerts.AlertSettingsFile;
import com.incidentconsole.alerts.AlertText;
import com.incidentconsole.alerts.Debounce;
import com.incidentconsole.alerts.FanOut;
import com.incidentconsole.cadence.UpdateCadence;
import com.incidentconsole.alerts.dbus.FreedesktopNotifier;
import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.Navigation;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.sync.Subscription;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXMLLoader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Notifications in the main window (docs/adr/0028): builds the rules over the workspace's run store, the in-app
 * notifier (always) and the desktop one (Linux, when the session bus has a notification service), the history
 * panel, and their commands. The composition root calls {@link #install} once after the main view is built and
 * {@link #close} with the window's UI.
 */
public final class NotificationsUi implements AutoCloseable {

    /** The panel's keys: only the panel and the window-wide commands are asked while it is open. */
    public static final Scope SCOPE = Scope.modal("notifications");
    private static final int HISTORY = 200;
    private static final Duration DEBOUNCE = Duration.ofSeconds(2);

    private final AlertDesk desk;
    private final NotificationsViewModel model;
    private final NotificationsController panel;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final FanOut fanOut;
    private final FxBatcher batcher;
    /** Opens a run and brings the window forward; FX thread. */
    private final Consumer<String> openRun;
    private AlertLoop loop;

    NotificationsUi(AlertDesk desk, FanOut fanOut, Navigation navigation, CommandRegistry commands, Scope window,
            FxBatcher batcher, StackPane root, Supplier<Window> owner, ZoneId zone) {
        this.desk = desk;
        this.fanOut = fanOut;
        this.batcher = batcher;
        ResourceBundle texts = ResourceBundle.getBundle(AlertText.BUNDLE);
        model = new NotificationsViewModel(desk, texts, zone);
        openRun = runId -> {
            navigation.openRun(runId);
            if (owner.get() instanceof Stage stage) {
                stage.setIconified(false);
                stage.toFront();
            }
        };
        fanOut.add(new InAppNotifier(batcher, owner, texts.getString("alerts.openRun"), openRun));
        subscriptions.add(desk.history().subscribe(batcher.collecting(model::arrived)));
        subscriptions.add(desk.onSettings(batcher.collecting(model::settingsChanged)));
        FXMLLoader loader = new FXMLLoader(NotificationsUi.class.getResource("/fxml/alertsview/notifications.fxml"), texts);
        loader.setControllerFactory(type -> new NotificationsController(model, texts, openRun));
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load the notifications panel", e);
        }
        panel = loader.getController();
        root.getChildren().add(panel.layer());
        Keymap.scope(panel.layer(), SCOPE);
        addCommands(commands, window);
    }

    /**
     * Notifications for {@code workspace}'s runs in the window around {@code root}; call on the FX thread after the
     * main view is built.
     *
     * @param root the main view's root, which the panel is laid over
     * @param window the scope of the window-wide commands
     * @param dataDir where {@code notifications.properties} is kept
     * @param nextUpdateDue when a run's next status update is due; {@link UpdateCadence#nextUpdateDue}, the status cadence
     *        supplies its own
     */
    public static NotificationsUi install(Workspace workspace, Navigation navigation, CommandRegistry commands,
            Scope window, FxBatcher batcher, StackPane root, Supplier<Window> owner, Path dataDir,
            Supplier<Instant> clock, ZoneId zone, Function<PlaybookRun, Optional<Instant>> nextUpdateDue) {
        AlertRules rules = new AlertRules(workspace.me().id(),
                workspace.teams().stream().map(Team::id).collect(Collectors.toSet()),
                // The client does not load the playbooks the user follows; only teams count for now.
                playbookId -> false, nextUpdateDue, clock.get());
        AlertText text = new AlertText(ResourceBundle.getBundle(AlertText.BUNDLE), workspace.users()::displayName, zone,
                s -> DisplayText.line(s, 120));
        FanOut fanOut = new FanOut();
        AlertDesk desk = new AlertDesk(rules, new Debounce(DEBOUNCE), text, new AlertHistory(HISTORY), fanOut, clock);
        NotificationsUi ui = new NotificationsUi(desk, fanOut, navigation, commands, window, batcher, root, owner,
                zone);
        ui.loop = AlertLoop.start(desk, workspace.runs(), new AlertSettingsFile(dataDir));
        String openLabel = ResourceBundle.getBundle(AlertText.BUNDLE).getString("alerts.openRun");
        ui.loop.execute(() -> ui.connectDesktop(openLabel));
        return ui;
    }

    /** On the alerts thread: connecting may wait on the bus. */
    private void connectDesktop(String openLabel) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            // macOS and Windows: no platform notifier a plain Java app can reach without native code; in-app only.
            batcher.execute(() -> model.desktopConnected(Optional.empty(), System.getProperty("os.name")));
            return;
        }
        FreedesktopNotifier.Connected connected = FreedesktopNotifier.connect(System.getenv("DBUS_SESSION_BUS_ADDRESS"),
                openLabel, runId -> batcher.execute(() -> openRun.accept(runId)));
        connected.notifier().ifPresent(fanOut::add);
        batcher.execute(() -> model.desktopConnected(connected.notifier().map(n -> connected.why()), connected.why()));
    }

    private void addCommands(CommandRegistry commands, Scope window) {
        BooleanBinding open = Bindings.createBooleanBinding(() -> panel.layer().isVisible(), panel.layer().visibleProperty());
        BooleanBinding hasLatest = model.latestRunIdProperty().isNotNull();
        commands.add(
                Command.of("notify.history", window, this::togglePanel, combo("Shortcut+Shift+N")),
                Command.of("notify.openLatest", window, () -> openRun.accept(model.latestRunIdProperty().get()),
                        combo("Shortcut+Shift+G")).enabledWhen(hasLatest),
                Command.of("notify.dnd", window, model::toggleDoNotDisturb),
                Command.of("notify.panel.close", SCOPE, panel::hide, combo("Esc")).enabledWhen(open).keysOnly(),
                Command.of("notify.panel.open", SCOPE, panel::openSelected, combo("Enter")).enabledWhen(open).keysOnly(),
                Command.of("notify.panel.next", SCOPE, () -> panel.move(1), combo("Down"), typed("j"))
                        .enabledWhen(open).keysOnly(),
                Command.of("notify.panel.previous", SCOPE, () -> panel.move(-1), combo("Up"), typed("k"))
                        .enabledWhen(open).keysOnly(),
                Command.of("notify.panel.dnd", SCOPE, model::toggleDoNotDisturb, typed("d")).enabledWhen(open).keysOnly());
        AlertKind[] kinds = AlertKind.values();
        for (int i = 0; i < kinds.length; i++) {
            AlertKind kind = kinds[i];
            String id = kind.name().toLowerCase(Locale.ROOT);
            commands.add(
                    Command.of("notify.kind." + id, window, () -> model.toggleEnabled(kind)),
                    Command.of("notify.sound." + id, window, () -> model.toggleSound(kind)),
                    new Command("notify.panel.kind." + id, "command.notify.kind." + id, SCOPE,
                            List.of(typed(String.valueOf(i + 1))), open, () -> model.toggleEnabled(kind), null, false),
                    new Command("notify.panel.sound." + id, "command.notify.sound." + id, SCOPE,
                            List.of(combo("Alt+" + (i + 1))), open, () -> model.toggleSound(kind), null, false));
        }
    }

    private void togglePanel() {
        if (panel.isShowing()) {
            panel.hide();
        } else {
            panel.show();
        }
    }

    /** For tests: the desk the rules run in. */
    AlertDesk desk() {
        return desk;
    }

    NotificationsViewModel model() {
        return model;
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        if (loop != null) {
            loop.close();
        }
        fanOut.close();
    }
}
