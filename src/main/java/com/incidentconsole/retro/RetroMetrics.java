package com.incidentconsole.retro;

import com.incidentconsole.entry.MetricValue;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.RunMetricData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The playbook's metrics as the editor holds them: one {@link MetricRow} each, filled from what was typed (the
 * draft) or else the run's value; what the server is sent and what blocks sending.
 */
final class RetroMetrics {

    private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();

    /** @param changed hears every keystroke in any metric (to save the draft) */
    void fill(List<PlaybookMetricConfig> metrics, List<RunMetricData> held, Map<String, String> typed,
              Runnable changed) {
        Map<String, Long> values = new LinkedHashMap<>();
        held.forEach(m -> values.put(m.metricConfigId(), m.value()));
        List<MetricRow> filled = new ArrayList<>();
        for (PlaybookMetricConfig metric : metrics) {
            String initial = typed.containsKey(metric.id()) ? typed.get(metric.id())
                    : values.get(metric.id()) == null ? "" : MetricValue.format(metric, values.get(metric.id()));
            MetricRow row = new MetricRow(metric, initial);
            row.textProperty().addListener((obs, old, now) -> changed.run());
            filled.add(row);
        }
        rows.setAll(filled);
    }

    /** Why each bad value is refused; empty when all parse. */
    List<String> errors() {
        return rows.stream().filter(MetricRow::bad).map(MetricRow::errorProperty).map(ReadOnlyStringProperty::get)
                .toList();
    }

    /** Every metric with its value (null when none is typed), as the server takes them. */
    List<RunMetricData> values() {
        return rows.stream().map(m -> new RunMetricData(m.metric().id(), m.value().orElse(null))).toList();
    }

    /** What is typed, by metric id: the draft's content. */
    Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        rows.forEach(m -> typed.put(m.metric().id(), m.textProperty().get()));
        return typed;
    }

    ObservableList<MetricRow> rows() {
        return rows;
    }
}
