package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.fx.UiTask;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "save, discard or stay?" question without a stage: asked only with unsaved edits, and each answer does what it says. */
class UnsavedChangesViewModelTest {

    @TempDir
    Path folder;

    private EditorViewModel editor;
    private UnsavedChangesViewModel unsaved;
    private final List<String> opened = new ArrayList<>();

    @BeforeEach
    void openBugBash() throws IOException {
        EditorViewModelTest.copyFixture("bug-bash.json", folder);
        EditorViewModelTest.copyFixture("incident-resolution.json", folder);
        PlaybookLibrary library = new PlaybookLibrary(folder, new PlaybookParser(), JsonMapper.builder().build());
        editor = new EditorViewModel(UiTask.DIRECT, UiTask.DIRECT, new PlaybookParser());
        editor.open(library, "bug-bash.json");
        unsaved = new UnsavedChangesViewModel(editor, ResourceBundle.getBundle(PlaybookEditorUi.BUNDLE));
    }

    @Test
    void withNothingUnsavedTheOtherFileOpensWithoutAQuestion() {
        assertEquals(UnsavedChangesViewModel.Opening.OPENED,
                unsaved.requestOpen("incident-resolution.json", () -> opened.add("incident-resolution.json")));
        assertEquals(List.of("incident-resolution.json"), opened);
        assertNull(unsaved.askingProperty().get());
    }

    @Test
    void unsavedEditsAskFirstAndSavingWritesThemThenOpens() throws IOException {
        editor.edit(f -> f.withTitle("Bug Bash, renamed"), "title");
        assertEquals(UnsavedChangesViewModel.Opening.ASKED,
                unsaved.requestOpen("incident-resolution.json", () -> opened.add("incident-resolution.json")));
        assertNotNull(unsaved.askingProperty().get());
        assertTrue(unsaved.askingProperty().get().question().contains("bug-bash.json"),
                unsaved.askingProperty().get().question());
        assertTrue(opened.isEmpty(), "nothing opens before the answer");

        unsaved.save();
        assertNull(unsaved.askingProperty().get());
        assertEquals(List.of("incident-resolution.json"), opened);
        assertTrue(Files.readString(folder.resolve("bug-bash.json")).contains("Bug Bash, renamed"));
    }

    @Test
    void discardingDropsTheEditsAndStayingOpensNothing() throws IOException {
        String onDisk = Files.readString(folder.resolve("bug-bash.json"));
        editor.edit(f -> f.withTitle("Not wanted"), "title");
        unsaved.requestClose(() -> opened.add("closed"));
        unsaved.cancel();
        assertNull(unsaved.askingProperty().get());
        assertTrue(opened.isEmpty(), "staying closes nothing");
        assertTrue(editor.dirtyProperty().get(), "and keeps the edits");

        unsaved.requestClose(() -> opened.add("closed"));
        unsaved.discard();
        assertEquals(List.of("closed"), opened);
        assertFalse(Files.exists(folder.resolve(".incident-console/drafts/bug-bash.json")), "no draft to recover");
        assertEquals(onDisk, Files.readString(folder.resolve("bug-bash.json")));
    }

    @Test
    void askingForTheFileThatIsOpenOpensNothingAndAsksNothing() {
        editor.edit(f -> f.withTitle("Still editing"), "title");
        assertEquals(UnsavedChangesViewModel.Opening.ALREADY_OPEN,
                unsaved.requestOpen("bug-bash.json", () -> opened.add("bug-bash.json")));
        assertTrue(opened.isEmpty());
        assertNull(unsaved.askingProperty().get());
    }
}
