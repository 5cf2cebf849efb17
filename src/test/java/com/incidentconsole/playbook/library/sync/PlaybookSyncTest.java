package com.incidentconsole.playbook.library.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.TemplateConversion;
import com.incidentconsole.playbook.library.store.LibraryException;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookSyncTest {

    /** Playbook "pb1" plus any imported ones, held as full JSON; exports are derived the way the server does. */
    static class FakeServer implements PlaybookRemote {
        ObjectNode playbook;
        final Map<String, ObjectNode> imported = new LinkedHashMap<>();
        long clock = 1000;
        int puts;

        private ObjectNode stored(String playbookId) throws PlaybookRemoteException {
            ObjectNode found = playbookId.equals("pb1") ? playbook : imported.get(playbookId);
            if (found == null) {
                throw new PlaybookRemoteException(PlaybookRemoteException.Reason.NOT_FOUND, "no " + playbookId, null);
            }
            return found;
        }

        @Override
        public ObjectNode get(String playbookId) throws PlaybookRemoteException {
            return stored(playbookId).deepCopy();
        }

        @Override
        public String export(String playbookId) throws PlaybookRemoteException {
            String canonical = TemplateConversion.toExport(stored(playbookId)).toCanonicalText();
            return canonical.substring(0, canonical.length() - 1);
        }

        @Override
        public void replace(String playbookId, ObjectNode fullPlaybook) {
            ObjectNode next = fullPlaybook.deepCopy();
            next.put("update_at", ++clock);
            if (playbookId.equals("pb1")) {
                playbook = next;
            } else {
                imported.put(playbookId, next);
            }
            puts++;
        }

        @Override
        public String importPlaybook(String teamId, String exportText) throws IOException {
            ObjectNode body = (ObjectNode) WireJson.newMapper().readTree(exportText);
            body.remove("version");
            String id = "new" + (imported.size() + 1);
            body.put("id", id);
            body.put("team_id", teamId);
            body.put("update_at", ++clock);
            imported.put(id, body);
            return id;
        }

        @Override
        public List<RemotePlaybook> list() {
            return List.of(new RemotePlaybook("pb1", playbook.path("title").asText(), "t1", "Team", clock));
        }

        @Override
        public List<RemoteTeam> teams() {
            return List.of(new RemoteTeam("t1", "Team"));
        }

        void editedByColleague(PlaybookFile newContent) {
            replace("pb1", new ExportOverlay().toFullPlaybook(playbook, newContent));
        }
    }

    @TempDir
    Path folder;

    private final FakeServer server = new FakeServer();
    private final PlaybookParser parser = new PlaybookParser();
    private PlaybookLibrary library;
    private PlaybookSync sync;

    @BeforeEach
    void pullIncident() throws Exception {
        server.playbook = new ExportOverlay().toFullPlaybook(
                (ObjectNode) WireJson.newMapper().readTree("{\"id\":\"pb1\",\"team_id\":\"t1\",\"update_at\":1000}"),
                Fixtures.file(Fixtures.INCIDENT));
        library = new PlaybookLibrary(folder, parser, WireJson.newMapper());
        sync = new PlaybookSync(library, server, "https://chat.example.com", parser);
        sync.pull("incident.json", "pb1");
    }

    @Test
    void pullWritesTheExportAndRemembersWhereItCameFrom() throws Exception {
        assertEquals(Fixtures.text(Fixtures.INCIDENT), library.read("incident.json").toText());
        assertEquals(1000, library.syncRecord("incident.json").orElseThrow().updateAt());
        assertInstanceOf(PushPlan.NothingToPush.class, sync.push("incident.json", false));
        assertEquals(0, server.puts);
    }

    @Test
    void pushSendsLocalEditsWhenTheServerHasNotMoved() throws Exception {
        library.write("incident.json", library.read("incident.json").withTitle("Sev incidents"));
        assertInstanceOf(PushPlan.Push.class, sync.push("incident.json", false));
        assertEquals("Sev incidents", server.playbook.get("title").asText());
        assertEquals("t1", server.playbook.get("team_id").asText());
        assertInstanceOf(PushPlan.NothingToPush.class, sync.push("incident.json", false));
    }

    @Test
    void pushRefusesWhenTheServerMovedAndAcceptingTheMergeLetsItThrough() throws Exception {
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withItem(0, 1, ItemField.COMMAND, "/meet start"));
        library.write("incident.json", library.read("incident.json").withTitle("Sev incidents"));

        PushPlan.Merge merge = assertInstanceOf(PushPlan.Merge.class, sync.push("incident.json", false));
        assertEquals(1, server.puts, "only the colleague's edit reached the server");

        sync.acceptMerge("incident.json", merge);
        assertInstanceOf(PushPlan.Push.class, sync.push("incident.json", false));
        assertEquals("Sev incidents", server.playbook.get("title").asText());
        assertEquals("/meet start",
                server.playbook.get("checklists").get(0).get("items").get(1).get("command").asText());
    }

    @Test
    void forceSendsTheLocalVersionAnyway() throws Exception {
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withItem(0, 1, ItemField.COMMAND, "/meet start"));
        library.write("incident.json", library.read("incident.json").withTitle("Sev incidents"));
        assertInstanceOf(PushPlan.Merge.class, sync.push("incident.json", true));
        assertEquals("/zoom start",
                server.playbook.get("checklists").get(0).get("items").get(1).get("command").asText());
    }

    @Test
    void serverOnlyChangesAreTakenLocally() throws Exception {
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withTitle("Renamed on server"));
        assertInstanceOf(PushPlan.TakeTheirs.class, sync.push("incident.json", false));
        assertEquals("Renamed on server", library.read("incident.json").title());
    }

    @Test
    void aCreateWhoseReadBackFailsSaysThePlaybookWasCreatedAndLinked() throws Exception {
        library.create("new.json", Fixtures.file(Fixtures.RELEASE));
        PlaybookSync failingReadBack = new PlaybookSync(library, new FakeServer() {
            @Override
            public String importPlaybook(String teamId, String exportText) {
                return "created1";
            }

            @Override
            public ObjectNode get(String playbookId) throws PlaybookRemoteException {
                throw new PlaybookRemoteException(PlaybookRemoteException.Reason.REJECTED,
                        "GET /playbooks/" + playbookId + " failed: 500", null);
            }
        }, "https://chat.example.com", parser);

        PlaybookRemoteException e = assertThrows(PlaybookRemoteException.class,
                () -> failingReadBack.create("new.json", "t1"));

        assertTrue(e.getMessage().startsWith("created playbook created1 on https://chat.example.com and linked new.json"),
                e.getMessage());
        assertEquals("created1", library.syncRecord("new.json").orElseThrow().playbookId());
    }

    @Test
    void filesNotPulledCannotBePushed() throws Exception {
        library.create("new.json", Fixtures.file(Fixtures.RELEASE));
        assertThrows(LibraryException.class, () -> sync.push("new.json", false));
    }

    @Test
    void aNewFileIsCreatedOnTheServerOnceAndThenLinked() throws Exception {
        library.create("new.json", Fixtures.file(Fixtures.RELEASE));

        String id = sync.create("new.json", "t1");

        assertEquals(1, server.imported.size());
        assertEquals("t1", server.imported.get(id).path("team_id").asText());
        assertEquals(id, library.syncRecord("new.json").orElseThrow().playbookId());
        assertInstanceOf(PushPlan.NothingToPush.class, sync.push("new.json", false));
        assertThrows(LibraryException.class, () -> sync.create("new.json", "t1"), "a linked file is never imported");
        assertEquals(1, server.imported.size());

        library.write("new.json", library.read("new.json").withTitle("Release v2"));
        assertInstanceOf(PushPlan.Push.class, sync.push("new.json", false));
        assertEquals("Release v2", server.imported.get(id).path("title").asText());
        assertEquals(1, server.imported.size(), "the edit updated the created playbook");
    }

    @Test
    void pullNeverOverwritesAFileThatBelongsToSomethingElse() throws Exception {
        library.create("mine.json", Fixtures.file(Fixtures.RELEASE));
        assertInstanceOf(PlaybookSync.PullTarget.Taken.class, sync.pullTarget("mine.json", "pb1"));
        assertThrows(LibraryException.class, () -> sync.pull("mine.json", "pb1"));
        assertEquals(Fixtures.text(Fixtures.RELEASE), library.read("mine.json").toText());
        assertInstanceOf(PlaybookSync.PullTarget.NewFile.class, sync.pullTarget("other.json", "pb1"));
    }

    @Test
    void pullingAgainOverLocalChangesNeedsTheUsersConsent() throws Exception {
        assertEquals(new PlaybookSync.PullTarget.Refresh(false), sync.pullTarget("incident.json", "pb1"));
        library.write("incident.json", library.read("incident.json").withTitle("Local edit"));
        assertEquals(new PlaybookSync.PullTarget.Refresh(true), sync.pullTarget("incident.json", "pb1"));

        assertThrows(LibraryException.class, () -> sync.pull("incident.json", "pb1"));
        assertEquals("Local edit", library.read("incident.json").title());

        sync.pull("incident.json", "pb1", true);
        assertEquals("Incident Resolution", library.read("incident.json").title());
        assertFalse(sync.hasLocalChanges("incident.json"));
    }

    @Test
    void forcePushOverwritesOnlyTheServerVersionTheUserSaw() throws Exception {
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withTitle("Colleague 1"));
        library.write("incident.json", library.read("incident.json").withTitle("Mine"));
        PushPlan.Merge seen = assertInstanceOf(PushPlan.Merge.class, sync.push("incident.json", false));
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withTitle("Colleague 2"));

        PushPlan.Merge newer = assertInstanceOf(PushPlan.Merge.class,
                sync.pushOver("incident.json", seen.serverUpdateAt()));
        assertEquals("Colleague 2", server.playbook.get("title").asText(), "a change not shown is not overwritten");

        sync.pushOver("incident.json", newer.serverUpdateAt());
        assertEquals("Mine", server.playbook.get("title").asText());
    }

    @Test
    void aFileLinkedToAnotherServerIsRefusedThere() throws Exception {
        PlaybookSync elsewhere = new PlaybookSync(library, server, "https://other.example.com", parser);
        LibraryException refused = assertThrows(LibraryException.class, () -> elsewhere.push("incident.json", false));
        assertTrue(refused.getMessage().contains("linked to https://chat.example.com"), refused.getMessage());
        assertEquals(0, server.puts);
        assertTrue(PlaybookSync.sameServer("https://chat.example.com/", "https://chat.example.com"));
    }

    @Test
    void anArchivedPlaybookIsNotPushed() throws Exception {
        server.playbook.put("delete_at", 5);
        library.write("incident.json", library.read("incident.json").withTitle("Mine"));
        PlaybookRemoteException refused = assertThrows(PlaybookRemoteException.class,
                () -> sync.push("incident.json", true));
        assertEquals(PlaybookRemoteException.Reason.ARCHIVED, refused.reason());
        assertEquals(0, server.puts);
        assertEquals(PlaybookSync.ServerSide.ARCHIVED,
                PlaybookSync.serverSide(server, library.syncRecord("incident.json").orElseThrow()));
    }

    @Test
    void theBackgroundCheckSeesTheServerMove() throws Exception {
        var record = library.syncRecord("incident.json").orElseThrow();
        assertEquals(PlaybookSync.ServerSide.UNCHANGED, PlaybookSync.serverSide(server, record));
        server.editedByColleague(Fixtures.file(Fixtures.INCIDENT).withTitle("Moved"));
        assertEquals(PlaybookSync.ServerSide.CHANGED, PlaybookSync.serverSide(server, record));
    }
}
