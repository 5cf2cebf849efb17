package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.MetricValue;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retro show|publish}: a run's retrospective text and metrics. */
@Command(name = "retro", mixinStandardHelpOptions = true, description = "Show or publish a run's retrospective. "
        + "Exit 0 done, 1 refused by the server (its message on stderr), 2 bad arguments.")
public final class RetroCommand extends ServerCommandGroup {

    private static final List<String> FIELDS = List.of("id", "retrospective", "retrospective_published_at",
            "retrospective_was_canceled", "retrospective_enabled", "metrics_data");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public RetroCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    RetroCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        super(environment, vaults);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"The retrospective: whether and when it was published, each metric, the text.",
                "--json: the run's retrospective fields as the server sent them (" + "id, retrospective, "
                        + "retrospective_published_at, retrospective_was_canceled, retrospective_enabled, "
                        + "metrics_data)."})
    int show(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @Option(names = "--json", description = "Print the server's JSON fields.") boolean json,
             @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            if (json) {
                ObjectNode run = connection.runs().getDocument(runId);
                ObjectNode picked = mapper.createObjectNode();
                FIELDS.stream().filter(run::has).forEach(f -> picked.set(f, run.get(f)));
                printJson(out, mapper, picked);
                return CommandIo.OK;
            }
            PlaybookRun run = connection.runs().get(runId);
            List<PlaybookMetricConfig> metrics = run.playbookId().isEmpty() ? List.of()
                    : connection.playbooks().get(run.playbookId()).metrics();
            out.println(run.retrospectivePublishedAt() > 0 ? "published " + WHEN.format(
                    Instant.ofEpochMilli(run.retrospectivePublishedAt()).atZone(clock.getZone()))
                    : run.retrospectiveWasCanceled() ? "canceled" : "not published");
            Map<String, Long> values = new LinkedHashMap<>();
            run.metricsData().forEach(m -> values.put(m.metricConfigId(), m.value()));
            for (PlaybookMetricConfig metric : metrics) {
                Long value = values.get(metric.id());
                out.println("  " + oneLine(metric.title()) + ": "
                        + (value == null ? "-" : MetricValue.format(metric, value)));
            }
            out.println();
            out.println(run.retrospective().isBlank() ? "(no text)" : run.retrospective());
            return CommandIo.OK;
        });
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Publish the retrospective: the text of FILE (Markdown) and metric values.",
                "NAME is the metric's title as the playbook defines it (any case). VALUE: a duration as 2h 15m, "
                        + "90m or 45s; currency and integer metrics as whole numbers. Metrics not given keep "
                        + "their current values."})
    int publish(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
                @Option(names = "--file", required = true, paramLabel = "FILE",
                        description = "The retrospective's text (UTF-8).") Path file,
                @Option(names = "--metric", paramLabel = "NAME=VALUE", description = "A metric's value; repeatable.")
                List<String> metricArgs,
                @Mixin ServerOptions server) {
        return checked(() -> {
            String text = OptionFile.read("--file", file);
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : metricArgs == null ? List.<String>of() : metricArgs) {
                int eq = arg.indexOf('=');
                if (eq <= 0) {
                    throw new BadEntry("--metric must be NAME=VALUE, not '" + arg + "'");
                }
                given.put(arg.substring(0, eq).strip(), arg.substring(eq + 1));
            }
            return withServer(server, (connection, mapper, out, err) -> {
                PlaybookRun run = connection.runs().get(runId);
                List<PlaybookMetricConfig> metrics = run.playbookId().isEmpty() ? List.of()
                        : connection.playbooks().get(run.playbookId()).metrics();
                List<RunMetricData> data = metricData(run, metrics, given);
                connection.runs().publishRetrospective(runId, text, data);
                out.println("published the retrospective of " + runId + " (" + given.size() + " metric"
                        + (given.size() == 1 ? "" : "s") + " set)");
                return CommandIo.OK;
            });
        });
    }

    /** Every metric of the playbook, in its order: the given value, else the run's current one (maybe none). */
    static List<RunMetricData> metricData(PlaybookRun run, List<PlaybookMetricConfig> metrics,
                                          Map<String, String> given) {
        Map<String, Long> values = new LinkedHashMap<>();
        run.metricsData().forEach(m -> values.put(m.metricConfigId(), m.value()));
        for (Map.Entry<String, String> entry : given.entrySet()) {
            PlaybookMetricConfig metric = metrics.stream()
                    .filter(m -> m.title().strip().equalsIgnoreCase(entry.getKey()))
                    .findFirst().orElseThrow(() -> new BadEntry("--metric: no metric '" + entry.getKey()
                            + "' in this run's playbook" + (metrics.isEmpty() ? " (it has none)" : "; it has: "
                            + metrics.stream().map(m -> "'" + m.title() + "'").collect(Collectors.joining(", ")))));
            values.put(metric.id(), MetricValue.parse(metric, entry.getValue()));
        }
        List<RunMetricData> out = new ArrayList<>();
        for (PlaybookMetricConfig metric : metrics) {
            out.add(new RunMetricData(metric.id(), values.get(metric.id())));
        }
        return out;
    }

}
