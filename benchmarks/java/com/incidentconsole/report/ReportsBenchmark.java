package com.incidentconsole.report;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.stats.IncidentStats;
import com.incidentconsole.stats.StatsCalculator;
import com.incidentconsole.stats.StatsQuery;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.WireJson;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports and statistics: (1) a stats recompute over the runs of a sandbox with 200 ongoing and 10,000 ended runs
 * (budget: under 200 ms), (2) the export time of the largest run in each format. Run by
 * {@code ./mvnw -B -Pbench test}; each number is the median of several runs after a warm-up, with the minimum.
 */
public final class ReportsBenchmark {

    private ReportsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = Integer.getInteger("bench.repeats", 3) * 5;
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(7)
                .withRuns(200, 10_000));
             MattermostConnection connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                     new Credentials.AccessToken(sandbox.control().credentials().token()), WireJson.newMapper())) {
            List<PlaybookRun> runs = connection.runs().listAll(RunQuery.all().page(0, 200));
            Map<String, List<PlaybookMetricConfig>> metrics = new HashMap<>();
            for (Team team : connection.teams().mine()) {
                for (Playbook p : connection.playbooks().listAll(team.id())) {
                    metrics.put(p.id(), p.metrics());
                }
            }
            StatsCalculator calculator = new StatsCalculator();
            StatsQuery query = StatsQuery.all(ZoneId.of("UTC"));
            IncidentStats stats = null;
            long[] times = new long[repeats];
            for (int i = -3; i < repeats; i++) {
                long t = System.nanoTime();
                stats = calculator.compute(runs, metrics, query);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t;
                }
            }
            System.out.printf("stats recompute over %,d runs: median %.1f ms, min %.1f ms (budget 200 ms); "
                    + "%d started, MTTR median %d ms%n", runs.size(), median(times) / 1e6, min(times) / 1e6,
                    stats.runsStarted(), stats.mttr().medianMillis().orElse(-1));

            PlaybookRun largest = runs.stream().max(Comparator.comparingInt(r -> r.timelineEvents().size()
                    + r.checklists().stream().mapToInt(c -> c.items().size()).sum())).orElseThrow();
            ReportDocument document = new ReportBuilder().build(
                    new ReportLoader(connection, Clock.systemUTC(), ZoneId.of("UTC")).load(largest.id()));
            for (ReportFormat format : ReportFormat.values()) {
                long[] export = new long[Math.max(3, repeats / 5)];
                int size = 0;
                for (int i = -1; i < export.length; i++) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long t = System.nanoTime();
                    format.write(document, out);
                    if (i >= 0) {
                        export[i] = System.nanoTime() - t;
                    }
                    size = out.size();
                }
                System.out.printf("export %-8s of the largest run (%d timeline events): median %.0f ms, min %.0f ms, "
                        + "%,d bytes%n", format.extension(), largest.timelineEvents().size(), median(export) / 1e6,
                        min(export) / 1e6, size);
            }
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(long[] values) {
        return Arrays.stream(values).min().orElse(0);
    }
}
