package com.incidentconsole.report;

import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run report shows, gathered once.
 *
 * @param playbookTitle the playbook's title, or empty for a run without one (a channel checklist)
 * @param metrics the playbook's metric definitions, in the playbook's order (targets and descriptions)
 * @param userNames user id → the name to print ({@code @alex.rivera}); unknown ids print as they are
 * @param statusUpdates the run's status updates with their text, in any order
 * @param zone the zone times are written in
 * @param generatedAt when the report was made (printed in its footer)
 * @param statusUpdatesUnavailable true when the report is made without the server (from the local cache): the
 *                                 updates' text is not cached, so the report must say it is missing, not "none"
 */
public record ReportInput(PlaybookRun run, String playbookTitle, List<PlaybookMetricConfig> metrics,
                          Map<String, String> userNames, List<StatusPostComplete> statusUpdates, ZoneId zone,
                          Instant generatedAt, boolean statusUpdatesUnavailable) {

    /** An input gathered from the server, status updates included. */
    public ReportInput(PlaybookRun run, String playbookTitle, List<PlaybookMetricConfig> metrics,
            Map<String, String> userNames, List<StatusPostComplete> statusUpdates, ZoneId zone, Instant generatedAt) {
        this(run, playbookTitle, metrics, userNames, statusUpdates, zone, generatedAt, false);
    }

    public ReportInput {
        Objects.requireNonNull(run, "run");
        playbookTitle = playbookTitle == null ? "" : playbookTitle;
        metrics = List.copyOf(metrics);
        userNames = Map.copyOf(userNames);
        statusUpdates = List.copyOf(statusUpdates);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    String name(String userId) {
        if (userId == null || userId.isEmpty()) {
            return "";
        }
        return userNames.getOrDefault(userId, userId);
    }
}
