package com.incidentconsole.entry;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 2h 15m}, {@code 1h30m}, {@code 90m}, {@code 45s}, {@code 1d 4h}. Each
 * unit (d, h, m, s) at most once and largest first; spaces between parts are optional.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("\\s*(\\d{1,9})\\s*([dhms])");
    private static final String UNITS = "dhms";
    private static final long[] SECONDS = {86_400, 3_600, 60, 1};

    private DurationText() {
    }

    /** @throws BadEntry for anything else, an empty text included */
    public static Duration parse(String text) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (given.isEmpty()) {
            throw bad(text);
        }
        Matcher m = PART.matcher(given);
        long seconds = 0;
        int position = 0;
        int lastUnit = -1;
        while (position < given.length()) {
            if (!m.find(position) || m.start() != position) {
                throw bad(text);
            }
            int unit = UNITS.indexOf(m.group(2));
            if (unit <= lastUnit) {
                throw bad(text);
            }
            lastUnit = unit;
            seconds += Long.parseLong(m.group(1)) * SECONDS[unit];
            position = m.end();
        }
        return Duration.ofSeconds(seconds);
    }

    /** The shortest text {@link #parse} reads back as {@code duration} (whole seconds): {@code 2h 15m}, {@code 0s}. */
    public static String format(Duration duration) {
        long left = Math.max(0, duration.getSeconds());
        if (left == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < SECONDS.length; i++) {
            long n = left / SECONDS[i];
            left %= SECONDS[i];
            if (n > 0) {
                out.append(out.isEmpty() ? "" : " ").append(n).append(UNITS.charAt(i));
            }
        }
        return out.toString();
    }

    private static BadEntry bad(String text) {
        return new BadEntry("'" + (text == null ? "" : text.strip()) + "' is not a duration: write it like 2h 15m, "
                + "1h30m, 90m or 45s (units d, h, m, s, largest first)");
    }
}
