package com.incidentconsole.playbook.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The playbook library as its own window, so an editor can stay open beside the runs. Owns one named daemon
 * thread for file I/O (in order, so a save never overtakes a draft write, and a push never interleaves with a
 * save) and one for background server checks, and stops both when the window closes.
 */
public final class PlaybookEditorWindow {

    private static final Logger LOG = Logger.getLogger(PlaybookEditorWindow.class.getName());
    /** How often linked files ask their server whether it moved, besides after every list refresh. */
    private static final long CHECK_EVERY_SECONDS = 60;

    private final Path folder;
    private final List<String> stylesheets;
    private final PlaybookServers servers;

    /** {@code stylesheets}: the app's own, so the window looks like the rest of it. Offline: no server. */
    public PlaybookEditorWindow(Path folder, List<String> stylesheets) {
        this(folder, stylesheets, PlaybookServers.none());
    }

    /** {@code servers}: where pull and push go, normally the app's signed-in connection. */
    public PlaybookEditorWindow(Path folder, List<String> stylesheets, PlaybookServers servers) {
        this.folder = folder;
        this.stylesheets = List.copyOf(stylesheets);
        this.servers = servers;
    }

    /** Must run on the FX thread. */
    public Stage show(Window owner) {
        ExecutorService io = Executors.newSingleThreadExecutor(daemon("Playbook library I/O"));
        ScheduledExecutorService net = Executors.newSingleThreadScheduledExecutor(daemon("Playbook server check"));
        PlaybookEditorUi ui = new PlaybookEditorUi(io, net, Platform::runLater, servers);
        Scene scene = new Scene(ui.build(folder), 1280, 860);
        scene.getStylesheets().addAll(stylesheets);
        Stage stage = new Stage();
        stage.initOwner(owner);
        String base = ResourceBundle.getBundle(PlaybookEditorUi.BUNDLE).getString("window.title");
        stage.titleProperty().bind(ui.titleProperty().map(t -> base + " — " + t));
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            // Asked in the window (a bar: save / discard / stay), so the close waits for the answer.
            e.consume();
            ui.requestClose(stage::hide);
        });
        stage.setOnHidden(e -> {
            io.shutdown();
            net.shutdownNow();
        });
        net.scheduleWithFixedDelay(() -> Platform.runLater(ui::checkServers), CHECK_EVERY_SECONDS,
                CHECK_EVERY_SECONDS, TimeUnit.SECONDS);
        // Coming back to the window is when a stale "in sync" would mislead: look again.
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                ui.checkServers();
            }
        });
        stage.show();
        // Keyboard first: the file list has the focus, so Enter opens the selected playbook at once.
        java.util.Optional.ofNullable(scene.lookup("#fileList")).ifPresent(javafx.scene.Node::requestFocus);
        return stage;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.log(Level.SEVERE, name + " task failed", e));
            return t;
        };
    }
}
