package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.merge.Conflict.Side;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playbook window against the embedded sandbox, driven by the keyboard: pull a playbook, edit and push it,
 * meet a colleague's change, merge it and push the merged result; create a new one once; and the errors. The
 * window runs on real background threads, as in the app, so every wait is for something the user would see.
 */
@ExtendWith(ApplicationExtension.class)
class PlaybookSyncUiTest {

    @TempDir
    static Path root;

    /**
     * One sandbox for the class (started on the test thread, off the FX thread): each test pulls afresh, so what
     * earlier tests left on the server is simply the server's current state. Every plugin exchange is checked
     * against the OpenAPI spec after each test.
     */
    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxOptions.defaults().withPort(0));
    private static final JsonMapper mapper = WireJson.newMapper();
    private static final MattermostConnection app = open(SANDBOX);
    private static final MattermostConnection colleague = open(SANDBOX);

    private final SandboxFixture sandbox = SANDBOX;
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final ExecutorService net = Executors.newSingleThreadExecutor();
    private Path folder;
    private PlaybookEditorUi ui;

    private static MattermostConnection open(SandboxFixture server) {
        return MattermostConnection.open(new ServerAddress(server.baseUrl()),
                new Credentials.AccessToken(server.control().credentials().token()), mapper);
    }

    @AfterAll
    static void closeConnections() {
        app.close();
        colleague.close();
    }

    private PlaybookServers.Server server(String label, MattermostConnection connection) {
        return new PlaybookServers.Server(label, connection.address().baseUrl().toString(),
                () -> new ConnectionPlaybookRemote(connection));
    }

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory(root, "library");
        EditorViewModelTest.copyFixture("bug-bash.json", folder);
        show(stage, () -> List.of(server("Sandbox", app)));
    }

    private void show(Stage stage, PlaybookServers servers) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new PlaybookEditorUi(io, net, Platform::runLater, servers);
        Scene scene = new Scene(ui.build(folder), 1280, 860);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET)
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        // On a stage that is already showing, nothing lays the new scene out yet: its split panes have no skins,
        // so their content is not in the scene graph for lookup until CSS is applied.
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        scene.lookup("#fileList").requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdownNow();
        net.shutdownNow();
        io.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void ctrl(FxRobot fx, KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = KeyCode.CONTROL;
        System.arraycopy(keys, 0, all, 1, keys.length);
        fx.press(all);
        KeyCode[] reversed = new KeyCode[all.length];
        for (int i = 0; i < all.length; i++) {
            reversed[i] = all[all.length - 1 - i];
        }
        fx.release(reversed);
    }

    private String message() {
        return ui.sync().messageProperty().get();
    }

    private PlaybookLibrary library() {
        return new PlaybookLibrary(folder, new PlaybookParser(), mapper);
    }

    private PlaybookFile onDisk(String file) throws Exception {
        return library().read(file);
    }

    /** A server playbook whose first checklist has at least two items, to edit on both sides. */
    private Playbook target() {
        return app.playbooks().listAll("").stream()
                .filter(p -> !p.checklists().isEmpty() && p.checklists().get(0).items().size() >= 2)
                .findFirst().orElseThrow();
    }

    private String listText(FxRobot fx, String file) {
        return fx.lookup("#fileList").queryAs(ListView.class).lookupAll(".list-cell").stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null && t.contains(file)).findFirst()
                .orElse("");
    }

    /** Ctrl+P, search, Enter picks, Enter pulls into the suggested file name; returns that name once pulled. */
    private String pullWithTheKeyboard(FxRobot fx, String search) {
        ctrl(fx, KeyCode.P);
        waitUntil("the picker lists the server's playbooks",
                () -> !fx.lookup("#playbookTable").queryAs(TableView.class).getItems().isEmpty());
        fx.write(search);
        waitUntil("the search narrowed the list", () -> {
            TableView<?> table = fx.lookup("#playbookTable").queryAs(TableView.class);
            return !table.getItems().isEmpty() && table.getSelectionModel().getSelectedItem() != null;
        });
        fx.type(KeyCode.ENTER);
        String file = fx.lookup("#fileField").queryTextInputControl().getText();
        assertTrue(file.endsWith(".json"), file);
        fx.type(KeyCode.ENTER);
        waitUntil("the pulled file is open", () -> file.equals(ui.editor().nameProperty().get())
                && ui.editor().isOpen() && library().syncRecord(file).isPresent());
        return file;
    }

    private void editAndSave(FxRobot fx, java.util.function.UnaryOperator<PlaybookFile> edit) {
        fx.interact(() -> ui.editor().edit(edit, null));
        ctrl(fx, KeyCode.S);
        waitUntil("saved", () -> !ui.editor().dirtyProperty().get());
    }

    private void colleagueEdits(String id, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ConnectionPlaybookRemote remote = new ConnectionPlaybookRemote(colleague);
        ObjectNode current = remote.get(id);
        edit.accept(current);
        remote.replace(id, current);
    }

    @Test
    void pullEditPushThenMergeAColleaguesChangeAndPushTheMergedResult(FxRobot fx) throws Exception {
        Playbook playbook = target();
        String file = pullWithTheKeyboard(fx, playbook.title());
        waitUntil("the list says it is in sync", () -> listText(fx, file).contains("in sync"));

        editAndSave(fx, f -> f.withItem(0, 0, ItemField.TITLE, "Renamed offline"));
        ctrl(fx, KeyCode.U);
        waitUntil("the server has the rename", () -> "Renamed offline".equals(
                app.playbooks().get(playbook.id()).checklists().get(0).items().get(0).title()));
        waitUntil("the window says so", () -> message().startsWith("Pushed " + file));

        colleagueEdits(playbook.id(), p -> {
            ((ObjectNode) p.get("checklists").get(0).get("items").get(0)).put("title", "Colleague’s title");
            p.put("description", "Colleague’s description");
        });
        editAndSave(fx, f -> f.withItem(0, 0, ItemField.TITLE, "My title")
                .withItem(0, 1, ItemField.TITLE, "My second item"));
        waitUntil("the list shows both sides changed", () -> listText(fx, file)
                .contains("local changes · server changed"));

        ctrl(fx, KeyCode.SHIFT, KeyCode.C);
        waitUntil("the compare tab shows the server's copy against the file", () -> fx.lookup("#diffTable")
                .queryAs(TableView.class).getItems().stream().anyMatch(c -> ((Change) c).before() != null
                        && ((Change) c).before().contains("Colleague’s description")));

        ctrl(fx, KeyCode.U);
        waitUntil("the merge view shows", () -> ui.sync().mergeProperty().get() != null
                && fx.lookup("#mergeLayer").query().isVisible());
        assertEquals("Colleague’s title",
                app.playbooks().get(playbook.id()).checklists().get(0).items().get(0).title(), "nothing was sent");
        MergeViewModel merge = ui.sync().mergeProperty().get();
        assertEquals(1, merge.conflicts().size());
        assertEquals("\"My title\"", merge.conflicts().get(0).conflict().mine());
        assertEquals("\"Colleague’s title\"", merge.conflicts().get(0).conflict().theirs());
        assertTrue(fx.lookup("#conflictTable").queryAs(TableView.class).isFocused(), "the conflicts have the keys");

        fx.write("t");
        assertEquals(Side.THEIRS, merge.conflicts().get(0).chosen());
        ctrl(fx, KeyCode.ENTER);
        waitUntil("the merge is saved into the file", () -> ui.sync().mergeProperty().get() == null
                && "Colleague’s title".equals(onDisk(file).checklists().get(0).items().get(0).title()));
        PlaybookFile merged = onDisk(file);
        assertEquals("My second item", merged.checklists().get(0).items().get(1).title());
        assertEquals("Colleague’s description", merged.text(PlaybookSetting.DESCRIPTION));

        ctrl(fx, KeyCode.U);
        waitUntil("the server has the merged result", () -> "My second item".equals(
                app.playbooks().get(playbook.id()).checklists().get(0).items().get(1).title()));
        Playbook onServer = app.playbooks().get(playbook.id());
        assertEquals("Colleague’s title", onServer.checklists().get(0).items().get(0).title());
        assertEquals("Colleague’s description", onServer.description());
        waitUntil("the list says it is in sync again", () -> listText(fx, file).contains("in sync"));
    }

    @Test
    void forcePushAsksFirstNamingWhatItOverwrites(FxRobot fx) throws Exception {
        Playbook playbook = target();
        String file = pullWithTheKeyboard(fx, playbook.title());
        colleagueEdits(playbook.id(), p -> p.put("description", "Colleague wrote this"));
        editAndSave(fx, f -> f.withTitle("Forced title"));

        ctrl(fx, KeyCode.U);
        waitUntil("the merge view shows", () -> ui.sync().mergeProperty().get() != null);
        ctrl(fx, KeyCode.SHIFT, KeyCode.F);
        waitUntil("the confirmation names the overwritten change", () -> fx.lookup("#forceBox").query().isVisible()
                && fx.lookup(".force-changes").queryLabeled().getText().contains("Colleague wrote this"));
        fx.type(KeyCode.ESCAPE);
        assertEquals("Colleague wrote this", app.playbooks().get(playbook.id()).description(), "Esc sent nothing");

        ctrl(fx, KeyCode.SHIFT, KeyCode.F);
        fx.type(KeyCode.ENTER);
        waitUntil("the local version is on the server", () -> "Forced title".equals(
                app.playbooks().get(playbook.id()).title()));
        assertNull(ui.sync().mergeProperty().get());
        assertEquals(playbook.description(), app.playbooks().get(playbook.id()).description(),
                "the colleague's description was overwritten by the file's");
        assertTrue(message().startsWith("Force pushed " + file), message());
    }

    @Test
    void aNewFileIsCreatedOnTheServerOnceAndThenLinked(FxRobot fx) throws Exception {
        String title = "Created in the window " + System.nanoTime();
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        editAndSave(fx, f -> f.withTitle(title));

        ctrl(fx, KeyCode.U);
        waitUntil("the window asks where to create it", () -> ui.sync().questionProperty().get() != null);
        assertTrue(ui.sync().questionProperty().get().options().get(0).startsWith("Sandbox › "));
        fx.type(KeyCode.ENTER);
        waitUntil("the file is linked", () -> library().syncRecord("bug-bash.json").isPresent());
        String id = library().syncRecord("bug-bash.json").orElseThrow().playbookId();
        assertEquals(title, app.playbooks().get(id).title());
        waitUntil("the window says so", () -> message().startsWith("Created bug-bash.json on Sandbox"));

        ctrl(fx, KeyCode.U);
        waitUntil("the second push finds nothing to do", () -> message().startsWith("Nothing to push"));
        assertNull(ui.sync().questionProperty().get(), "no second create");
        assertEquals(1, app.playbooks().listAll("").stream().filter(p -> p.title().equals(title)).count());
    }

    @Test
    void serverErrorsAreExplainedAndLoseNothing(FxRobot fx) throws Exception {
        Playbook playbook = target();
        String file = pullWithTheKeyboard(fx, playbook.title());
        editAndSave(fx, f -> f.withTitle("Edited while the server breaks"));
        String edited = Files.readString(folder.resolve(file));

        // On the PUT: the background status check only ever reads, so it cannot use the fault up first.
        sandbox.control().inject(FaultRule.failNext(1, "PUT", ".*/playbooks/" + playbook.id(), 404,
                "{\"error\":\"Not found\"}"));
        ctrl(fx, KeyCode.U);
        waitUntil("a 404 is explained", () -> message().contains("deleted on the server"));
        assertTrue(message().contains("Nothing was lost"), message());

        sandbox.control().inject(FaultRule.failNext(1, "PUT", ".*/playbooks/" + playbook.id(), 401, "{\"id\":\"api.context.session_expired.app_error\","
                        + "\"message\":\"Invalid or expired session\",\"status_code\":401}"));
        ctrl(fx, KeyCode.U);
        waitUntil("a 401 is explained", () -> message().contains("sign in again"));

        assertEquals(edited, Files.readString(folder.resolve(file)), "the file is untouched");
        assertEquals(playbook.title(), app.playbooks().get(playbook.id()).title(), "the server is untouched");
        assertTrue(fx.lookup("#syncMessage").queryLabeled().getStyleClass().contains("danger-text"));
    }

    @Test
    void severalServersEachGetTheirOwnFileAndAnUnreachableOneIsExplained(FxRobot fx) throws Exception {
        try (SandboxFixture second = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withSeed(7));
                MattermostConnection onSecond = open(second)) {
            Stage stage = (Stage) fx.lookup("#fileList").query().getScene().getWindow();
            fx.interact(() -> show(stage, () -> List.of(server("Sandbox", app), server("Second", onSecond))));
            Node list = fx.lookup("#fileList").query();
            fx.interact(list::requestFocus);

            String fileB = pullWithTheKeyboard(fx, "Second");
            var record = library().syncRecord(fileB).orElseThrow();
            assertEquals(onSecond.address().baseUrl().toString(), record.serverUrl());
            Playbook onB = onSecond.playbooks().get(record.playbookId());
            editAndSave(fx, f -> f.withTitle("Only on the second server"));
            ctrl(fx, KeyCode.U);
            waitUntil("B has it", () -> "Only on the second server".equals(onSecond.playbooks().get(onB.id())
                    .title()));
            assertTrue(app.playbooks().listAll("").stream().noneMatch(p -> p.title().equals(
                    "Only on the second server")), "A is untouched");

            second.close();
            editAndSave(fx, f -> f.withTitle("While B is down"));
            ctrl(fx, KeyCode.U);
            waitUntil("the window explains it", () -> message().contains("cannot reach the server"));
            assertTrue(message().contains("Check the network"), message());
            assertEquals("While B is down", onDisk(fileB).title());
        }
    }

    @Test
    void withoutAServerPullAndPushSayWhy(FxRobot fx) {
        Stage stage = (Stage) fx.lookup("#fileList").query().getScene().getWindow();
        fx.interact(() -> show(stage, PlaybookServers.none()));
        Node list = fx.lookup("#fileList").query();
        fx.interact(list::requestFocus);
        waitUntil("the file list shows", () -> !fx.lookup("#fileList").queryAs(ListView.class).getItems().isEmpty());
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> ui.editor().isOpen());

        ctrl(fx, KeyCode.U);
        assertTrue(message().startsWith("Not connected to a server"), message());
        assertTrue(fx.lookup("#serverLabel").queryLabeled().getText().startsWith("Not connected"));
        assertTrue(listText(fx, "bug-bash.json").contains("not linked"), listText(fx, "bug-bash.json"));
    }
}
