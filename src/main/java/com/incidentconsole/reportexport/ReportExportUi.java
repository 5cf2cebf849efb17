package com.incidentconsole.reportexport;

import com.incidentconsole.fx.FxBatcher;
import com.incidentconsole.fx.command.Scope;
import com.incidentconsole.fx.window.ToolWindow;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.PlaybookRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "export a run" entry point for the command registry: {@link #exportRun(String, Window)} opens the export
 * dialog for one run, enabled while a run is open ({@link #enabled(ObservableValue)}). Esc or Close shuts it and
 * focus returns to the run.
 */
public final class ReportExportUi {

    public static final String VIEW = "/fxml/reportexport/export.fxml";
    /** The export dialog's keys (Esc closes it). */
    public static final Scope SCOPE = Scope.window("export");

    /** Opens a written file with the desktop's app for it; may throw (no desktop, no app), which the dialog reports. */
    @FunctionalInterface
    public interface FileOpener {
        void open(Path file) throws Exception;
    }

    private final Workspace workspace;
    private final RunReportSource source;
    private final ResourceBundle bundle;
    private final FxBatcher batcher;
    private final Executor background;
    private final FileOpener opener;
    private final List<String> stylesheets;

    /**
     * @param background where the report is loaded and written (never the FX thread)
     * @param opener e.g. {@code f -> getHostServices().showDocument(f.toUri().toString())} from the Application,
     *               or {@link #desktopOpener()}
     */
    public ReportExportUi(Workspace workspace, RunReportSource source, ResourceBundle bundle, FxBatcher batcher,
            Executor background, FileOpener opener, List<String> stylesheets) {
        this.workspace = workspace;
        this.source = source;
        this.bundle = bundle;
        this.batcher = batcher;
        this.background = background;
        this.opener = opener;
        this.stylesheets = List.copyOf(stylesheets);
    }

    /** True while a run is open, e.g. {@code enabled(navigation.openRunIdProperty())}. */
    public static BooleanBinding enabled(ObservableValue<String> openRunId) {
        return Bindings.createBooleanBinding(() -> openRunId.getValue() != null, openRunId);
    }

    /** {@code java.awt.Desktop} when the platform has one; otherwise opening fails with a message. */
    public static FileOpener desktopOpener() {
        return file -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                throw new UnsupportedOperationException("this desktop cannot open files from applications");
            }
            java.awt.Desktop.getDesktop().open(file.toFile());
        };
    }

    /** Must run on the FX thread. */
    public Stage exportRun(String runId, Window owner) {
        return new ToolWindow(bundle.getString("export.title"), SCOPE, "export.close", stylesheets,
                Modality.WINDOW_MODAL, -1, -1).open(owner, close -> build(runId, close), () -> { });
    }

    /** Package-visible so a test can show the dialog in its own stage. */
    Parent build(String runId, Runnable close) {
        String runName = workspace.runs().get(runId).map(PlaybookRun::name).orElse(runId);
        ReportExportViewModel model = new ReportExportViewModel(runId, source::load, background, batcher::execute, bundle);
        Consumer<Path> open = file -> background.execute(() -> {
            try {
                opener.open(file);
            } catch (Exception e) {
                batcher.execute(() -> model.openFailed(file, e));
            }
        });
        FXMLLoader loader = new FXMLLoader(ReportExportUi.class.getResource(VIEW), bundle);
        loader.setControllerFactory(type -> new ReportExportController(model, bundle, runName, open, close));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + VIEW, e);
        }
    }
}
