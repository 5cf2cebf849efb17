package com.incidentconsole.entry;

import com.incidentconsole.wire.PlaybookMetricConfig;
import java.util.regex.Pattern;

/**
 * A retrospective metric's value as typed and as the server stores it ({@code RunMetricData.value}): a duration
 * in milliseconds written as {@link DurationText}, currency and integer metrics as whole numbers (the
 * playbook's UI has no cents either). Negative values are refused: no metric counts below zero.
 */
public final class MetricValue {

    private static final Pattern WHOLE = Pattern.compile("\\d{1,15}");

    private MetricValue() {
    }

    /** @throws BadEntry when {@code text} is not a value of {@code metric}'s type, or the type is unknown */
    public static long parse(PlaybookMetricConfig metric, String text) {
        String given = text == null ? "" : text.strip();
        return switch (metric.type()) {
            case PlaybookMetricConfig.TYPE_DURATION -> {
                try {
                    yield DurationText.parse(given).toMillis();
                } catch (BadEntry e) {
                    throw new BadEntry(metric.title() + ": " + e.getMessage());
                }
            }
            case PlaybookMetricConfig.TYPE_CURRENCY, PlaybookMetricConfig.TYPE_INTEGER -> {
                String digits = given.replace(",", "").replace("_", "");
                if (!WHOLE.matcher(digits).matches()) {
                    throw new BadEntry(metric.title() + ": '" + given + "' is not a whole number (0 or more, "
                            + "no decimals" + (metric.type().equals(PlaybookMetricConfig.TYPE_CURRENCY)
                            ? ", no currency sign" : "") + ")");
                }
                yield Long.parseLong(digits);
            }
            default -> throw new BadEntry(metric.title() + ": unknown metric type '" + metric.type() + "'");
        };
    }

    /** The text {@link #parse} reads back as {@code value}. */
    public static String format(PlaybookMetricConfig metric, long value) {
        if (metric.type().equals(PlaybookMetricConfig.TYPE_DURATION)) {
            return DurationText.format(java.time.Duration.ofMillis(value));
        }
        return Long.toString(value);
    }
}
