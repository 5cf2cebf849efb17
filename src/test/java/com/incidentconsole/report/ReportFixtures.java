package com.incidentconsole.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A finished run with one of everything, written as the server's JSON so the records are built as in life. */
final class ReportFixtures {

    static final JsonMapper MAPPER = WireJson.newMapper();
    static final long START = Instant.parse("2026-11-03T04:12:00Z").toEpochMilli();

    static final String SUMMARY = "Checkout **fails** for EU users.\n\n<script>alert(1)</script>\n"
            + "![track](http://127.0.0.1:1/t.png) [status page](https://status.example.com)";

    private ReportFixtures() {
    }

    static PlaybookRun run(String name, String itemTitle, String retrospective) {
        String json = """
                {"id":"run1","name":%s,"summary":%s,
                 "owner_user_id":"u1","reporter_user_id":"u2","team_id":"t1","create_at":%d,"end_at":%d,
                 "current_status":"Finished","playbook_id":"pb1","participant_ids":["u1","u2","u3"],
                 "checklists":[{"id":"c1","title":"Triage","items":[
                   {"id":"i1","title":%s,"state":"closed","state_modified":%d,"assignee_id":"u3"},
                   {"id":"i2","title":"Page | the DB team","state":"","assignee_id":""},
                   {"id":"i3","title":"Skip me","state":"skipped","state_modified":%d}]},
                   {"id":"c2","title":"Empty stage","items":[]}],
                 "timeline_events":[
                   {"id":"e1","event_at":%d,"event_type":"incident_created","summary":"","subject_user_id":"u2"},
                   {"id":"e2","event_at":%d,"event_type":"task_state_modified","summary":"checked off checklist item **%s**","subject_user_id":"u3"},
                   {"id":"e3","event_at":%d,"event_type":"status_updated","summary":"","subject_user_id":"u1"},
                   {"id":"e4","event_at":%d,"event_type":"run_finished","summary":"","subject_user_id":"u1"}],
                 "retrospective":%s,"retrospective_published_at":%d,
                 "metrics_data":[{"metric_config_id":"m1","value":8100000},{"metric_config_id":"m2","value":120}]}
                """.formatted(quote(name), quote(SUMMARY), START, START + 9_000_000, quote(itemTitle), START + 600_000,
                START + 700_000, START, START + 600_000, itemTitle.replace("\"", "\\\""), START + 900_000,
                START + 9_000_000, quote(retrospective), START + 10_000_000);
        try {
            return MAPPER.readValue(json, PlaybookRun.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ReportInput input(PlaybookRun run) {
        return new ReportInput(run, "Incident Resolution", List.of(
                new PlaybookMetricConfig("m1", "pb1", "Time to resolve", "From page to fix", "metric_duration", 7_200_000L),
                new PlaybookMetricConfig("m2", "pb1", "Customers affected", "", "metric_integer", 500L),
                new PlaybookMetricConfig("m3", "pb1", "Cost", "", "metric_currency", null)),
                Map.of("u1", "@alex.rivera", "u2", "@priya.shah", "u3", "@ines.moreau"),
                List.of(new StatusPostComplete("p2", START + 2_000_000, 0, 0, "Second: **mitigated**", "alex.rivera"),
                        new StatusPostComplete("p1", START + 900_000, 0, 0, "First update", "alex.rivera")),
                ZoneId.of("UTC"), Instant.parse("2026-11-04T10:00:00Z"));
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
