package com.incidentconsole.reportexport;

import com.incidentconsole.report.ReportBuilder;
import com.incidentconsole.report.ReportFormat;
import com.incidentconsole.report.ReportInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One run's export: the chosen format, then idle → working → done (with the path) or failed (with why). Loading
 * and writing run on the background executor; the outcome is applied through the FX executor. Public methods run
 * on the FX thread.
 */
public final class ReportExportViewModel {

    public enum State { IDLE, WORKING, DONE, FAILED }

    private final String runId;
    private final Function<String, ReportInput> source;
    private final Executor background;
    private final Executor fx;
    private final ResourceBundle bundle;
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(ReportFormat.PDF);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();

    /** @param source the run's report input by run id (blocking; {@link RunReportSource#load} in the app) */
    public ReportExportViewModel(String runId, Function<String, ReportInput> source, Executor background, Executor fx,
            ResourceBundle bundle) {
        this.runId = runId;
        this.source = source;
        this.background = background;
        this.fx = fx;
        this.bundle = bundle;
    }

    public List<ReportFormat> formats() {
        return List.of(ReportFormat.values());
    }

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file written by the last successful export; null before. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** The run's name made safe as a file name, with the format's extension: "DB outage eu-west.pdf". */
    public String defaultFileName(String runName) {
        String safe = runName == null ? "" : runName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (safe.length() > 120) {
            safe = safe.substring(0, 120).strip();
        }
        return (safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "run-report" : safe) + "." + format.get().extension();
    }

    public void export(Path file) {
        if (state.get() == State.WORKING) {
            return;
        }
        ReportFormat chosen = format.get();
        state.set(State.WORKING);
        message.set(bundle.getString("export.working"));
        background.execute(() -> {
            Runnable outcome;
            try {
                ReportInput input = source.apply(runId);
                write(chosen, input, file);
                String key = input.statusUpdatesUnavailable() ? "export.done.offline" : "export.done";
                outcome = () -> finished(State.DONE, String.format(bundle.getString(key), file), file);
            } catch (IOException e) {
                outcome = () -> finished(State.FAILED, String.format(bundle.getString("export.failed.write"), file,
                        reason(e)), null);
            } catch (IllegalStateException e) {
                outcome = () -> finished(State.FAILED, bundle.getString("export.failed.noRun"), null);
            } catch (RuntimeException e) {
                outcome = () -> finished(State.FAILED, String.format(bundle.getString("export.failed"), reason(e)), null);
            }
            fx.execute(outcome);
        });
    }

    /** Opening the file failed (no desktop, no app for the type): say so; the file is still there. */
    public void openFailed(Path file, Exception why) {
        message.set(String.format(bundle.getString("export.openFailed"), file, reason(why)));
    }

    private void finished(State next, String text, Path file) {
        if (file != null) {
            written.set(file);
        }
        message.set(text);
        state.set(next);
    }

    private static void write(ReportFormat format, ReportInput input, Path file) throws IOException {
        format.writeFile(new ReportBuilder().build(input), file);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
