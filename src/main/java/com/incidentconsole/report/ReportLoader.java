package com.incidentconsole.report;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers a run's report input from a server: the run, its status updates' text, its playbook's metric
 * definitions and the names of everyone it mentions. Four to five requests, whatever the run's size.
 */
public final class ReportLoader {

    private final MattermostConnection connection;
    private final Clock clock;
    private final ZoneId zone;

    public ReportLoader(MattermostConnection connection, Clock clock, ZoneId zone) {
        this.connection = connection;
        this.clock = clock;
        this.zone = zone;
    }

    public ReportInput load(String runId) {
        PlaybookRun run = connection.runs().get(runId);
        List<StatusPostComplete> updates = connection.runs().statusUpdates(runId);
        String title = "";
        List<PlaybookMetricConfig> metrics = List.of();
        if (!run.playbookId().isEmpty()) {
            Playbook playbook = connection.playbooks().get(run.playbookId());
            title = playbook.title();
            metrics = playbook.metrics();
        }
        return new ReportInput(run, title, metrics, names(run), updates, zone, clock.instant());
    }

    private Map<String, String> names(PlaybookRun run) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(run.ownerUserId());
        ids.add(run.reporterUserId());
        ids.addAll(run.participantIds());
        run.checklists().forEach(c -> c.items().stream().map(ChecklistItem::assigneeId).forEach(ids::add));
        for (TimelineEvent event : run.timelineEvents()) {
            ids.add(event.subjectUserId());
            ids.add(event.creatorUserId());
        }
        ids.removeIf(id -> id == null || id.isEmpty());
        Map<String, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (User user : connection.users().byIds(ids)) {
                names.put(user.id(), "@" + user.username());
            }
        }
        return names;
    }
}
