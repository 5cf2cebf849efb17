package com.incidentconsole.uitest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures how long the UI thread works between two frames. A running {@link AnimationTimer} asks for
 * a pulse every frame (about 16 ms) and its {@code handle} runs at the start of each pulse, so between
 * two calls lies everything else the FX thread did: CSS, layout and text shaping of the previous pulse,
 * and every event handler and {@code runLater} since. A label that shapes 100 KB of Arabic for minutes
 * shows as a gap of minutes.
 *
 * <p>Two gaps are kept: wall time, and the FX thread's own CPU time. On a loaded machine (the build
 * machine runs many JVMs on two cores) the wall gap includes time the thread merely waited for a core;
 * the CPU gap is the work the UI did itself, which is what a long text can make grow, so budgets are
 * held against it and the wall gap is reported alongside.
 */
public final class PulseMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong lastWall = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong();
    private final AtomicLong longestWall = new AtomicLong();
    private final AtomicLong longestCpu = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            long wallBefore = lastWall.getAndSet(wall);
            long cpuBefore = lastCpu.getAndSet(cpu);
            if (wallBefore != 0) {
                longestWall.accumulateAndGet(wall - wallBefore, Math::max);
                longestCpu.accumulateAndGet(cpu - cpuBefore, Math::max);
            }
            frames.incrementAndGet();
        }
    };

    /** Starts measuring on the FX thread. */
    public PulseMeter start() {
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            lastWall.set(0);
            longestWall.set(0);
            longestCpu.set(0);
            frames.set(0);
            timer.start();
        });
        return this;
    }

    /** Stops, after letting two more frames through so a block in the last pulse is counted too. */
    public PulseMeter stop() {
        long seen = frames.get();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (frames.get() < seen + 2 && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents(1);
        }
        WaitForAsyncUtils.waitForAsyncFx(5_000, timer::stop);
        return this;
    }

    public long longestCpuMillis() {
        return longestCpu.get() / 1_000_000;
    }

    public long longestWallMillis() {
        return longestWall.get() / 1_000_000;
    }

    public long frames() {
        return frames.get();
    }

    @Override
    public String toString() {
        return "longest frame gap " + longestCpuMillis() + " ms of FX-thread CPU (" + longestWallMillis()
                + " ms wall) over " + frames() + " frames";
    }
}
