package com.incidentconsole.playbook.library.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.playbook.library.AllowedValues;
import com.incidentconsole.playbook.library.MetricField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Key metric rules: server/api/playbooks.go {@code validateMetrics} and the MetricType constants. */
final class MetricRules {

    private static final int MAX_METRICS = 4;
    private static final List<String> TYPES = AllowedValues.METRIC_TYPES;

    void check(ObjectNode doc, Findings findings) {
        JsonNode metrics = doc.path("metrics");
        if (metrics.size() > MAX_METRICS) {
            findings.error(Place.ROOT.field("metrics"), "a playbook can have at most " + MAX_METRICS
                    + " key metrics, found " + metrics.size());
        }
        Set<String> titles = new HashSet<>();
        for (int m = 0; m < metrics.size(); m++) {
            JsonNode metric = metrics.get(m);
            String title = metric.path("title").asText("");
            Place place = Place.ROOT.element("metrics", m, "metric", title);
            if (!metric.isObject()) {
                findings.error(place, "must be an object");
                continue;
            }
            for (MetricField field : MetricField.values()) {
                JsonTypes.check(metric.get(field.key()), field.kind(), place.field(field.key()), findings);
            }
            if (!titles.add(title)) {
                findings.error(place.field("title"), "metric titles must be unique; \"" + title + "\" is used twice");
            }
            if (title.isBlank()) {
                findings.warning(place.field("title"), "the metric has no title: the retrospective will show an "
                        + "unnamed figure");
            }
            String type = metric.path("type").asText("");
            if (!TYPES.contains(type)) {
                findings.error(place.field("type"), "must be metric_duration, metric_currency or metric_integer, "
                        + "found \"" + type + "\"");
            }
            JsonNode target = metric.get("target");
            if (target != null && target.isNumber() && target.decimalValue().signum() < 0) {
                findings.error(place.field("target"), "must not be negative, found " + target);
            }
        }
    }
}
