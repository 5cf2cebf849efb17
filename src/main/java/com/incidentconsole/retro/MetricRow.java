package com.incidentconsole.retro;

import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.MetricValue;
import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.wire.PlaybookMetricConfig;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One metric of the playbook as the editor shows it: what the user typed, checked at each change against the
 * metric's type (a duration as "2h 15m", currency and integer as whole numbers), and the value against the target.
 * A bad value is refused inline: it stays in the field (nothing typed is lost) and the error says why.
 */
public final class MetricRow {

    private final PlaybookMetricConfig metric;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper againstTarget = new ReadOnlyStringWrapper(this, "againstTarget", "");
    private Optional<Long> value = Optional.empty();

    MetricRow(PlaybookMetricConfig metric, String initial) {
        this.metric = metric;
        text.addListener((obs, old, now) -> check(now));
        text.set(initial);
        check(initial);
    }

    private void check(String typed) {
        if (typed == null || typed.isBlank()) {
            value = Optional.empty();
            error.set("");
        } else {
            try {
                value = Optional.of(MetricValue.parse(metric, typed));
                error.set("");
            } catch (BadEntry bad) {
                value = Optional.empty();
                error.set(bad.getMessage());
            }
        }
        String against = RunRecordMarkdown.againstTarget(metric, value.orElse(null));
        againstTarget.set(against.isEmpty() ? "" : against);
    }

    public PlaybookMetricConfig metric() {
        return metric;
    }

    public String title() {
        return metric.title();
    }

    /** "duration, e.g. 2h 15m" and the like: how to type it. */
    public String typeHint() {
        return switch (metric.type()) {
            case PlaybookMetricConfig.TYPE_DURATION -> "duration, e.g. 2h 15m";
            case PlaybookMetricConfig.TYPE_CURRENCY -> "amount, a whole number";
            case PlaybookMetricConfig.TYPE_INTEGER -> "count, a whole number";
            default -> metric.type();
        };
    }

    /** "target 2h" or "" when the playbook sets none. */
    public String targetText() {
        return metric.target() == null ? "" : "target " + RunRecordMarkdown.metricValue(metric, metric.target());
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty againstTargetProperty() {
        return againstTarget.getReadOnlyProperty();
    }

    /** The parsed value; empty when nothing or something bad is typed. */
    public Optional<Long> value() {
        return value;
    }

    public boolean bad() {
        return !error.get().isEmpty();
    }
}
