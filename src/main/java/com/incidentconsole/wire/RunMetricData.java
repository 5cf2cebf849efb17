package com.incidentconsole.wire;

/** A run's value for one playbook metric; {@code value} is null until entered (ms for durations). */
public record RunMetricData(String metricConfigId, Long value) {

    public RunMetricData {
        metricConfigId = Lists.text(metricConfigId);
    }
}
