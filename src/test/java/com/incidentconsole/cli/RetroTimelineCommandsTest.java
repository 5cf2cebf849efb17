package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.PlaybookMetricConfig;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retro show|publish} and {@code timeline add} against a seeded sandbox. */
class RetroTimelineCommandsTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static SandboxServer sandbox;
    private static String token;
    private static List<String> mine;

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(41).withRuns(12, 12));
        token = sandbox.control().credentials().token();
        String me = sandbox.control().defaultUser().id();
        mine = sandbox.control().runs().stream().filter(r -> r.participantIds().contains(me)
                && !r.metricsData().isEmpty()).map(PlaybookRun::id).toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void harness() {
        cli = new CliHarness(sandbox, token, dir);
    }

    private static PlaybookRun now(String id) {
        return sandbox.control().run(id).orElseThrow();
    }

    private static List<PlaybookMetricConfig> metrics(PlaybookRun run) {
        try (MattermostConnection c = CliHarness.connect(sandbox, token)) {
            return c.playbooks().get(run.playbookId()).metrics();
        }
    }

    @Test
    void publishSendsTheTextAndEveryMetricTypeByTitleInAnyCase() throws Exception {
        PlaybookRun run = now(mine.get(0));
        Path file = dir.resolve("retro.md");
        Files.writeString(file, "# What happened\nThe disk filled up.");
        assertEquals(0, cli.run(RetroCommand::new, "publish", run.id(), "--file", file.toString(),
                "--metric", "time to detect=2h 15m", "--metric", "COST=1500", "--metric", "Customers affected=42"),
                cli::err);
        PlaybookRun after = now(run.id());
        assertEquals("# What happened\nThe disk filled up.", after.retrospective());
        assertTrue(after.retrospectivePublishedAt() > 0);
        Map<String, String> titles = metrics(run).stream()
                .collect(Collectors.toMap(PlaybookMetricConfig::id, PlaybookMetricConfig::title));
        Map<String, Long> values = after.metricsData().stream().filter(m -> m.value() != null)
                .collect(Collectors.toMap(m -> titles.get(m.metricConfigId()), RunMetricData::value));
        assertEquals(Duration.ofMinutes(135).toMillis(), values.get("Time to detect"));
        assertEquals(1500L, values.get("Cost"));
        assertEquals(42L, values.get("Customers affected"));
        Long resolveBefore = run.metricsData().stream().filter(m -> titles.get(m.metricConfigId())
                .equals("Time to resolve")).findFirst().orElseThrow().value();
        assertEquals(resolveBefore, values.get("Time to resolve"), "a metric not given keeps its value");

        assertEquals(0, cli.run(RetroCommand::new, "show", run.id(), "--json"), cli::err);
        JsonNode shown = MAPPER.readTree(cli.out());
        assertEquals(after.retrospective(), shown.path("retrospective").asText());
        assertEquals(after.retrospectivePublishedAt(), shown.path("retrospective_published_at").asLong());
        assertEquals(after.metricsData().size(), shown.path("metrics_data").size());
        assertEquals(0, cli.run(RetroCommand::new, "show", run.id()), cli::err);
        assertTrue(cli.out().contains("Time to detect: 2h 15m"), cli::out);
        assertTrue(cli.out().contains("The disk filled up."), cli::out);
    }

    @Test
    void anUnknownMetricOrAValueThatDoesNotParseIsExitTwoAndPublishesNothing() throws Exception {
        PlaybookRun run = now(mine.get(1));
        Path file = dir.resolve("retro.md");
        Files.writeString(file, "text");
        assertEquals(2, cli.run(RetroCommand::new, "publish", run.id(), "--file", file.toString(),
                "--metric", "Mood=good"));
        assertTrue(cli.err().contains("no metric 'Mood'") && cli.err().contains("'Time to detect'"), cli::err);
        assertEquals(2, cli.run(RetroCommand::new, "publish", run.id(), "--file", file.toString(),
                "--metric", "Cost=$12.50"));
        assertTrue(cli.err().contains("Cost: '$12.50' is not a whole number"), cli::err);
        assertEquals(2, cli.run(RetroCommand::new, "publish", run.id(), "--file", file.toString(),
                "--metric", "Time to resolve=two hours"));
        assertTrue(cli.err().contains("is not a duration"), cli::err);
        assertEquals(2, cli.run(RetroCommand::new, "publish", run.id(), "--file", file.toString(), "--metric", "Cost"));
        assertEquals(2, cli.run(RetroCommand::new, "publish", run.id(), "--file", dir.resolve("none.md").toString()));
        assertEquals(run.retrospectivePublishedAt(), now(run.id()).retrospectivePublishedAt());
        assertEquals(run.retrospective(), now(run.id()).retrospective());
    }

    @Test
    void anUnknownRunIsRefusedWithTheServersMessage() throws Exception {
        Path file = dir.resolve("retro.md");
        Files.writeString(file, "text");
        assertEquals(1, cli.run(RetroCommand::new, "publish", "aaaaaaaaaaaaaaaaaaaaaaaaaa", "--file", file.toString()));
        assertTrue(cli.err().startsWith("error: GET "), cli::err);
        assertEquals(1, cli.run(TimelineCommand::new, "add", "aaaaaaaaaaaaaaaaaaaaaaaaaa", "--summary", "x"));
        assertTrue(cli.err().startsWith("error: GET "), cli::err);
    }

    @Test
    void aPublishTheServerRefusesIsExitOneWithItsMessageAndNothingChanges() throws Exception {
        // A run I may read (its playbook is public in my team) but not edit (neither owner nor participant).
        String me = sandbox.control().defaultUser().id();
        PlaybookRun theirs = sandbox.control().runs().stream()
                .filter(r -> !r.ownerUserId().equals(me) && !r.participantIds().contains(me))
                .filter(r -> cli.run(RetroCommand::new, "show", r.id()) == 0)
                .findFirst().orElseThrow(() -> new IllegalStateException("seed 41 has no readable run of others"));
        Path file = dir.resolve("retro.md");
        Files.writeString(file, "# Not mine to publish");
        assertEquals(1, cli.run(RetroCommand::new, "publish", theirs.id(), "--file", file.toString()));
        assertTrue(cli.err().startsWith("error: POST ") && cli.err().contains("Not authorized"), cli::err);
        assertEquals(theirs.retrospective(), now(theirs.id()).retrospective());
        assertEquals(theirs.retrospectivePublishedAt(), now(theirs.id()).retrospectivePublishedAt());
    }

    @Test
    void timelineAddPostsTheDetailsAndAddsThePostAsOneEvent() {
        assumeTrue(servesAddToTimelineDialog(), "this sandbox does not serve /runs/add-to-timeline-dialog yet");
        PlaybookRun run = sandbox.control().runs().stream().filter(r -> !r.isFinished()
                && r.participantIds().contains(sandbox.control().defaultUser().id())).findFirst().orElseThrow();
        assertEquals(0, cli.run(TimelineCommand::new, "add", run.id(), "--summary", "Paged the DBA",
                "--details", "Called Sam at home"), cli::err);
        String eventId = cli.out().strip();
        List<TimelineEvent> events = now(run.id()).timelineEvents().stream().filter(e -> e.id().equals(eventId))
                .toList();
        assertEquals(1, events.size());
        assertEquals("Paged the DBA", events.get(0).summary());
        assertEquals(TimelineEvent.EVENT_FROM_POST, events.get(0).eventType());
        assertNotEquals("", events.get(0).postId());
    }

    @Test
    void timelineAddRefusesATimeThatIsNotOne() {
        assertEquals(2, cli.run(TimelineCommand::new, "add", mine.get(0), "--summary", "x", "--at", "25:99"));
        assertTrue(cli.err().contains("is not a time"), cli::err);
        assertEquals(2, cli.run(TimelineCommand::new, "add", mine.get(0)));
        assertTrue(cli.err().contains("--summary"), cli::err);
    }

    /** The route comes with the sandbox's dialog routes (branch sbx-runs); 404 means not there yet. */
    private static boolean servesAddToTimelineDialog() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    sandbox.baseUrl() + "/plugins/playbooks/api/v0/runs/add-to-timeline-dialog"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() != 404 && answer.statusCode() != 405;
        } catch (Exception e) {
            return false;
        }
    }
}
