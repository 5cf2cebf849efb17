package com.incidentconsole.playbook.editor;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.fx.ControllerFactory;
import com.incidentconsole.fx.ViewLoader;
import com.incidentconsole.fx.command.Command;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.Keymap;
import com.incidentconsole.fx.command.KeysHelpController;
import com.incidentconsole.fx.command.PaletteController;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.command.Trigger;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * Composition root of the playbook editor window: one library folder, its list, the editor for the open file,
 * and pull / push / merge with the app's servers. Tests build it with direct executors; the app passes
 * background threads and the FX thread.
 */
public final class PlaybookEditorUi {

    public static final String BUNDLE = "i18n.playbook";
    /** The playbook window's window-wide keys. */
    public static final Scope WINDOW = Scope.window("playbookWindow");
    public static final String STYLESHEET = "/css/playbook.css";
    static final String SYNC_BUNDLE = "i18n.playbook_sync";
    static final String SYNC_STYLESHEET = "/css/playbook-sync.css";
    static final String LIBRARY_VIEW = "/fxml/playbook/library.fxml";
    static final String EDITOR_VIEW = "/fxml/playbook/editor.fxml";
    static final String SERVER_BAR_VIEW = "/fxml/playbook/server_bar.fxml";
    static final String PULL_VIEW = "/fxml/playbook/pull.fxml";
    static final String MERGE_VIEW = "/fxml/playbook/merge.fxml";
    private static final String KEYS_VIEW = "/fxml/fx/keys_help.fxml";

    private final Executor io;
    private final Executor net;
    private final Executor ui;
    private final PlaybookServers servers;
    private final ResourceBundle bundle = withSyncTexts(ResourceBundle.getBundle(BUNDLE),
            ResourceBundle.getBundle(SYNC_BUNDLE));
    private EditorController editorController;
    private LibraryViewModel library;
    private EditorViewModel editor;
    private ServerSyncViewModel sync;
    private ServerLinkStatus links;
    private final CommandRegistry commands = new CommandRegistry();

    /** Offline only: {@code io} runs blocking file work in order (one thread); {@code ui} runs on the FX thread. */
    public PlaybookEditorUi(Executor io, Executor ui) {
        this(io, io, ui, PlaybookServers.none());
    }

    /**
     * @param io the library's one thread: file work, and pulls and pushes (which read and write the library)
     * @param net background server checks that touch no file, so a slow server never delays file work
     * @param ui the FX thread
     * @param servers where pull and push go: the app's signed-in connection(s), asked at each use
     */
    public PlaybookEditorUi(Executor io, Executor net, Executor ui, PlaybookServers servers) {
        this.io = io;
        this.net = net;
        this.ui = ui;
        this.servers = servers;
    }

    /** The default library: {@code ~/incident-console/playbooks}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), "incident-console", "playbooks");
    }

    /** Must run on the FX thread. */
    public Parent build(Path folder) {
        // The wire mapper, as the command line uses: the sidecar's keys must read the same in both.
        JsonMapper mapper = WireJson.newMapper();
        PlaybookParser parser = new PlaybookParser();
        library = new LibraryViewModel(io, ui, parser, mapper, new TemplateCatalog(mapper));
        editor = new EditorViewModel(io, ui, parser);
        sync = new ServerSyncViewModel(io, net, ui, servers, library, editor, parser, bundle);
        links = new ServerLinkStatus(io, net, ui, servers, library, bundle);
        PullViewModel pull = new PullViewModel(io, net, ui, servers, library, bundle);
        LibraryController[] libraryController = new LibraryController[1];
        KeysHelpController[] help = new KeysHelpController[1];
        PullController[] picker = new PullController[1];
        MergeController[] merge = new MergeController[1];
        ServerBarController[] serverBar = new ServerBarController[1];
        ControllerFactory controllers = new ControllerFactory()
                .register(LibraryController.class, () -> libraryController[0] = new LibraryController(library, bundle,
                        this::openFile, this::compareWith))
                .register(EditorController.class, () -> editorController = new EditorController(editor, library,
                        bundle, () -> libraryController[0].focusList()))
                .register(KeysHelpController.class, () -> help[0] = new KeysHelpController(ResourceBundle.getBundle(CommandRegistry.TEXTS), commands))
                .register(PullController.class, () -> picker[0] = new PullController(pull, sync, bundle,
                        ZoneId.systemDefault()))
                .register(MergeController.class, () -> merge[0] = new MergeController(sync, bundle))
                .register(ServerBarController.class, () -> serverBar[0] = new ServerBarController(sync,
                        () -> picker[0].show(), () -> editorController.showComparison(),
                        () -> picker[0].isShowing() || merge[0].isShowing() || help[0].isShowing()));
        ViewLoader loader = new ViewLoader(controllers, bundle);
        Parent libraryView = loader.load(LIBRARY_VIEW);
        Parent editorView = loader.load(EDITOR_VIEW);
        SplitPane split = new SplitPane(libraryView, editorView);
        split.setDividerPositions(0.28);
        BorderPane main = new BorderPane(split);
        main.setBottom(loader.load(SERVER_BAR_VIEW));
        Node pullLayer = loader.load(PULL_VIEW);
        Node mergeLayer = loader.load(MERGE_VIEW);
        Node keysLayer = loader.load(KEYS_VIEW);
        StackPane root = new StackPane(main, pullLayer, mergeLayer, keysLayer);
        root.setId("playbookEditor");
        root.getStylesheets().add(PlaybookEditorUi.class.getResource(STYLESHEET).toExternalForm());
        root.getStylesheets().add(PlaybookEditorUi.class.getResource(SYNC_STYLESHEET).toExternalForm());
        Keymap.scope(root, WINDOW);
        commands.add(Command.of("playbook.help", WINDOW, () -> help[0].toggle(), Trigger.typed("?")));
        commands.addAll(editorController.commands()).addAll(serverBar[0].commands())
                .addAll(libraryController[0].commands()).addAll(picker[0].commands()).addAll(merge[0].commands());
        new PaletteController(ResourceBundle.getBundle(CommandRegistry.TEXTS), commands).install(root, WINDOW);
        Keymap keymap = new Keymap(commands).attach(root);
        // Also on the scene: Ctrl+S and the others must work while no control has the keyboard (a hidden draft bar).
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                keymap.attach(scene);
            }
        });
        libraryController[0].showLinkStatus(links::text, links.states());
        sync.onFileChanged(file -> libraryController[0].selectFile(file));
        // Every list refresh (open, save, pull, push) re-asks the servers in the background whether they moved.
        library.rows().addListener((ListChangeListener<LibraryRow>) c -> checkServers());
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

    /** Closes through {@code close} once unsaved edits are saved or discarded; stays open when the user says so. */
    public void requestClose(Runnable close) {
        editorController.requestClose(close);
    }

    /** "file — title •" for the window title. */
    public ReadOnlyStringProperty titleProperty() {
        return editorController.windowTitleProperty();
    }

    /** Every command of the playbook window (keys overlay, README key table). */
    public CommandRegistry commands() {
        return commands;
    }

    public LibraryViewModel library() {
        return library;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public ServerSyncViewModel sync() {
        return sync;
    }

    public ServerLinkStatus links() {
        return links;
    }

    /**
     * Asks the servers again whether linked playbooks moved (the window calls it now and then), and shows which
     * servers are there now: the app may have connected since the window opened.
     */
    public void checkServers() {
        sync.servers();
        links.check();
    }

    /** The playbook bundle with the server texts laid over it, so every view and the keys overlay see both. */
    private static ResourceBundle withSyncTexts(ResourceBundle base, ResourceBundle syncTexts) {
        return new ResourceBundle() {
            {
                setParent(base);
            }

            @Override
            protected Object handleGetObject(String key) {
                return syncTexts.containsKey(key) ? syncTexts.getObject(key) : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                Set<String> all = new TreeSet<>(syncTexts.keySet());
                all.addAll(base.keySet());
                return Collections.enumeration(all);
            }
        };
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
