package com.incidentconsole.playbook.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import com.incidentconsole.app.IncidentConsoleApp;
import com.incidentconsole.playbook.library.ItemView;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import com.incidentconsole.playbook.library.diff.Change;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor window driven by the keyboard over a temporary library with two fixture files. */
@ExtendWith(ApplicationExtension.class)
class PlaybookEditorUiTest {

    @TempDir
    static Path root;

    private Path folder;
    private PlaybookEditorUi ui;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory(root, "library");
        EditorViewModelTest.copyFixture("bug-bash.json", folder);
        EditorViewModelTest.copyFixture("incident-resolution.json", folder);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        ui = new PlaybookEditorUi(Runnable::run, Runnable::run);
        Scene scene = new Scene(ui.build(folder), 1200, 800);
        scene.getStylesheets().add(IncidentConsoleApp.class.getResource(IncidentConsoleApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        fileList(stage.getScene()).requestFocus();
    }

    private static ListView<?> fileList(Scene scene) {
        return (ListView<?>) scene.lookup("#fileList");
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (Exception e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The library lists both fixtures and has the keyboard, as after opening the window. */
    private static void ready(FxRobot fx) {
        waitUntil("the two fixtures show", () -> ((ListView<?>) fx.lookup("#fileList").query()).getItems().size() == 2);
        ListView<?> list = fx.lookup("#fileList").queryAs(ListView.class);
        fx.interact(list::requestFocus);
        waitUntil("the list has the keyboard", list::isFocused);
    }

    private static List<String> itemTitles(PlaybookFile file, int checklist) {
        return file.checklists().get(checklist).items().stream().map(ItemView::title).toList();
    }

    @Test
    void createFromTemplateEditAddReorderUndoRedoAndSaveWithTheKeyboard(FxRobot fx) throws Exception {
        ready(fx);
        fx.write("n").write("Release train");
        fx.type(KeyCode.DOWN);
        fx.type(KeyCode.ENTER);
        waitUntil("the new file is open", () -> "release-train.json".equals(ui.editor().nameProperty().get()));
        assertTrue(Files.exists(folder.resolve("release-train.json")));
        assertEquals("Release train", ui.editor().file().title());
        List<String> before = itemTitles(ui.editor().file(), 0);

        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        fx.type(KeyCode.ENTER);
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Freeze the branch").type(KeyCode.ENTER);
        fx.type(KeyCode.INSERT);
        fx.write("Tell support").type(KeyCode.ENTER);
        waitUntil("the item is added", () -> itemTitles(ui.editor().file(), 0).size() == before.size() + 1);
        assertEquals(List.of("Freeze the branch", "Tell support"), itemTitles(ui.editor().file(), 0).subList(0, 2));

        fx.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        assertEquals("Tell support", itemTitles(ui.editor().file(), 0).get(2), "Alt+Down moved it one down");
        fx.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertEquals("Tell support", itemTitles(ui.editor().file(), 0).get(1), "undo put it back");
        fx.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals("Tell support", itemTitles(ui.editor().file(), 0).get(2), "redo moved it again");
        assertTrue(ui.titleProperty().get().endsWith("•"), "unsaved edits show in the title");

        fx.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("saved", () -> !ui.editor().dirtyProperty().get());
        PlaybookFile saved = new PlaybookParser().parse(Files.readString(folder.resolve("release-train.json")));
        List<String> expected = new ArrayList<>(before);
        expected.set(0, "Freeze the branch");
        expected.add(2, "Tell support");
        assertEquals(expected, itemTitles(saved, 0));
        assertFalse(ui.titleProperty().get().endsWith("•"));
    }

    @Test
    void editingAnItemTitleChangesOnlyThatLineOnDisk(FxRobot fx) throws Exception {
        ready(fx);
        String original = Files.readString(folder.resolve("bug-bash.json"), StandardCharsets.UTF_8);
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        fx.type(KeyCode.ENTER);
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Deploy the release candidate").type(KeyCode.ENTER);
        fx.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil("saved", () -> !ui.editor().dirtyProperty().get());

        List<String> was = original.lines().toList();
        List<String> now = Files.readString(folder.resolve("bug-bash.json"), StandardCharsets.UTF_8).lines().toList();
        assertEquals(was.size(), now.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                changed.add(i);
            }
        }
        assertEquals(1, changed.size(), "only the title line changed");
        assertTrue(now.get(changed.get(0)).contains("Deploy the release candidate"));
    }

    /**
     * Opening another file with unsaved edits asks first. Esc stays (nothing lost), D discards (the file on disk
     * and no draft left behind), S saves and then opens — all from the keyboard.
     */
    @Test
    void openingAnotherFileWithUnsavedEditsAsksToSaveDiscardOrStay(FxRobot fx) throws Exception {
        ready(fx);
        String bugBashOnDisk = Files.readString(folder.resolve("bug-bash.json"), StandardCharsets.UTF_8);
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Bug bash, unsaved");
        waitUntil("the edit is in", () -> ui.editor().dirtyProperty().get());
        Node bar = fx.lookup("#unsavedBar").query();
        assertFalse(bar.isVisible());

        fx.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        fx.write("j").type(KeyCode.ENTER);
        waitUntil("the question shows", bar::isVisible);
        assertTrue(fx.lookup("#unsavedSaveButton").query().isFocused(), "the keyboard is on the answer");
        assertTrue(((Label) fx.lookup("#unsavedLabel").query()).getText().contains("bug-bash.json"));
        fx.type(KeyCode.ESCAPE);
        waitUntil("the question is gone", () -> !bar.isVisible());
        assertEquals("bug-bash.json", ui.editor().nameProperty().get(), "Esc stays on the edited file");
        assertEquals("Bug bash, unsaved", ui.editor().file().title());
        assertTrue(fx.lookup("#fileList").query().isFocused(), "back in the list to pick again");

        fx.type(KeyCode.ENTER);
        waitUntil("asked again", bar::isVisible);
        fx.type(KeyCode.D);
        waitUntil("incident-resolution is open",
                () -> "incident-resolution.json".equals(ui.editor().nameProperty().get()));
        assertEquals(bugBashOnDisk, Files.readString(folder.resolve("bug-bash.json"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(folder.resolve(".incident-console/drafts/bug-bash.json")), "no draft to recover");

        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Incident, saved on the way out");
        fx.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        fx.write("k").type(KeyCode.ENTER);
        waitUntil("asked", bar::isVisible);
        fx.type(KeyCode.S);
        waitUntil("bug-bash is open again", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        assertNull(ui.editor().recoverableDraftProperty().get(), "the discarded edit does not come back");
        assertEquals("Incident, saved on the way out", new PlaybookParser()
                .parse(Files.readString(folder.resolve("incident-resolution.json"))).title());
        assertFalse(bar.isVisible());
    }

    /** Closing the window with unsaved edits asks the same question: Esc keeps the window, S saves and closes. */
    @Test
    void closingWithUnsavedEditsAsksAndSavesBeforeClosing(FxRobot fx) throws Exception {
        ready(fx);
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Bug bash, closing");
        waitUntil("the edit is in", () -> ui.editor().dirtyProperty().get());
        Node bar = fx.lookup("#unsavedBar").query();
        AtomicInteger closed = new AtomicInteger();

        fx.interact(() -> ui.requestClose(closed::incrementAndGet));
        waitUntil("the question shows", bar::isVisible);
        assertTrue(((Label) fx.lookup("#unsavedLabel").query()).getText().contains("Close the window"));
        fx.type(KeyCode.ESCAPE);
        waitUntil("the question is gone", () -> !bar.isVisible());
        assertEquals(0, closed.get(), "Esc keeps the window open");

        fx.interact(() -> ui.requestClose(closed::incrementAndGet));
        waitUntil("asked again", bar::isVisible);
        fx.type(KeyCode.S);
        waitUntil("closed after saving", () -> closed.get() == 1);
        assertEquals("Bug bash, closing", new PlaybookParser()
                .parse(Files.readString(folder.resolve("bug-bash.json"))).title());

        fx.interact(() -> ui.requestClose(closed::incrementAndGet));
        waitUntil("nothing unsaved: closes at once", () -> closed.get() == 2);
        assertFalse(bar.isVisible());
    }

    @Test
    void aCrashedEditIsRecoveredInANewEditorAndCompareShowsTheChangedItem(FxRobot fx) throws Exception {
        ready(fx);
        fx.type(KeyCode.ENTER);
        waitUntil("bug-bash is open", () -> "bug-bash.json".equals(ui.editor().nameProperty().get()));
        fx.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        fx.type(KeyCode.ENTER);
        fx.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx.write("Deploy to staging").type(KeyCode.ENTER);
        waitUntil("the edit is in", () -> itemTitles(ui.editor().file(), 0).get(0).equals("Deploy to staging"));

        // The "crash": nothing saved; a second editor is built over the same folder.
        PlaybookEditorUi second = new PlaybookEditorUi(Runnable::run, Runnable::run);
        Stage[] stage = new Stage[1];
        fx.interact(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(second.build(folder), 1200, 800));
            stage[0].show();
            stage[0].getScene().lookup("#fileList").requestFocus();
        });
        try {
            waitUntil("the second list has the keyboard", () -> stage[0].getScene().lookup("#fileList").isFocused());
            fx.type(KeyCode.ENTER);
            waitUntil("the draft is offered", () -> second.editor().recoverableDraftProperty().get() != null);
            fx.type(KeyCode.SPACE);
            waitUntil("the draft is recovered", () -> second.editor().recoverableDraftProperty().get() == null);
            assertEquals("Deploy to staging", itemTitles(second.editor().file(), 0).get(0));
            assertTrue(second.editor().dirtyProperty().get(), "recovered, not yet saved");

            fx.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
            fx.targetWindow(stage[0]).write("c");
            @SuppressWarnings("unchecked")
            TableView<Change> diff = (TableView<Change>) stage[0].getScene().lookup("#diffTable");
            waitUntil("the diff lists the item", () -> second.editor().changes().stream()
                    .anyMatch(c -> c.target() == Change.Target.ITEM && (c.name() + c.after()).contains("staging")));
            assertTrue(diff.getItems().stream().anyMatch(c -> c.checklist() != null));
        } finally {
            fx.interact(stage[0]::close);
        }
    }
}
