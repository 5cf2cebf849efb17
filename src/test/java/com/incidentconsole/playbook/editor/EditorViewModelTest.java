package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.MetricField;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.diff.Change;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.validate.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's state without a stage: a direct executor makes every file operation finish before it returns. */
class EditorViewModelTest {

    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path folder;

    private PlaybookLibrary library;

    static void copyFixture(String name, Path folder) throws IOException {
        try (InputStream in = EditorViewModelTest.class.getResourceAsStream("/playbook/" + name)) {
            Files.copy(in, folder.resolve(name));
        }
    }

    @BeforeEach
    void fixtures() throws IOException {
        copyFixture("bug-bash.json", folder);
        copyFixture("incident-resolution.json", folder);
        library = new PlaybookLibrary(folder, new PlaybookParser(), JsonMapper.builder().build());
    }

    private EditorViewModel openBugBash() {
        EditorViewModel editor = new EditorViewModel(DIRECT, DIRECT, new PlaybookParser());
        editor.open(library, "bug-bash.json");
        assertTrue(editor.isOpen());
        return editor;
    }

    @Test
    void aBadMetricTypeIsAnErrorAtItsFieldUntilFixed() {
        EditorViewModel editor = openBugBash();
        editor.edit(f -> f.withMetricAdded("Time to fix", "metric_minutes"), null);
        int index = editor.file().metrics().size() - 1;
        String path = "metrics[" + index + "].type";
        assertTrue(editor.problems().stream().anyMatch(p -> p.isError() && p.path().equals(path)),
                () -> "problems: " + editor.problems());

        editor.edit(f -> f.withMetric(index, MetricField.TYPE, "metric_duration"), null);
        assertFalse(editor.problems().stream().anyMatch(p -> p.path().equals(path)));
    }

    @Test
    void typingInOneFieldIsOneUndoStepAndRedoRestoresIt() {
        EditorViewModel editor = openBugBash();
        String original = editor.file().checklists().get(0).items().get(0).title();
        editor.edit(f -> f.withItem(0, 0, ItemField.TITLE, "D"), "item-title");
        editor.edit(f -> f.withItem(0, 0, ItemField.TITLE, "De"), "item-title");
        editor.edit(f -> f.withItemMoved(0, 0, 0, 1), null);
        assertTrue(editor.dirtyProperty().get());

        editor.undo();
        assertEquals("De", editor.file().checklists().get(0).items().get(0).title());
        editor.undo();
        assertEquals(original, editor.file().checklists().get(0).items().get(0).title());
        assertFalse(editor.dirtyProperty().get(), "back at the file's content");
        editor.redo();
        editor.redo();
        assertEquals("De", editor.file().checklists().get(0).items().get(1).title());
    }

    @Test
    void anUnsavedEditIsRecoveredByTheNextEditorAfterACrash() {
        EditorViewModel crashed = openBugBash();
        crashed.edit(f -> f.withTitle("Bug Bash, edited on a plane"), "title");

        EditorViewModel next = openBugBash();
        assertNotNull(next.recoverableDraftProperty().get(), "the draft is offered");
        assertFalse(next.dirtyProperty().get(), "nothing is taken before the user asks");
        next.recoverDraft();
        assertEquals("Bug Bash, edited on a plane", next.file().title());
        assertTrue(next.dirtyProperty().get());

        next.save();
        assertFalse(next.dirtyProperty().get());
        assertNull(openBugBash().recoverableDraftProperty().get(), "saving retires the draft");
    }

    @Test
    void discardingChangesLeavesTheFileAndNoDraftAndSavingRunsTheNextStepOnlyOnceWritten() throws IOException {
        String onDisk = Files.readString(folder.resolve("bug-bash.json"));
        EditorViewModel editor = openBugBash();
        editor.edit(f -> f.withTitle("Not wanted"), "title");
        assertTrue(Files.exists(folder.resolve(".incident-console/drafts/bug-bash.json")), "autosaved");
        boolean[] next = new boolean[1];
        editor.discardChanges(() -> next[0] = true);
        assertTrue(next[0]);
        assertEquals(onDisk, Files.readString(folder.resolve("bug-bash.json")));
        assertNull(openBugBash().recoverableDraftProperty().get(), "nothing to recover after a discard");

        EditorViewModel other = openBugBash();
        other.edit(f -> f.withTitle("Wanted"), "title");
        String[] seen = new String[1];
        other.save(() -> seen[0] = readTitle());
        assertEquals("Wanted", seen[0], "the next step sees the saved file");
    }

    private String readTitle() {
        try {
            return library.read("bug-bash.json").title();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void diffWithAnotherFileListsTheChangedItem() throws IOException {
        library.duplicate("bug-bash.json", "bug-bash-old.json");
        EditorViewModel editor = openBugBash();
        editor.edit(f -> f.withItem(0, 1, ItemField.TITLE, "Spin up two cloud instances"), null);

        editor.compareWith("bug-bash-old.json");
        Change change = editor.changes().stream().filter(c -> c.target() == Change.Target.ITEM).findFirst()
                .orElseThrow(() -> new AssertionError("no item change in " + editor.changes()));
        assertTrue((change.name() + change.after()).contains("Spin up two cloud instances"), change::toString);
        assertNotNull(change.checklist(), "grouped under its checklist");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("1h 30m", HumanDuration.format(5400));
        assertEquals(5400, HumanDuration.parse("1h30m").getAsLong());
        assertEquals(900, HumanDuration.parse("15").getAsLong(), "a bare number is minutes");
        assertTrue(HumanDuration.parse("soon").isEmpty());
    }

    @Test
    void problemsCarryAPathTheFormCanFocus() {
        EditorViewModel editor = openBugBash();
        editor.edit(f -> f.withChecklistTitle(0, ""), null);
        Problem p = editor.problems().stream().filter(x -> x.path().startsWith("checklists[0]")).findFirst()
                .orElseThrow(() -> new AssertionError("no checklist problem in " + editor.problems()));
        assertTrue(p.path().startsWith("checklists[0]"));
    }
}
