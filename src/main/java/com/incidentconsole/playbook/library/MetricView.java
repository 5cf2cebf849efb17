package com.incidentconsole.playbook.library;

/** A read-only snapshot of one key metric; {@code target} is null when the metric has no target. */
public record MetricView(String title, String description, String type, Long target) {
}
