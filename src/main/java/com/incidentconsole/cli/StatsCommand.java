package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.stats.StatsCalculator;
import com.incidentconsole.stats.StatsQuery;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stats [--team ID] [--playbook ID] [--since DAY] [--until DAY] --json}: MTTA, MTTR and run counts over
 * the runs the user can see on the server, with the definitions of {@link IncidentStats}.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Incident statistics over the server's runs you can see: runs started and finished, MTTA "
                + "and MTTR (median and p90, in ms), per week, and each playbook metric over time.",
            "MTTR = end - start of finished runs. MTTA = start to the first status update or the first checklist "
                    + "change by someone other than the reporter, whichever comes first.",
            "Exit 0 done, 1 refused by the server, 2 bad arguments."})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--team", paramLabel = "ID", description = "Only this team (default: all your teams).")
    private String team;

    @Option(names = "--playbook", paramLabel = "ID", description = "Only runs of this playbook.")
    private String playbook;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "From this day (inclusive, local time).")
    private String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Up to this day (inclusive, local time).")
    private String until;

    @Option(names = "--json", description = "Print the numbers as one JSON object.")
    private boolean json;

    @Mixin
    private ServerOptions server;

    private final ServerLogin login;
    private ZoneId zone = ZoneId.systemDefault();

    public StatsCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    StatsCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.login = new ServerLogin(environment, vaults);
    }

    /** Tests pin the zone so day boundaries do not depend on the machine. */
    StatsCommand inZone(ZoneId zoneId) {
        this.zone = zoneId;
        return this;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandIo.run(out, err, () -> {
            StatsQuery query = StatsQuery.all(zone).withTeam(team).withPlaybook(playbook).between(day(since, "--since"),
                    day(until, "--until"));
            JsonMapper mapper = WireJson.newMapper();
            IncidentStats stats;
            try (MattermostConnection connection = server.open(login, mapper)) {
                RunQuery runs = RunQuery.all();
                runs = team != null ? runs.team(team) : runs;
                runs = playbook != null ? runs.playbook(playbook) : runs;
                List<PlaybookRun> all = connection.runs().listAll(runs);
                stats = new StatsCalculator().compute(all, metrics(connection), query);
            }
            if (json) {
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(stats, mapper)));
            } else {
                out.println(text(stats));
            }
            return CommandIo.OK;
        });
    }

    private static LocalDate day(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }

    private Map<String, List<PlaybookMetricConfig>> metrics(MattermostConnection connection) {
        Map<String, List<PlaybookMetricConfig>> byPlaybook = new HashMap<>();
        List<String> teams = team != null ? List.of(team) : connection.teams().mine().stream().map(Team::id).toList();
        for (String teamId : teams) {
            for (Playbook p : connection.playbooks().listAll(teamId)) {
                byPlaybook.put(p.id(), p.metrics());
            }
        }
        return byPlaybook;
    }

    static ObjectNode toJson(IncidentStats stats, JsonMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("runs_started", stats.runsStarted());
        root.put("runs_finished", stats.runsFinished());
        root.put("runs_in_progress", stats.inProgress());
        millis(root, "mttr_median_ms", stats.mttr().medianMillis());
        millis(root, "mttr_p90_ms", stats.mttr().p90Millis());
        root.put("mttr_runs", stats.mttr().count());
        millis(root, "mtta_median_ms", stats.mtta().medianMillis());
        millis(root, "mtta_p90_ms", stats.mtta().p90Millis());
        root.put("mtta_runs", stats.mtta().count());
        root.put("mtta_runs_unacknowledged", stats.mtta().missing());
        ArrayNode weeks = root.putArray("weeks");
        for (IncidentStats.Week week : stats.weeks()) {
            weeks.addObject().put("week_start", week.start().toString()).put("started", week.started())
                    .put("finished", week.finished());
        }
        ArrayNode metrics = root.putArray("metrics");
        for (IncidentStats.MetricSeries series : stats.metrics()) {
            ObjectNode m = metrics.addObject().put("playbook_id", series.playbookId()).put("metric_id", series.metricId())
                    .put("title", series.title()).put("type", series.type());
            if (series.target() == null) {
                m.putNull("target");
            } else {
                m.put("target", series.target());
            }
            ArrayNode points = m.putArray("points");
            series.points().forEach(p -> points.addObject().put("run_id", p.runId()).put("run_start_ms", p.runStartMillis())
                    .put("value", p.value()));
        }
        return root;
    }

    private static void millis(ObjectNode root, String key, OptionalLong value) {
        if (value.isPresent()) {
            root.put(key, value.getAsLong());
        } else {
            root.putNull(key);
        }
    }

    private static String text(IncidentStats stats) {
        return "runs started " + stats.runsStarted() + ", finished " + stats.runsFinished() + ", in progress "
                + stats.inProgress() + "\nMTTR median " + duration(stats.mttr().medianMillis()) + ", p90 "
                + duration(stats.mttr().p90Millis()) + " (" + stats.mttr().count() + " runs)\nMTTA median "
                + duration(stats.mtta().medianMillis()) + ", p90 " + duration(stats.mtta().p90Millis()) + " ("
                + stats.mtta().count() + " runs; " + stats.mtta().missing() + " not acknowledged)";
    }

    private static String duration(OptionalLong millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        long minutes = millis.getAsLong() / 60_000;
        return minutes >= 60 ? minutes / 60 + "h " + minutes % 60 + "m" : minutes + "m";
    }
}
