package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report} and {@code stats} against a seeded sandbox, as a script would run them. */
@BesideOtherTests
class ReportAndStatsCommandTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static SandboxServer sandbox;
    private static String token;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(11).withRuns(6, 40));
        token = sandbox.control().credentials().token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private int run(Callable<Integer> command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private ReportCommand report() {
        env.put(ServerLogin.TOKEN_VARIABLE, token);
        return new ReportCommand(env::get, mapper -> CredentialVault.fileOnly(dir, mapper));
    }

    private StatsCommand stats() {
        env.put(ServerLogin.TOKEN_VARIABLE, token);
        return new StatsCommand(env::get, mapper -> CredentialVault.fileOnly(dir, mapper)).inZone(ZoneId.of("UTC"));
    }

    private static PlaybookRun finishedRunWithRetro() {
        return sandbox.control().runs().stream().filter(r -> r.isFinished() && !r.retrospective().isBlank()
                && !r.metricsData().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void aSeededRunIsWrittenInEachFormatWithEverySection() throws Exception {
        PlaybookRun run = finishedRunWithRetro();
        List<String> sections = List.of("Overview", "Summary", "Checklists", "Status updates", "Timeline",
                "Retrospective");
        for (String format : List.of("md", "html", "pdf")) {
            Path file = dir.resolve("report." + format);
            assertEquals(0, run(report(), run.id(), "--server", sandbox.baseUrl().toString(), "--output",
                    file.toString()), err::toString);
            String text = format.equals("pdf") ? pdfText(file) : Files.readString(file);
            for (String section : sections) {
                assertTrue(text.contains(section), format + " has " + section);
            }
            // PDF text comes back broken into the lines of its table cells.
            String flat = text.replaceAll("\\s+", "");
            assertTrue(flat.contains(run.name().replaceAll("\\s+", "")), format + " names the run");
            assertTrue(flat.contains(run.checklists().get(0).items().get(0).title().replaceAll("\\s+", "")),
                    format + " lists items");
        }
        assertTrue(out.toString().contains("wrote "), out.toString());
    }

    @Test
    void anUnknownRunIsRefusedWithTheServersMessageAndWritesNothing() {
        Path file = dir.resolve("none.md");
        assertEquals(1, run(report(), "aaaaaaaaaaaaaaaaaaaaaaaaaa", "--server", sandbox.baseUrl().toString(),
                "--output", file.toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFormatThatIsNotOneOfTheThreeIsABadArgument() {
        assertEquals(2, run(report(), "x", "--server", sandbox.baseUrl().toString(), "--output",
                dir.resolve("r.docx").toString()));
        assertTrue(err.toString().contains("--format must be md, html or pdf"), err.toString());
    }

    @Test
    void noServerAndNoStoredSignInIsABadArgumentThatSaysWhatToDo() {
        assertEquals(2, run(report(), "x", "--output", dir.resolve("r.md").toString()));
        assertTrue(err.toString().contains("Give --server URL"), err.toString());
    }

    @Test
    void statsEqualAnIndependentComputationFromTheRestData() throws Exception {
        assertEquals(0, run(stats(), "--server", sandbox.baseUrl().toString(), "--json"), err::toString);
        JsonNode stats = MAPPER.readTree(out.toString());

        List<JsonNode> runs = allRunsOverRest();
        long started = runs.size();
        List<Long> resolve = new ArrayList<>();
        for (JsonNode r : runs) {
            if (r.path("end_at").asLong() > 0) {
                resolve.add(r.path("end_at").asLong() - r.path("create_at").asLong());
            }
        }
        long[] sorted = resolve.stream().mapToLong(Long::longValue).sorted().toArray();
        assertEquals(started, stats.path("runs_started").asLong());
        assertEquals(sorted.length, stats.path("runs_finished").asLong());
        assertEquals(sorted[(int) Math.ceil(sorted.length * 0.5) - 1], stats.path("mttr_median_ms").asLong());
        assertEquals(sorted[(int) Math.ceil(sorted.length * 0.9) - 1], stats.path("mttr_p90_ms").asLong());
        assertTrue(stats.has("mtta_median_ms") && stats.has("mtta_p90_ms"));
        long[] acks = runs.stream().mapToLong(ReportAndStatsCommandTest::firstAck).filter(a -> a >= 0).sorted()
                .toArray();
        if (acks.length > 0) {
            assertEquals(acks[(int) Math.ceil(acks.length * 0.5) - 1], stats.path("mtta_median_ms").asLong());
        }
    }

    @Test
    void statsRefuseADayThatIsNotADay() {
        assertEquals(2, run(stats(), "--server", sandbox.baseUrl().toString(), "--since", "yesterday", "--json"));
        assertTrue(err.toString().contains("--since must be a day as YYYY-MM-DD"), err.toString());
    }

    /** The definition, written again from the REST JSON alone (no console code). */
    private static long firstAck(JsonNode run) {
        long first = Long.MAX_VALUE;
        String reporter = run.path("reporter_user_id").asText();
        for (JsonNode e : run.path("timeline_events")) {
            String type = e.path("event_type").asText();
            boolean counts = type.equals("status_updated") || type.equals("task_state_modified")
                    && !e.path("subject_user_id").asText().isEmpty()
                    && !e.path("subject_user_id").asText().equals(reporter);
            if (counts && e.path("delete_at").asLong() == 0) {
                first = Math.min(first, e.path("event_at").asLong());
            }
        }
        return first == Long.MAX_VALUE ? -1 : Math.max(0, first - run.path("create_at").asLong());
    }

    private static List<JsonNode> allRunsOverRest() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<JsonNode> runs = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                    + "/plugins/playbooks/api/v0/runs?per_page=100&page=" + page))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = MAPPER.readTree(answer.body());
            body.path("items").forEach(runs::add);
            if (!body.path("has_more").asBoolean()) {
                return runs;
            }
        }
    }

    private static String pdfText(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(file))) {
            return new PDFTextStripper().getText(doc).replace("\u200B", "");
        }
    }

}
