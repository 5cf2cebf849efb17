package com.incidentconsole.text;

import java.time.Duration;

/**
 * "2d 3h", "2h 15m", "45m", "30s": an incident's length in its two largest units, as people say it. One wording
 * for reports, the stats view and the command line, so a number reads the same wherever it is shown.
 */
public final class DurationText {

    private DurationText() {
    }

    /** A negative length is shown as zero. */
    public static String of(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return d.toSecondsPart() + "s";
    }
}
