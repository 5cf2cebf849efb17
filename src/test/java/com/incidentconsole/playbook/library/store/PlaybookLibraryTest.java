package com.incidentconsole.playbook.library.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLibraryTest {

    @TempDir
    Path folder;

    private PlaybookLibrary library() {
        return new PlaybookLibrary(folder, new PlaybookParser(), WireJson.newMapper());
    }

    @Test
    void filesCanBeCreatedListedReadDuplicatedRenamedAndDeleted() throws Exception {
        PlaybookLibrary library = library();
        library.create("incident.json", Fixtures.file(Fixtures.INCIDENT));
        assertThrows(LibraryException.class, () -> library.create("incident.json", Fixtures.file(Fixtures.RELEASE)));
        library.duplicate("incident.json", "copy.json");
        assertEquals(List.of("copy.json", "incident.json"), library.list());
        assertEquals(Fixtures.text(Fixtures.INCIDENT), Files.readString(folder.resolve("copy.json")));

        library.putSyncRecord("incident.json", new SyncRecord("https://chat.example.com", "pb1", 1700, "{}"));
        library.rename("incident.json", "sev1.json");
        assertEquals(Optional.of(new SyncRecord("https://chat.example.com", "pb1", 1700, "{}")),
                library.syncRecord("sev1.json"));
        assertEquals(Optional.empty(), library.syncRecord("copy.json"));
        assertEquals("Incident Resolution", library.read("sev1.json").title());

        library.delete("sev1.json");
        assertEquals(List.of("copy.json"), library.list());
        assertEquals(Optional.empty(), library.syncRecord("sev1.json"));
    }

    @Test
    void sidecarIsReadableJsonWithServerNames() throws Exception {
        PlaybookLibrary library = library();
        library.create("a.json", Fixtures.file(Fixtures.INCIDENT));
        library.putSyncRecord("a.json", new SyncRecord("https://chat.example.com", "pb1", 42, "base text"));
        String sidecar = Files.readString(folder.resolve(".incident-console/library.json"));
        assertTrue(sidecar.contains("\"server_url\" : \"https://chat.example.com\""), sidecar);
        assertTrue(sidecar.contains("\"update_at\" : 42"), sidecar);
        assertEquals(List.of("a.json"), library.list(), "the sidecar folder is not a playbook");
    }

    @Test
    void aSidecarWrittenByTheCommandLineIsReadByTheAppWhateverItsMapper() throws Exception {
        library().putSyncRecord("a.json", new SyncRecord("https://chat.example.com", "pb1", 42, "base text"));
        PlaybookLibrary withPlainMapper = new PlaybookLibrary(folder, new PlaybookParser(),
                JsonMapper.builder().build());
        assertEquals(Optional.of(new SyncRecord("https://chat.example.com", "pb1", 42, "base text")),
                withPlainMapper.syncRecord("a.json"));
    }

    @Test
    void namesThatEscapeTheFolderAreRefused() {
        PlaybookLibrary library = library();
        for (String bad : List.of("../x.json", "sub/x.json", ".hidden.json", "x.txt")) {
            assertThrows(LibraryException.class, () -> library.create(bad, Fixtures.file(Fixtures.INCIDENT)), bad);
        }
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        PlaybookLibrary library = library();
        library.create("a.json", Fixtures.file(Fixtures.INCIDENT));
        library.write("a.json", library.read("a.json").withTitle("Renamed"));
        try (var files = Files.list(folder)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        assertEquals("Renamed", library.read("a.json").title());
    }

    @Test
    void aDamagedLinkFileIsNamedAndLeftUntouched() throws Exception {
        PlaybookLibrary library = library();
        library.create("incident.json", Fixtures.file(Fixtures.INCIDENT));
        library.putSyncRecord("incident.json", new SyncRecord("https://chat.example.com", "pb1", 1700, "{}"));
        Path sidecar = folder.resolve(PlaybookLibrary.SIDECAR);
        String whole = Files.readString(sidecar);
        Files.writeString(sidecar, whole.substring(0, whole.length() / 2));

        LibraryException e = assertThrows(LibraryException.class, () -> library.syncRecord("incident.json"));

        assertTrue(e.getMessage().contains(sidecar.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertEquals(whole.substring(0, whole.length() / 2), Files.readString(sidecar));
    }
}
