package com.incidentconsole.retro;

import static com.incidentconsole.fx.command.Trigger.combo;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.PaletteController;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.markdown.MarkdownBlocks;
import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.DraftAutosave;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the retrospective editor of a run in its own window, with its own keys and palette ({@code Ctrl+K}). One
 * window per run: asking again brings it to the front. Closing loses nothing (every change is already a draft);
 * the drafts are written on one disk thread of this UI, the status updates fetched on one network thread.
 */
public final class RetroUi implements AutoCloseable {

    public static final String VIEW = "/fxml/retro/retro_editor.fxml";
    public static final Scope WINDOW = Scope.window("retroWindow");
    private static final Logger LOG = Logger.getLogger(RetroUi.class.getName());

    private final Workspace workspace;
    private final Supplier<Optional<MattermostConnection>> connection;
    private final Supplier<Optional<RetroStores>> stores;
    private final ResourceBundle bundle;
    private final ResourceBundle commandTexts = ResourceBundle.getBundle(CommandRegistry.TEXTS);
    private final Supplier<Instant> clock;
    private final ZoneId zone;
    private final List<String> stylesheets;
    private final ExecutorService disk = single("retro-disk");
    private final ExecutorService net = single("retro-net");
    private final java.util.Map<String, Stage> open = new java.util.HashMap<>();
    private final java.util.Map<String, RetroEditorViewModel> models = new java.util.HashMap<>();
    private final java.util.Map<String, CommandRegistry> registries = new java.util.HashMap<>();

    public RetroUi(Workspace workspace, Supplier<Optional<MattermostConnection>> connection,
                   Supplier<Optional<RetroStores>> stores, ResourceBundle bundle, Supplier<Instant> clock, ZoneId zone,
                   List<String> stylesheets) {
        this.workspace = workspace;
        this.connection = connection;
        this.stores = stores;
        this.bundle = bundle;
        this.clock = clock;
        this.zone = zone;
        this.stylesheets = List.copyOf(stylesheets);
    }

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The local stores' disk thread, for the timeline's stars too: one writer. */
    public ExecutorService disk() {
        return disk;
    }

    /** Must run on the FX thread. */
    public Stage open(String runId, Window owner) {
        Stage existing = open.get(runId);
        if (existing != null) {
            existing.toFront();
            existing.requestFocus();
            return existing;
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        RetroEditorViewModel model = model(runId);
        CommandRegistry commands = new CommandRegistry();
        Parent root = build(model, commands, stage::close);
        registries.put(runId, commands);
        stage.titleProperty().bind(model.runNameProperty().map(n -> String.format(bundle.getString("retro.title"), n)));
        Scene scene = new Scene(root, 1200, 820);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        open.put(runId, stage);
        stage.setOnHidden(e -> {
            open.remove(runId);
            registries.remove(runId);
            models.remove(runId).close();
            if (owner != null) {
                owner.requestFocus();
            }
        });
        stage.show();
        return stage;
    }

    /** The view-model of an open editor (tests read its measured autosave cost). */
    public Optional<RetroEditorViewModel> editor(String runId) {
        return Optional.ofNullable(models.get(runId));
    }

    /** The commands of an open editor window (the README's key table lists them). */
    public Optional<CommandRegistry> commands(String runId) {
        return Optional.ofNullable(registries.get(runId));
    }

    private RetroEditorViewModel model(String runId) {
        Optional<RetroStores> local = stores.get();
        Optional<DraftAutosave> autosave = local.map(s -> new DraftAutosave(s.drafts(), disk,
                e -> LOG.log(Level.WARNING, "A retrospective draft could not be saved", e)));
        RetroEditorViewModel model = new RetroEditorViewModel(runId, workspace, local, autosave, disk, net,
                javafx.application.Platform::runLater, connection,
                new RunRecordMarkdown(workspace.users()::displayName, zone), clock, zone);
        models.put(runId, model);
        return model;
    }

    /** The editor's view with its commands in {@code commands}; package-visible for tests. */
    Parent build(RetroEditorViewModel model, CommandRegistry commands, Runnable close) {
        RetroEditorController[] controller = new RetroEditorController[1];
        FXMLLoader loader = new FXMLLoader(RetroUi.class.getResource(VIEW), bundle);
        BooleanBinding merging = Bindings.createBooleanBinding(() -> model.mergingProperty().get(),
                model.mergingProperty());
        BooleanBinding asking = model.questionProperty().isNotEmpty();
        BooleanBinding editing = merging.not().and(asking.not());
        List<Command> list = List.of(
                Command.of("retro.save", WINDOW, model::save, combo("Shortcut+S")).enabledWhen(editing),
                Command.of("retro.publish", WINDOW, model::publish, combo("Shortcut+Shift+P")).enabledWhen(editing),
                Command.of("retro.cancelRetro", WINDOW, model::askCancel, combo("Shortcut+Shift+N"))
                        .enabledWhen(editing),
                Command.of("retro.toggleEnabled", WINDOW, model::toggleEnabled, combo("Shortcut+Shift+E"))
                        .enabledWhen(editing),
                Command.of("retro.insertStarred", WINDOW, () -> insert(model, RetroRecord.Part.STARRED, controller),
                        combo("Alt+S")).enabledWhen(editing),
                Command.of("retro.insertUpdates", WINDOW, () -> insert(model, RetroRecord.Part.STATUS_UPDATES,
                        controller), combo("Alt+U")).enabledWhen(editing),
                Command.of("retro.insertPeople", WINDOW, () -> insert(model, RetroRecord.Part.PEOPLE, controller),
                        combo("Alt+P")).enabledWhen(editing),
                Command.of("retro.insertDurations", WINDOW, () -> insert(model, RetroRecord.Part.DURATIONS,
                        controller), combo("Alt+D")).enabledWhen(editing),
                Command.of("retro.metrics", WINDOW, () -> controller[0].focusMetrics(), combo("Alt+M"))
                        .enabledWhen(editing),
                Command.of("retro.text", WINDOW, () -> controller[0].focusText(), combo("Alt+T")).enabledWhen(editing),
                Command.of("retro.discardDraft", WINDOW, model::discardDraft, combo("Shortcut+Shift+Backspace"))
                        .enabledWhen(asking.not()),
                Command.of("retro.confirm", WINDOW, model::confirm, combo("Enter")).enabledWhen(asking),
                Command.of("retro.mergeAccept", WINDOW, model::acceptMerge, combo("Shortcut+Enter"))
                        .enabledWhen(merging),
                Command.of("retro.close", WINDOW, () -> {
                    if (asking.get()) {
                        model.cancelQuestion();
                    } else if (merging.get()) {
                        model.closeMerge();
                    } else {
                        close.run();
                    }
                }, combo("Esc")));
        String keys = keysLine(list, List.of("retro.save", "retro.publish", "retro.insertStarred", "retro.insertUpdates",
                "retro.insertPeople", "retro.insertDurations", "retro.metrics", "retro.text", "retro.toggleEnabled",
                "retro.cancelRetro", "retro.discardDraft", "retro.close")) + " · Ctrl+K all commands";
        String mergeKeys = keysLine(list, List.of("retro.mergeAccept", "retro.close"));
        loader.setControllerFactory(type -> controller[0] = new RetroEditorController(model, new MarkdownBlocks(),
                bundle, keys, mergeKeys));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + VIEW, e);
        }
        Keymap.scope(root, WINDOW);
        commands.addAll(list);
        new PaletteController(commandTexts, commands).install(controller[0].root(), WINDOW);
        Keymap keymap = new Keymap(commands).attach(root);
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                keymap.attach(scene);
            }
        });
        model.open();
        return root;
    }

    private static void insert(RetroEditorViewModel model, RetroRecord.Part part, RetroEditorController[] view) {
        model.record().insert(part, md -> view[0].insertAtCaret(md));
    }

    private String keysLine(List<Command> list, List<String> ids) {
        StringBuilder line = new StringBuilder();
        for (String id : ids) {
            list.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(c -> {
                if (!line.isEmpty()) {
                    line.append(" · ");
                }
                line.append(c.primaryKey()).append(' ').append(shortTitle(commandTexts.getString(c.titleKey())));
            });
        }
        return line.toString();
    }

    private static String shortTitle(String title) {
        int paren = title.indexOf(" (");
        return paren > 0 ? title.substring(0, paren) : title;
    }

    @Override
    public void close() {
        Runnable closeAll = () -> List.copyOf(open.values()).forEach(Stage::close);
        if (javafx.application.Platform.isFxApplicationThread()) {
            closeAll.run();
        } else {
            javafx.application.Platform.runLater(closeAll);
        }
        disk.shutdown();
        net.shutdownNow();
    }
}
