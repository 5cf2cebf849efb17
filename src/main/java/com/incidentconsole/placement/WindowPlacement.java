package com.incidentconsole.placement;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The main window's place and size, and the rules that keep it usable: never larger than the screen it
 * is on, never where its title bar cannot be grabbed.
 */
public record WindowPlacement(Area bounds, boolean maximized) {

    /** How much of the title bar must be on a screen for the user to grab it. */
    static final double GRAB_WIDTH = 120;
    static final double GRAB_HEIGHT = 30;

    /** A first start: the wanted size, cut to the primary screen, centred on it. */
    public static WindowPlacement initial(Area primary, double wantedWidth, double wantedHeight) {
        double w = Math.min(wantedWidth, primary.width());
        double h = Math.min(wantedHeight, primary.height());
        return new WindowPlacement(new Area(primary.x() + (primary.width() - w) / 2,
                primary.y() + (primary.height() - h) / 2, w, h), false);
    }

    /**
     * This placement made usable on today's screens: on the screen it overlaps most, cut to that screen's
     * size and moved inside it; centred on the primary screen when its title bar is on no screen at all.
     */
    public WindowPlacement fitTo(List<Area> screens, Area primary) {
        Area titleBar = new Area(bounds.x(), bounds.y(), bounds.width(), GRAB_HEIGHT);
        boolean grabbable = screens.stream().anyMatch(s -> titleBar.overlap(s) >= GRAB_WIDTH * GRAB_HEIGHT / 2
                && bounds.y() >= s.y() - 1);
        if (!grabbable) {
            return initial(primary, bounds.width(), bounds.height()).withMaximized(maximized);
        }
        Area screen = onScreen(screens).orElse(primary);
        double w = Math.min(bounds.width(), screen.width());
        double h = Math.min(bounds.height(), screen.height());
        double x = Math.max(screen.x(), Math.min(bounds.x(), screen.maxX() - w));
        double y = Math.max(screen.y(), Math.min(bounds.y(), screen.maxY() - h));
        return new WindowPlacement(new Area(x, y, w, h), maximized);
    }

    private Optional<Area> onScreen(List<Area> screens) {
        return screens.stream().filter(s -> s.overlap(bounds) > 0).max(Comparator.comparingDouble(s -> s.overlap(bounds)));
    }

    public WindowPlacement withMaximized(boolean value) {
        return new WindowPlacement(bounds, value);
    }
}
