package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.command.CommandRegistry;
import com.incidentconsole.fx.command.KeyTable;
import com.incidentconsole.playbook.editor.PlaybookEditorUi;
import com.incidentconsole.uitest.TestWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The README's key table is written from the command registries of both windows; this test fails when it is out
 * of date. To rewrite it: {@code ./mvnw -B test -Dtest=KeyTableReadmeTest -Dupdate.readme=true}.
 */
@ExtendWith(ApplicationExtension.class)
class KeyTableReadmeTest {

    private static final Path README = Path.of("README.md");

    @TempDir
    static Path library;

    private String generated;

    @Start
    void start(Stage stage) {
        CommandRegistry main = new CommandRegistry();
        main.addAll(AppCommands.of(() -> { }, () -> { }, () -> { }, new SimpleBooleanProperty(false)));
        WorkspaceUi ui = new WorkspaceUi(ResourceBundle.getBundle(IncidentConsoleApp.BUNDLE),
                FxBatcher.onFxThread(), () -> TestWorkspace.NOW, ZoneOffset.UTC, main);
        TestWorkspace workspace = TestWorkspace.seeded();
        javafx.scene.Parent root = ui.build(workspace);
        // Every feature that adds commands after build, as the app installs them: the table must list them all,
        // and installing them together is what proves no two share a key in one scope.
        ui.installReports(workspace, java.util.Optional::empty, () -> stage, List.of(), file -> { });
        ui.installRunOps(workspace, java.util.Optional::empty, url -> { });
        ui.installNotifications(workspace, root, () -> stage, library);
        ui.installRetro(workspace, java.util.Optional::empty, java.util.Optional::empty, () -> stage, List.of());
        // retro (issue 16): the retrospective editor's own window and keys
        ui.retro().orElseThrow().open(TestWorkspace.DB_OUTAGE, stage);
        CommandRegistry retro = ui.retro().orElseThrow().commands(TestWorkspace.DB_OUTAGE).orElseThrow();
        ui.close();
        PlaybookEditorUi playbooks = new PlaybookEditorUi(Runnable::run, Runnable::run);
        playbooks.build(library);
        generated = KeyTable.markdown(List.of(main, playbooks.commands(), retro),
                ResourceBundle.getBundle(CommandRegistry.TEXTS));
    }

    @Test
    void theReadmeKeyTableIsTheRegistrys() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(KeyTable.BEGIN);
        int end = readme.indexOf(KeyTable.END);
        assertTrue(begin >= 0 && end > begin, "README.md has the generated key table markers");
        String expected = readme.substring(0, begin + KeyTable.BEGIN.length()) + "\n" + generated
                + readme.substring(end);
        if (Boolean.getBoolean("update.readme")) {
            Files.writeString(README, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, readme, "README.md's key table is out of date; rewrite it with "
                + "./mvnw -B test -Dtest=KeyTableReadmeTest -Dupdate.readme=true");
    }
}
