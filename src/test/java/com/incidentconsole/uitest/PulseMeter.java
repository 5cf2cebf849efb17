package com.incidentconsole.uitest;

import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the UI thread goes without a frame. A running {@link AnimationTimer} asks for a
 * pulse every frame (about 16 ms), and its {@code handle} runs at the start of each pulse; the gap
 * between two calls is the time the FX thread spent on everything else in between: CSS, layout and
 * text shaping of the previous pulse, and every event handler and {@code runLater} since. A label
 * that shapes 100 KB of Arabic for minutes shows as a gap of minutes; a responsive window never
 * exceeds a few tens of milliseconds.
 */
public final class PulseMeter {

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long at = System.nanoTime();
            long before = last.getAndSet(at);
            if (before != 0) {
                longest.accumulateAndGet(at - before, Math::max);
            }
            frames.incrementAndGet();
        }
    };

    /** Starts measuring on the FX thread and waits until the first frame is counted. */
    public PulseMeter start() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            last.set(0);
            longest.set(0);
            frames.set(0);
            timer.start();
        });
        return this;
    }

    /** Stops, after letting one more frame through so a block in the last pulse is counted too. */
    public PulseMeter stop() {
        long seen = frames.get();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (frames.get() < seen + 2 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents(1);
        }
        WaitForAsyncUtils.waitForAsyncFx(5_000, timer::stop);
        return this;
    }

    public long longestGapMillis() {
        return longest.get() / 1_000_000;
    }

    public long frames() {
        return frames.get();
    }
}
