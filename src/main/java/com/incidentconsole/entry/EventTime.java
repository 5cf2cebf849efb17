package com.incidentconsole.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * When something happened, as typed: {@code HH:mm} (today, in the clock's zone), an ISO-8601 local date-time
 * ({@code 2026-12-01T14:05}, in the clock's zone) or one with an offset or {@code Z}.
 */
public final class EventTime {

    private static final Pattern HOUR_MINUTE = Pattern.compile("\\d{1,2}:\\d{2}");

    private EventTime() {
    }

    /** @throws BadEntry for anything else, an impossible time such as 25:00 included */
    public static Instant parse(String text, Clock clock) {
        String given = text == null ? "" : text.strip();
        try {
            if (HOUR_MINUTE.matcher(given).matches()) {
                LocalTime time = LocalTime.parse(given.length() == 4 ? "0" + given : given);
                return LocalDate.now(clock).atTime(time).atZone(clock.getZone()).toInstant();
            }
            if (given.endsWith("Z") || given.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(given).toInstant();
            }
            return LocalDateTime.parse(given).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadEntry("'" + given + "' is not a time: write HH:mm for today (e.g. 14:05) or ISO-8601 "
                    + "(e.g. 2026-12-01T14:05 or 2026-12-01T14:05:00Z)");
        }
    }
}
