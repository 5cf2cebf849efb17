package com.incidentconsole.playbook.library;

/** The metric fields the export keeps: title, description, type and target. */
public enum MetricField {
    TITLE("title", PlaybookSetting.Kind.STRING),
    DESCRIPTION("description", PlaybookSetting.Kind.STRING),
    /** {@code metric_duration} (ms), {@code metric_currency} or {@code metric_integer}. */
    TYPE("type", PlaybookSetting.Kind.STRING),
    /** A null target removes the key (the server's {@code null.Int} is then not valid). */
    TARGET("target", PlaybookSetting.Kind.NUMBER);

    private final String key;
    private final PlaybookSetting.Kind kind;

    MetricField(String key, PlaybookSetting.Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public PlaybookSetting.Kind kind() {
        return kind;
    }
}
