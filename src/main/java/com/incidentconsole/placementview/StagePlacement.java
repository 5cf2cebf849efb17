package com.incidentconsole.placementview;

import com.incidentconsole.placement.Area;
import com.incidentconsole.placement.PlacementFile;
import com.incidentconsole.placement.WindowPlacement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where {@link WindowPlacement} says — at most the screen, where it was last time
 * if that is still on a screen — and saves its place when it closes. The file is read on the launcher
 * thread ({@link #load}, from {@code Application.init}) and written on a thread of its own.
 */
public final class StagePlacement {

    private static final Logger LOG = Logger.getLogger(StagePlacement.class.getName());

    private final PlacementFile file;
    private final Optional<WindowPlacement> saved;
    /**
     * Not a daemon: the last write finishes although the app is exiting. No thread waits idle: it
     * ends a second after its last write, so it never holds the JVM open.
     */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> new Thread(r, "window-place"));

    private StagePlacement(PlacementFile file, Optional<WindowPlacement> saved) {
        this.file = file;
        this.saved = saved;
        writer.allowCoreThreadTimeOut(true);
    }

    /** Blocking: reads the saved place. Call off the FX thread. */
    public static StagePlacement load(Path dataDir) {
        PlacementFile file = new PlacementFile(dataDir);
        return new StagePlacement(file, file.read());
    }

    /** The place for this start: the saved one fitted to today's screens, or {@code wanted} size centred. */
    public WindowPlacement placement(double wantedWidth, double wantedHeight) {
        Area primary = area(Screen.getPrimary().getVisualBounds());
        List<Area> screens = Screen.getScreens().stream().map(s -> area(s.getVisualBounds())).toList();
        return saved.map(p -> p.fitTo(screens, primary))
                .orElseGet(() -> WindowPlacement.initial(primary, wantedWidth, wantedHeight));
    }

    /** Before {@code show()}: the window's outer size, position and maximised state; saved again when it closes. */
    public void apply(Stage stage, WindowPlacement placement) {
        stage.setWidth(placement.bounds().width());
        stage.setHeight(placement.bounds().height());
        stage.setX(placement.bounds().x());
        stage.setY(placement.bounds().y());
        stage.setMaximized(placement.maximized());
        stage.setOnHidden(e -> save(stage));
    }

    private void save(Stage stage) {
        // The size to come back to is the normal one, not the maximised one.
        WindowPlacement now = new WindowPlacement(new Area(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight()), stage.isMaximized());
        WindowPlacement kept = stage.isMaximized() ? saved.map(p -> p.withMaximized(true)).orElse(now) : now;
        writer.execute(() -> {
            try {
                file.write(kept);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not save the window's place", e);
            }
        });
    }

    private static Area area(Rectangle2D r) {
        return new Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
}
