package com.incidentconsole.playbook.editor;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.app.ControllerFactory;
import com.incidentconsole.app.ViewLoader;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.shell.KeyHintGroup;
import com.incidentconsole.shell.KeysHelpController;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * Composition root of the playbook editor window: one library folder, its list and the editor for the open
 * file. Tests build it with a direct executor pair; the app passes a background thread and the FX thread.
 */
public final class PlaybookEditorUi {

    public static final String BUNDLE = "i18n.playbook";
    public static final String STYLESHEET = "/css/playbook.css";
    static final String LIBRARY_VIEW = "/fxml/playbook/library.fxml";
    static final String EDITOR_VIEW = "/fxml/playbook/editor.fxml";
    private static final String KEYS_VIEW = "/fxml/shell/keys_help.fxml";

    private final Executor io;
    private final Executor ui;
    private final ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE);
    private EditorController editorController;
    private LibraryViewModel library;
    private EditorViewModel editor;

    /** {@code io} runs blocking file work in order (one thread); {@code ui} runs on the FX thread. */
    public PlaybookEditorUi(Executor io, Executor ui) {
        this.io = io;
        this.ui = ui;
    }

    /** The default library: {@code ~/incident-console/playbooks}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "incident-console", "playbooks");
    }

    /** Must run on the FX thread. */
    public Parent build(Path folder) {
        JsonMapper mapper = JsonMapper.builder().build();
        PlaybookParser parser = new PlaybookParser();
        library = new LibraryViewModel(io, ui, parser, mapper, new TemplateCatalog(mapper));
        editor = new EditorViewModel(io, ui, parser);
        LibraryController[] libraryController = new LibraryController[1];
        KeysHelpController[] help = new KeysHelpController[1];
        List<KeyHintGroup> keys = List.of(new KeyHintGroup("keys.library", LibraryController.KEYS),
                new KeyHintGroup("keys.editor", EditorController.KEYS));
        ControllerFactory controllers = new ControllerFactory()
                .register(LibraryController.class, () -> libraryController[0] = new LibraryController(library, bundle,
                        this::openFile, this::compareWith))
                .register(EditorController.class, () -> editorController = new EditorController(editor, library,
                        bundle, () -> libraryController[0].focusList()))
                .register(KeysHelpController.class, () -> help[0] = new KeysHelpController(bundle, keys));
        ViewLoader loader = new ViewLoader(controllers, bundle);
        Parent libraryView = loader.load(LIBRARY_VIEW);
        Parent editorView = loader.load(EDITOR_VIEW);
        SplitPane split = new SplitPane(libraryView, editorView);
        split.setDividerPositions(0.28);
        Node keysLayer = loader.load(KEYS_VIEW);
        StackPane root = new StackPane(split, keysLayer);
        root.setId("playbookEditor");
        root.getStylesheets().add(PlaybookEditorUi.class.getResource(STYLESHEET).toExternalForm());
        root.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter())) {
                help[0].toggle();
                e.consume();
            }
        });
        library.onFileMoved(editor::fileMoved);
        // A save changes the file's validation count and "changed since pull" marker in the list.
        editor.dirtyProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                library.refresh();
            }
        });
        library.open(folder);
        return root;
    }

    /** "file — title •" for the window title. */
    public ReadOnlyStringProperty titleProperty() {
        return editorController.windowTitleProperty();
    }

    public LibraryViewModel library() {
        return library;
    }

    public EditorViewModel editor() {
        return editor;
    }

    private void openFile(String file) {
        editorController.requestOpen(file,
                () -> editor.open(library.libraryProperty().get(), file, editorController::focusForm));
    }

    private void compareWith(String file) {
        if (editor.isOpen()) {
            editorController.compareWith(file);
        }
    }
}
