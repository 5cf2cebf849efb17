package com.incidentconsole.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * The one ticking source of a window: "retrying in 3 s", "next update in 18 min" and overdue due dates
 * stay true while the commander watches. Views ask to be called every N seconds; the owner (the
 * composition root of the window) starts it and stops it in {@code close()}, so a closed UI leaves no
 * {@code Timeline} running. FX thread only.
 */
public final class UiClock implements AutoCloseable {

    private final List<Every> listeners = new CopyOnWriteArrayList<>();
    private Timeline timeline;
    private long seconds;

    /** Calls {@code onTick} every {@code periodSeconds} seconds until the returned handle is closed. */
    public AutoCloseable every(int periodSeconds, Runnable onTick) {
        if (periodSeconds < 1) {
            throw new IllegalArgumentException("period must be at least one second: " + periodSeconds);
        }
        Every every = new Every(periodSeconds, onTick);
        listeners.add(every);
        return () -> listeners.remove(every);
    }

    public void start() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        timeline.play();
    }

    public boolean isRunning() {
        return timeline != null && timeline.getStatus() == Animation.Status.RUNNING;
    }

    /** One second has passed; public so tests move time by hand instead of waiting for it. */
    public void tick() {
        seconds++;
        for (Every every : listeners) {
            if (seconds % every.periodSeconds == 0) {
                every.onTick.run();
            }
        }
    }

    @Override
    public void close() {
        if (timeline != null) {
            timeline.stop();
        }
        listeners.clear();
    }

    private record Every(int periodSeconds, Runnable onTick) {
    }
}
