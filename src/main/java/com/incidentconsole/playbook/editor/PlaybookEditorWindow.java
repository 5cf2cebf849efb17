package com.incidentconsole.playbook.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The playbook library as its own window, so an editor can stay open beside the runs. Owns one named daemon
 * thread for file I/O (in order, so a save never overtakes a draft write) and stops it when the window closes.
 */
public final class PlaybookEditorWindow {

    private static final Logger LOG = Logger.getLogger(PlaybookEditorWindow.class.getName());

    private final Path folder;
    private final List<String> stylesheets;

    /** {@code stylesheets}: the app's own, so the window looks like the rest of it. */
    public PlaybookEditorWindow(Path folder, List<String> stylesheets) {
        this.folder = folder;
        this.stylesheets = List.copyOf(stylesheets);
    }

    /**
     * The folder from {@code --library=DIR} among the app's named parameters, else the default library.
     * (JavaFX hands named parameters over in the {@code --name=value} form.)
     */
    public static Path folderFrom(java.util.Map<String, String> namedParameters) {
        String dir = namedParameters.get("library");
        return dir == null || dir.isBlank() ? PlaybookEditorUi.defaultFolder() : Path.of(dir);
    }

    /** Must run on the FX thread. */
    public Stage show(Window owner) {
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "Playbook library I/O");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.log(Level.SEVERE, "playbook file task failed", e));
            return t;
        });
        PlaybookEditorUi ui = new PlaybookEditorUi(io, Platform::runLater);
        Scene scene = new Scene(ui.build(folder), 1280, 860);
        scene.getStylesheets().addAll(stylesheets);
        Stage stage = new Stage();
        stage.initOwner(owner);
        String base = ResourceBundle.getBundle(PlaybookEditorUi.BUNDLE).getString("window.title");
        stage.titleProperty().bind(ui.titleProperty().map(t -> base + " — " + t));
        stage.setScene(scene);
        stage.setOnHidden(e -> io.shutdown());
        stage.show();
        // Keyboard first: the file list has the focus, so Enter opens the selected playbook at once.
        java.util.Optional.ofNullable(scene.lookup("#fileList")).ifPresent(javafx.scene.Node::requestFocus);
        return stage;
    }
}
