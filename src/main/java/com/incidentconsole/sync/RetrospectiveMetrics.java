package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.incidentconsole.wire.RunMetricData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The stored form of a retrospective's metric values and their comparison with what a run holds. */
final class RetrospectiveMetrics {

    private RetrospectiveMetrics() {
    }

    static ArrayNode toJson(JsonMapper mapper, List<RunMetricData> metrics) {
        ArrayNode array = mapper.createArrayNode();
        for (RunMetricData m : metrics) {
            var node = array.addObject().put("metric_config_id", m.metricConfigId());
            if (m.value() == null) {
                node.putNull("value");
            } else {
                node.put("value", m.value());
            }
        }
        return array;
    }

    static List<RunMetricData> fromJson(JsonNode array) {
        List<RunMetricData> metrics = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode m : array) {
                JsonNode value = m.path("value");
                metrics.add(new RunMetricData(m.path("metric_config_id").asText(""),
                        value.isNumber() ? value.asLong() : null));
            }
        }
        return metrics;
    }

    /** Whether the run holds every value given (a metric not given is not compared; null equals absent). */
    static boolean heldBy(List<RunMetricData> given, List<RunMetricData> held) {
        Map<String, Long> values = new LinkedHashMap<>();
        held.forEach(m -> values.put(m.metricConfigId(), m.value()));
        return given.stream().allMatch(m -> Objects.equals(m.value(), values.get(m.metricConfigId())));
    }

    /**
     * Before a delayed save or publish: done when the run shows it; refused as a conflict when the server's text is
     * no longer the one the user started from (someone else wrote meanwhile); else send.
     */
    static ReplayCheck.Verdict judgeText(Action action, com.incidentconsole.wire.PlaybookRun server,
                                         java.util.Optional<ActionBase> base) {
        if (action.isSettledIn(server)) {
            return new ReplayCheck.Verdict.Done();
        }
        if (base.isPresent() && !base.get().value().equals(server.retrospective())) {
            return ReplayCheck.changedAfterSending(action, server, base);
        }
        return new ReplayCheck.Verdict.Send();
    }
}
