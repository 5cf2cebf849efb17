package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status post|list|request} against a seeded sandbox. */
class StatusCommandsTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static SandboxServer sandbox;
    private static String token;
    /** Ongoing runs the signed-in user takes part in, chosen before any test changes one: one per test. */
    private static java.util.List<String> mine;

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(31).withRuns(16, 3));
        token = sandbox.control().credentials().token();
        String me = sandbox.control().defaultUser().id();
        mine = sandbox.control().runs().stream().filter(r -> !r.isFinished() && r.participantIds().contains(me))
                .map(PlaybookRun::id).toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void harness() {
        cli = new CliHarness(sandbox, token, dir);
    }

    private static PlaybookRun ongoing(int n) {
        return now(mine.get(n));
    }

    private static PlaybookRun now(String id) {
        return sandbox.control().run(id).orElseThrow();
    }

    @Test
    void postPrintsTheNewPostsIdWhichTheRunListsOnceWithTheReminderInSeconds() throws Exception {
        PlaybookRun run = ongoing(0);
        int before = run.statusPosts().size();
        assertEquals(0, cli.run(StatusCommand::new, "post", run.id(), "--message", "DB failover done",
                "--reminder", "1h30m"), cli::err);
        String postId = cli.out().strip();
        PlaybookRun after = now(run.id());
        assertEquals(before + 1, after.statusPosts().size());
        assertEquals(1, after.statusPosts().stream().map(StatusPost::id).filter(postId::equals).count());
        assertEquals(Duration.ofMinutes(90).toNanos(), after.previousReminder());

        assertEquals(0, cli.run(StatusCommand::new, "list", run.id(), "--json"), cli::err);
        JsonNode updates = MAPPER.readTree(cli.out());
        assertTrue(updates.isArray());
        assertEquals(postId, updates.get(0).path("id").asText(), "newest first");
        assertEquals("DB failover done", updates.get(0).path("message").asText());
        assertEquals(0, cli.run(StatusCommand::new, "list", run.id()), cli::err);
        assertTrue(cli.out().contains("    DB failover done"), cli::out);
    }

    @Test
    void theMessageComesFromAFileAndFinishFinishesTheRun() throws Exception {
        PlaybookRun run = ongoing(1);
        Path file = dir.resolve("update.md");
        Files.writeString(file, "## Resolved\nAll green.");
        assertEquals(0, cli.run(StatusCommand::new, "post", run.id(), "--message-file", file.toString(), "--finish"),
                cli::err);
        assertTrue(now(run.id()).isFinished());
        assertEquals(1, now(run.id()).statusPosts().stream().map(StatusPost::id)
                .filter(cli.out().strip()::equals).count());
    }

    @Test
    void broadcastFlagsSwitchTheRunsSettingBeforePosting() {
        PlaybookRun run = ongoing(2);
        boolean was = run.statusUpdateBroadcastChannelsEnabled();
        assertEquals(0, cli.run(StatusCommand::new, "post", run.id(), "--message", "update", "--reminder", "30m",
                was ? "--no-broadcast" : "--broadcast"), cli::err);
        assertEquals(!was, now(run.id()).statusUpdateBroadcastChannelsEnabled());
    }

    @Test
    void aPostToAFinishedRunIsRefusedWithTheServersMessage() {
        PlaybookRun finished = sandbox.control().runs().stream().filter(PlaybookRun::isFinished).findFirst()
                .orElseThrow();
        assertEquals(1, cli.run(StatusCommand::new, "post", finished.id(), "--message", "late", "--reminder", "1h"));
        assertTrue(cli.err().startsWith("error: POST "), cli::err);
        assertTrue(cli.err().contains("finished"), cli::err);
        assertEquals(finished.statusPosts().size(), now(finished.id()).statusPosts().size());
    }

    @Test
    void aLostAnswerIsNotResentAndTheErrorSaysHowToCheck() {
        PlaybookRun run = ongoing(3);
        int before = run.statusPosts().size();
        sandbox.control().inject(FaultRule.failNext(1, "POST", ".*/runs/[^/]+/status", 502, "bad gateway"));
        assertEquals(1, cli.run(StatusCommand::new, "post", run.id(), "--message", "maybe", "--reminder", "1h"));
        assertTrue(cli.err().contains("may or may not have been posted"), cli::err);
        assertTrue(cli.err().contains("status list " + run.id()), cli::err);
        // The fault answered the first request only: a retry would have posted.
        assertEquals(before, now(run.id()).statusPosts().size());
    }

    @Test
    void badArgumentsAreExitTwoAndPostNothing() {
        PlaybookRun run = ongoing(4);
        int before = run.statusPosts().size();
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id(), "--message", "x", "--reminder", "soon"));
        assertTrue(cli.err().contains("'soon' is not a duration"), cli::err);
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id(), "--message", "x", "--reminder", "0m"));
        assertTrue(cli.err().contains("--reminder must be more than 0"), cli::err);
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id(), "--message", "x", "--message-file", "f"));
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id()));
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id(), "--message", "   "));
        assertEquals(2, cli.run(StatusCommand::new, "post", run.id(), "--message-file",
                dir.resolve("missing.md").toString()));
        assertTrue(cli.err().contains("missing.md"), cli::err);
        assertEquals(before, now(run.id()).statusPosts().size());
    }

    @Test
    void requestAddsTheRequestToTheRunsTimeline() {
        PlaybookRun run = ongoing(5);
        long requests = requests(run);
        assertEquals(0, cli.run(StatusCommand::new, "request", run.id()), cli::err);
        assertEquals(requests + 1, requests(now(run.id())));
        assertEquals(1, cli.run(StatusCommand::new, "request", "aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertFalse(cli.err().isBlank());
    }

    private static long requests(PlaybookRun run) {
        return run.timelineEvents().stream()
                .filter(e -> e.eventType().equals(TimelineEvent.STATUS_UPDATE_REQUESTED)).count();
    }
}
