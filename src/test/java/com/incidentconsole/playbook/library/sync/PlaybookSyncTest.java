package com.incidentconsole.playbook.library.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookSyncTest {

    /** One playbook held as full JSON; exports are derived the way the server derives them. */
    static final class FakeServer implements PlaybookRemote {
        ObjectNode playbook;
        long clock = 1000;
        int puts;

        @Override
        public ObjectNode get(String playbookId) {
            return playbook.deepCopy();
        }

        @Override
        public String export(String playbookId) {
            String canonical = TemplateConversion.toExport(playbook).toCanonicalText();
            return canonical.substring(0, canonical.length() - 1);
        }

        @Override
        public void replace(String playbookId, ObjectNode fullPlaybook) {
            playbook = fullPlaybook.deepCopy();
            playbook.put("update_at", ++clock);
            puts++;
        }

        @Override
        public String importPlaybook(String teamId, String exportText) {
            throw new UnsupportedOperationException();
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
    void filesNotPulledCannotBePushed() throws Exception {
        library.create("new.json", Fixtures.file(Fixtures.RELEASE));
        assertThrows(LibraryException.class, () -> sync.push("new.json", false));
    }
}
