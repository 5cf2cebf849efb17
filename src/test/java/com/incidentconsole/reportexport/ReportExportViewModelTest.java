package com.incidentconsole.reportexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.report.ReportFormat;
import com.incidentconsole.report.ReportInput;
import com.incidentconsole.reportexport.ReportExportViewModel.State;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.ConnectionStatus;
import com.incidentconsole.uitest.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportExportViewModelTest {

    private final ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages");
    private final TestWorkspace workspace = TestWorkspace.seeded();
    private final Queue<Runnable> background = new ArrayDeque<>();

    private ReportExportViewModel model(Function<String, ReportInput> source) {
        return new ReportExportViewModel(TestWorkspace.DB_OUTAGE, source, background::add, Runnable::run, bundle);
    }

    private ReportInput online(String runId) {
        return new ReportInput(workspace.runs().get(runId).orElseThrow(), "Incident Resolution", List.of(), Map.of(),
                List.of(), ZoneOffset.UTC, TestWorkspace.NOW);
    }

    @Test
    void anExportGoesFromIdleThroughWorkingToDoneWithThePath(@TempDir Path dir) throws Exception {
        ReportExportViewModel model = model(this::online);
        assertEquals(State.IDLE, model.stateProperty().get());
        model.formatProperty().set(ReportFormat.MARKDOWN);
        Path file = dir.resolve(model.defaultFileName("Database outage eu-west"));
        assertEquals("Database outage eu-west.md", file.getFileName().toString());

        model.export(file);
        assertEquals(State.WORKING, model.stateProperty().get(), "working until the background job finishes");
        assertEquals("Writing the report…", model.messageProperty().get());
        background.poll().run();
        assertEquals(State.DONE, model.stateProperty().get());
        assertEquals("Saved to " + file, model.messageProperty().get());
        assertEquals(file, model.writtenProperty().get());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("# Database outage eu-west"));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside the report");
        }
    }

    @Test
    void aFolderThatIsGoneFailsWithAMessageAndNoFile(@TempDir Path dir) {
        ReportExportViewModel model = model(this::online);
        Path file = dir.resolve("gone").resolve("report.pdf");
        model.export(file);
        background.poll().run();
        assertEquals(State.FAILED, model.stateProperty().get());
        assertEquals("Could not write " + file + ": the folder does not exist", model.messageProperty().get());
        assertNull(model.writtenProperty().get());
        assertFalse(Files.exists(file));
    }

    @Test
    void offlineTheCachedRunIsExportedAndTheMessageSaysTheUpdatesAreMissing(@TempDir Path dir) throws Exception {
        workspace.setConnection(ConnectionStatus.of(ConnectionState.RECONNECTING));
        RunReportSource source = new RunReportSource(workspace, () -> {
            throw new AssertionError("offline: the server is not asked");
        }, Clock.fixed(TestWorkspace.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        ReportExportViewModel model = model(source::load);
        model.formatProperty().set(ReportFormat.HTML);
        Path file = dir.resolve("r.html");
        model.export(file);
        background.poll().run();
        assertEquals(State.DONE, model.stateProperty().get());
        assertTrue(model.messageProperty().get().contains("made offline"), model.messageProperty().get());
        String html = Files.readString(file);
        assertTrue(html.contains("Status update text is unavailable"), "the report itself says so");
        assertTrue(html.contains("Incident Resolution"), "the playbook title comes from the local directory");
    }

    @Test
    void aRunNeitherCachedNorReachableFailsWithAMessage(@TempDir Path dir) {
        workspace.setConnection(ConnectionStatus.of(ConnectionState.OFFLINE));
        RunReportSource source = new RunReportSource(workspace, Optional::empty,
                Clock.fixed(TestWorkspace.NOW, ZoneOffset.UTC), ZoneOffset.UTC);
        ReportExportViewModel model = new ReportExportViewModel("run-unknown", source::load, background::add,
                Runnable::run, bundle);
        model.export(dir.resolve("x.md"));
        background.poll().run();
        assertEquals(State.FAILED, model.stateProperty().get());
        assertEquals("The run is not in the local copy and the server cannot be reached.", model.messageProperty().get());
    }

    @Test
    void aRunNameThatIsNotAFileNameIsMadeSafe() {
        ReportExportViewModel model = model(this::online);
        model.formatProperty().set(ReportFormat.PDF);
        assertEquals("DB_ eu_west _ prod_.pdf", model.defaultFileName("DB/ eu\\west | prod?"));
        assertEquals("run-report.pdf", model.defaultFileName(".."));
    }
}
