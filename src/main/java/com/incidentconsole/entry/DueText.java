package com.incidentconsole.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checklist item's due date as typed: {@code in 30m} / {@code in 1h 30m} (from now), {@code 14:00} (today),
 * {@code tomorrow 9:00} (or {@code tomorrow}: 9:00), or an absolute time as {@link EventTime} reads it
 * ({@code 2026-12-01T14:05}, with or without an offset). Nothing, {@code none} or {@code clear} removes it.
 * The result is absolute, as a run stores due dates.
 */
public final class DueText {

    private static final Pattern IN = Pattern.compile("in\\s+(.+)");
    private static final Pattern TOMORROW = Pattern.compile("tomorrow(?:\\s+(?:at\\s+)?(\\d{1,2}(?::\\d{2})?))?");
    private static final LocalTime MORNING = LocalTime.of(9, 0);

    private DueText() {
    }

    /**
     * @return empty for "no due date"
     * @throws BadEntry with an example of every form for anything else
     */
    public static Optional<Instant> parse(String text, Clock clock) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (given.isEmpty() || given.equals("none") || given.equals("clear") || given.equals("-")) {
            return Optional.empty();
        }
        Matcher in = IN.matcher(given);
        if (in.matches()) {
            Duration after;
            try {
                after = DurationText.parse(in.group(1));
            } catch (BadEntry e) {
                throw bad(text);
            }
            return Optional.of(clock.instant().plus(after));
        }
        Matcher tomorrow = TOMORROW.matcher(given);
        if (tomorrow.matches()) {
            LocalTime at = tomorrow.group(1) == null ? MORNING : time(tomorrow.group(1), text);
            return Optional.of(LocalDate.now(clock).plusDays(1).atTime(at).atZone(clock.getZone()).toInstant());
        }
        try {
            return Optional.of(EventTime.parse(text.strip(), clock));
        } catch (BadEntry e) {
            throw bad(text);
        }
    }

    private static LocalTime time(String hhmm, String text) {
        String full = hhmm.contains(":") ? hhmm : hhmm + ":00";
        try {
            return LocalTime.parse(full.length() == 4 ? "0" + full : full);
        } catch (DateTimeParseException e) {
            throw bad(text);
        }
    }

    private static BadEntry bad(String text) {
        return new BadEntry("'" + (text == null ? "" : text.strip()) + "' is not a due date: write in 30m, 14:00, "
                + "tomorrow 9:00 or 2026-12-01T14:05 (empty clears it)");
    }
}
