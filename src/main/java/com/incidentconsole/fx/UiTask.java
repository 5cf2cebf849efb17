package com.incidentconsole.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One piece of background work for a view-model: {@link #call} runs on a background executor, and what it
 * produced — or the exception it threw — is handed over on the UI executor, the FX thread's boundary (the
 * window's {@link FxBatcher}, or {@code Platform::runLater} in a window without one). The view-model therefore
 * only ever touches its properties on the UI side, and a test passes {@link #DIRECT} for both executors to run
 * the whole thing synchronously, with no waiting.
 *
 * <pre>{@code
 * UiTask.of(() -> lib.syncRecord(name))
 *         .onSuccess(record -> ...)            // on ui
 *         .onError(e -> failed(name, e))      // on ui; any Exception, checked or not
 *         .on(io, ui);
 * }</pre>
 *
 * Without {@link #onError} a failure is logged, never swallowed. An {@link Error} is not caught: it is the
 * background thread's to report.
 */
public final class UiTask<T> {

    /** Runs on the calling thread: for tests, so a view-model's background work is done when the call returns. */
    public static final Executor DIRECT = Runnable::run;

    private static final Logger LOG = Logger.getLogger(UiTask.class.getName());

    /** The background half: may block (disk, network), may throw. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    /** Background work without a result. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Exception> onError;

    private UiTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> UiTask<T> of(Work<T> work) {
        return new UiTask<>(work);
    }

    public static UiTask<Void> run(Job job) {
        Objects.requireNonNull(job);
        return new UiTask<>(() -> {
            job.run();
            return null;
        });
    }

    /** What to do with the result, on the UI executor. */
    public UiTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** What to do when the work threw, on the UI executor. */
    public UiTask<T> onError(Consumer<Exception> action) {
        this.onError = Objects.requireNonNull(action);
        return this;
    }

    /** Starts the work on {@code background}; the outcome is handed to {@code ui}. Returns at once. */
    public void on(Executor background, Executor ui) {
        Consumer<? super T> success = onSuccess;
        Consumer<Exception> error = onError;
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (error == null) {
                    LOG.log(Level.WARNING, "Background work failed with nobody to tell", e);
                } else {
                    ui.execute(() -> error.accept(e));
                }
                return;
            }
            ui.execute(() -> success.accept(result));
        });
    }
}
