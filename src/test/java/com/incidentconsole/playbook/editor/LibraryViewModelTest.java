package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library list's file actions and status columns, with a direct executor. */
class LibraryViewModelTest {

    @TempDir
    Path folder;

    private LibraryViewModel model() {
        JsonMapper mapper = JsonMapper.builder().build();
        return new LibraryViewModel(Runnable::run, Runnable::run, new PlaybookParser(), mapper,
                new TemplateCatalog(mapper));
    }

    private List<String> files(LibraryViewModel model) {
        return model.rows().stream().map(LibraryRow::file).toList();
    }

    @Test
    void everyBuiltInTemplateButBlankConvertsToAnExportWithoutErrors() {
        LibraryViewModel model = model();
        model.open(folder);
        List<String> created = new ArrayList<>();
        for (TemplateCatalog.Template template : model.templates()) {
            model.create(template.title(), template, created::add);
        }
        assertEquals(model.templates().size(), created.size());
        for (LibraryRow row : model.rows()) {
            // Blank's one item has no title on purpose: the problem list then leads the author to fill it in.
            assertEquals(row.file().equals("blank.json") ? 1 : 0, row.errors(), () -> row.file() + " errors");
        }
    }

    @Test
    void duplicateRenameAndDeleteKeepTheListInStep() throws Exception {
        EditorViewModelTest.copyFixture("bug-bash.json", folder);
        PlaybookLibrary lib = new PlaybookLibrary(folder, new PlaybookParser(), JsonMapper.builder().build());
        String text = Files.readString(folder.resolve("bug-bash.json"));
        lib.putSyncRecord("bug-bash.json", new SyncRecord("https://chat.example.com", "pb1", 1, text));
        LibraryViewModel model = model();
        List<String> moved = new ArrayList<>();
        model.onFileMoved((from, to) -> moved.add(from + "->" + to));
        model.open(folder);
        LibraryRow row = model.rows().get(0);
        assertEquals("https://chat.example.com", row.server());
        assertFalse(row.changedSincePull());

        model.duplicate("bug-bash.json", "Bug bash copy", name -> { });
        assertEquals(List.of("bug-bash-copy.json", "bug-bash.json"), files(model));
        assertEquals("", model.rows().get(0).server(), "a copy is a new playbook, not linked");

        model.rename("bug-bash-copy.json", "release.json", name -> { });
        model.delete("bug-bash.json", () -> { });
        assertEquals(List.of("release.json"), files(model));
        assertEquals(List.of("bug-bash-copy.json->release.json", "bug-bash.json->null"), moved);
        assertTrue(Files.exists(folder.resolve("release.json")));
    }
}
