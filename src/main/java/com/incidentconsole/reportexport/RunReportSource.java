package com.incidentconsole.reportexport;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.report.ReportInput;
import com.incidentconsole.report.ReportLoader;
import com.incidentconsole.sync.ConnectionState;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a run report's input comes from: the server when the workspace is live (the full report, status update
 * text included), else the local copy of the run (marked so the report says the update text is missing). A server
 * that fails mid-way falls back to the local copy too: a report now beats no report during an outage.
 * Blocking (network); call it on a background thread.
 */
public final class RunReportSource {

    private static final Logger LOG = Logger.getLogger(RunReportSource.class.getName());

    private final Workspace workspace;
    private final Supplier<Optional<MattermostConnection>> connection;
    private final Clock clock;
    private final ZoneId zone;

    /** @param connection the app's server connection, asked at each export (it may come and go) */
    public RunReportSource(Workspace workspace, Supplier<Optional<MattermostConnection>> connection, Clock clock,
            ZoneId zone) {
        this.workspace = workspace;
        this.connection = connection;
        this.clock = clock;
        this.zone = zone;
    }

    /** @throws IllegalStateException when the run is neither reachable on the server nor in the local copy */
    public ReportInput load(String runId) {
        Optional<MattermostConnection> online = workspace.connection().state() == ConnectionState.LIVE
                ? connection.get() : Optional.empty();
        if (online.isPresent()) {
            try {
                return new ReportLoader(online.get(), clock, zone).load(runId);
            } catch (RuntimeException e) {
                LOG.log(Level.INFO, "Report from the server failed; using the local copy of the run", e);
            }
        }
        PlaybookRun run = workspace.runs().get(runId).orElseThrow(() -> new IllegalStateException("run not cached"));
        return offline(run);
    }

    private ReportInput offline(PlaybookRun run) {
        Optional<Playbook> playbook = workspace.playbooks().get(run.playbookId());
        List<PlaybookMetricConfig> metrics = playbook.map(Playbook::metrics).orElse(List.of());
        Map<String, String> names = new HashMap<>();
        workspace.users().all().forEach(u -> names.put(u.id(), "@" + u.username()));
        return new ReportInput(run, playbook.map(Playbook::title).orElse(""), metrics, names, List.of(), zone,
                clock.instant(), true);
    }
}
