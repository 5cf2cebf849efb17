package com.incidentconsole.playbook.editor;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seconds as people write them ("1h 30m", "2d", "45s"); a bare number means minutes, as in the webapp. */
final class HumanDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhms])", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d+\\s*[dhms]\\s*)+", Pattern.CASE_INSENSITIVE);

    private HumanDuration() {
    }

    static String format(long seconds) {
        if (seconds <= 0) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        long rest = seconds;
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (rest >= sizes[i]) {
                out.append(out.isEmpty() ? "" : " ").append(rest / sizes[i]).append(units[i]);
                rest %= sizes[i];
            }
        }
        return out.toString();
    }

    /**
     * True when both texts are the same duration ("90m" and "1h 30m"), so a field showing one need not be
     * rewritten to the other while someone is typing in it.
     */
    static boolean same(String a, String b) {
        OptionalLong x = parse(a);
        return a.equals(b) || x.isPresent() && x.equals(parse(b));
    }

    /** Empty for text that is not a duration; blank text is zero (no timer). */
    static OptionalLong parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return OptionalLong.of(0);
        }
        if (t.matches("\\d+")) {
            return OptionalLong.of(Long.parseLong(t) * 60);
        }
        if (!WHOLE.matcher(t).matches()) {
            return OptionalLong.empty();
        }
        long total = 0;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total += switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'd' -> n * 86_400;
                case 'h' -> n * 3_600;
                case 'm' -> n * 60;
                default -> n;
            };
        }
        return OptionalLong.of(total);
    }
}
