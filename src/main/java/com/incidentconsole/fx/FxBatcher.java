package com.incidentconsole.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one door through which state changed on background threads reaches the FX thread.
 *
 * <p>Sync listeners fire on whatever thread changed the state. A burst of 1,000 store changes must
 * become one model update per pulse, not 1,000 {@code runLater} calls that starve input handling at
 * the moment the user needs it most. Each channel collects values in a lock-free queue and schedules
 * a single drain only when none is scheduled; the drain hands the whole batch to the view-model.
 *
 * <p>The executor is injected so view-model tests can drain batches by hand, without a toolkit.
 */
public final class FxBatcher {

    private final Executor fxExecutor;

    public FxBatcher(Executor fxExecutor) {
        this.fxExecutor = Objects.requireNonNull(fxExecutor);
    }

    /** A batcher that drains on the JavaFX application thread. */
    public static FxBatcher onFxThread() {
        return new FxBatcher(Platform::runLater);
    }

    /**
     * A listener that may be called from any thread; {@code onFxThread} receives every value offered
     * since the previous drain, in order, on the FX thread.
     */
    public <T> Consumer<T> collecting(Consumer<List<T>> onFxThread) {
        Channel<T> channel = new Channel<>(onFxThread);
        return channel::offer;
    }

    /** Runs a finished background result on the FX thread, e.g. the outcome of a command future. */
    public void execute(Runnable onFxThread) {
        fxExecutor.execute(onFxThread);
    }

    private final class Channel<T> {

        private final Queue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final Consumer<List<T>> sink;

        Channel(Consumer<List<T>> sink) {
            this.sink = sink;
        }

        void offer(T value) {
            queue.add(value);
            if (scheduled.compareAndSet(false, true)) {
                fxExecutor.execute(this::drain);
            }
        }

        private void drain() {
            // Cleared before polling: a value offered while we drain schedules the next pulse rather than being lost.
            scheduled.set(false);
            List<T> batch = new ArrayList<>();
            for (T value = queue.poll(); value != null; value = queue.poll()) {
                batch.add(value);
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        }
    }
}
