package com.incidentconsole.statsview;

import java.time.Duration;

/** "2d 3h", "2h 15m", "45m", "30s": the two largest units, as the run reports word an incident's length. */
final class DurationWords {

    private DurationWords() {
    }

    static String of(long millis) {
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
