package com.incidentconsole.placement;

/** A rectangle on the desktop, in the toolkit's coordinates: a screen's visual bounds, or a window. */
public record Area(double x, double y, double width, double height) {

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    /** The area both cover; zero when they do not meet. */
    public double overlap(Area other) {
        double w = Math.min(maxX(), other.maxX()) - Math.max(x, other.x);
        double h = Math.min(maxY(), other.maxY()) - Math.max(y, other.y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }
}
