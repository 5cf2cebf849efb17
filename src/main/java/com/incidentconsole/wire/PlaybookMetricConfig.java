package com.incidentconsole.wire;

/**
 * A retrospective metric of a playbook (at most four, unique titles). {@code type} is
 * {@code metric_duration} (ms), {@code metric_currency} or {@code metric_integer}; {@code target} may be null.
 */
public record PlaybookMetricConfig(String id, String playbookId, String title, String description, String type,
                                   Long target) {

    public static final String TYPE_DURATION = "metric_duration";
    public static final String TYPE_CURRENCY = "metric_currency";
    public static final String TYPE_INTEGER = "metric_integer";
    public static final int MAX_PER_PLAYBOOK = 4;

    public PlaybookMetricConfig {
        id = Lists.text(id);
        playbookId = Lists.text(playbookId);
        title = Lists.text(title);
        description = Lists.text(description);
        type = Lists.text(type);
    }
}
