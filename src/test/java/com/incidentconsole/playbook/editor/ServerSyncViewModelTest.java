package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.RemotePlaybook;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync view-model without a stage: direct executors, the sandbox as the server. */
class ServerSyncViewModelTest {

    private static final Executor DIRECT = Runnable::run;
    private static SandboxServer sandbox;
    private static MattermostConnection connection;
    private static final JsonMapper MAPPER = WireJson.newMapper();

    @TempDir
    Path folder;

    private final PlaybookParser parser = new PlaybookParser();
    private LibraryViewModel library;
    private EditorViewModel editor;
    private ServerSyncViewModel sync;
    private PlaybookServers.Server server;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
        connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().credentials().token()), MAPPER);
    }

    @AfterAll
    static void stopSandbox() {
        connection.close();
        sandbox.close();
    }

    @BeforeEach
    void window() {
        server = new PlaybookServers.Server("Sandbox", connection.address().baseUrl().toString(),
                () -> new ConnectionPlaybookRemote(connection));
        library = new LibraryViewModel(DIRECT, DIRECT, parser, MAPPER, new TemplateCatalog(MAPPER));
        library.open(folder);
        editor = new EditorViewModel(DIRECT, DIRECT, parser);
        ResourceBundle bundle = ResourceBundle.getBundle(PlaybookEditorUi.SYNC_BUNDLE);
        sync = new ServerSyncViewModel(DIRECT, DIRECT, DIRECT, () -> List.of(server), library, editor, parser,
                bundle);
    }

    private PlaybookLibrary files() {
        return library.libraryProperty().get();
    }

    private RemotePlaybook first() throws Exception {
        return server.remote().get().list().get(0);
    }

    @Test
    void pullOpensTheFileAndPullAgainAsksBeforeReplacingLocalChanges() throws Exception {
        RemotePlaybook playbook = first();
        sync.pull(server, playbook, "pulled");
        assertEquals("pulled.json", editor.nameProperty().get(), sync.messageProperty().get());
        assertEquals(playbook.id(), files().syncRecord("pulled.json").orElseThrow().playbookId());

        files().write("pulled.json", files().read("pulled.json").withTitle("Local edit"));
        editor.open(files(), "pulled.json");
        sync.pullAgain();
        assertNotNull(sync.questionProperty().get(), "asked first");
        assertTrue(sync.questionProperty().get().text().contains("replaces your local changes"));
        sync.answer(-1);
        assertEquals("Local edit", files().read("pulled.json").title(), "Esc kept them");

        sync.pullAgain();
        sync.answer(0);
        assertEquals(playbook.title(), files().read("pulled.json").title());
        assertEquals(playbook.title(), editor.file().title(), "the open editor shows what was pulled");
        assertNull(sync.questionProperty().get());
    }

    @Test
    void pullingIntoAFileThatBelongsToSomethingElseIsRefused() throws Exception {
        files().create("mine.json", parser.parse("{\"version\":1,\"title\":\"Mine\",\"checklists\":[]}"));
        sync.pull(server, first(), "mine.json");
        assertTrue(sync.messageProperty().get().contains("not linked to a server playbook"),
                sync.messageProperty().get());
        assertEquals("Mine", files().read("mine.json").title());
    }

    @Test
    void unsavedEditsAreNotPushed() throws Exception {
        sync.pull(server, first(), "pulled.json");
        editor.edit(f -> f.withTitle("Not saved"), null);
        sync.push();
        assertTrue(sync.messageProperty().get().contains("unsaved edits"), sync.messageProperty().get());
        assertTrue(sync.messageIsErrorProperty().get());
    }

    @Test
    void aFileLinkedToAServerThisWindowDoesNotKnowSaysWhereAndWhatToDo() throws Exception {
        sync.pull(server, first(), "pulled.json");
        SyncRecord record = files().syncRecord("pulled.json").orElseThrow();
        files().putSyncRecord("pulled.json", new SyncRecord("https://elsewhere.example.com", record.playbookId(),
                record.updateAt(), record.base()));
        sync.push();
        String message = sync.messageProperty().get();
        assertTrue(message.contains("linked to https://elsewhere.example.com"), message);
        assertTrue(message.contains("connected to Sandbox only"), message);
        assertTrue(message.contains("Nothing was lost"), message);
    }

    @Test
    void theLinkStatusNamesTheServerAndWhereEachSideStands() throws Exception {
        ServerLinkStatus links = new ServerLinkStatus(DIRECT, DIRECT, DIRECT, () -> List.of(server), library,
                ResourceBundle.getBundle(PlaybookEditorUi.SYNC_BUNDLE));
        sync.pull(server, first(), "pulled.json");
        links.check();
        LibraryRow row = library.rows().stream().filter(r -> r.file().equals("pulled.json")).findFirst()
                .orElseThrow();
        assertEquals("⇅ Sandbox · in sync", links.text(row));
        assertEquals("· not linked", links.text(new LibraryRow("other.json", "Other", 0, 0, "", false, null)));
    }
}
