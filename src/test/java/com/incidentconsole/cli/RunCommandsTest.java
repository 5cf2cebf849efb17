package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs list} and {@code run show|start|finish|restore|check} against a seeded sandbox. */
@BesideOtherTests
class RunCommandsTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static SandboxServer sandbox;
    private static String token;

    @TempDir
    Path dir;

    private CliHarness cli;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(21).withRuns(5, 5));
        token = sandbox.control().credentials().token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void harness() {
        cli = new CliHarness(sandbox, token, dir);
    }

    private static PlaybookRun ongoingRun() {
        return sandbox.control().runs().stream().filter(r -> !r.isFinished() && !r.checklists().isEmpty()
                && !r.checklists().get(0).items().isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void listJsonIsTheServersRunsAsOneArray() throws Exception {
        assertEquals(0, cli.run(RunsCommand::new, "list", "--json"), cli::err);
        JsonNode runs = MAPPER.readTree(cli.out());
        assertTrue(runs.isArray());
        List<PlaybookRun> expected;
        try (MattermostConnection c = CliHarness.connect(sandbox, token)) {
            expected = c.runs().listAll(RunQuery.all());
        }
        assertEquals(expected.size(), runs.size());
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(expected.stream().map(PlaybookRun::id).collect(java.util.stream.Collectors.toSet()), ids);
        assertTrue(runs.get(0).has("checklists") && runs.get(0).has("timeline_events"), "full server objects");
    }

    @Test
    void listTextIsOneAlignedLinePerRunAndFiltersByStatus() {
        assertEquals(0, cli.run(RunsCommand::new, "list", "--status", "Finished"), cli::err);
        List<String> lines = cli.out().lines().toList();
        List<PlaybookRun> finished;
        try (MattermostConnection c = CliHarness.connect(sandbox, token)) {
            finished = c.runs().listAll(RunQuery.all().statuses(PlaybookRun.STATUS_FINISHED));
        }
        assertEquals(finished.size(), lines.size(), cli::out);
        int idColumn = lines.get(0).lastIndexOf(' ') + 1;
        for (String line : lines) {
            assertTrue(line.contains("Finished"), line);
            assertEquals(idColumn, line.lastIndexOf(' ') + 1, "ids aligned: " + line);
        }
        assertEquals(2, cli.run(RunsCommand::new, "list", "--status", "Done"));
        assertTrue(cli.err().contains("--status must be InProgress or Finished"), cli::err);
    }

    @Test
    void startPrintsTheNewRunsIdOwnedByTheGivenUsernameInThePlaybooksTeam() {
        PlaybookRun template = ongoingRun();
        User other = sandbox.control().users().stream()
                .filter(u -> !u.id().equals(sandbox.control().defaultUser().id())
                        && sandbox.control().isTeamMember(template.teamId(), u.id()))
                .findFirst().orElseThrow();
        int before = sandbox.control().runs().size();
        assertEquals(0, cli.run(RunCommand::new, "start", "--playbook", template.playbookId(), "--name",
                "CLI started run", "--owner", other.username(), "--summary", "from a script"), cli::err);
        String id = cli.out().strip();
        PlaybookRun run = sandbox.control().run(id).orElseThrow();
        // No name check: the real server may rename the run by the playbook's channel name template.
        assertEquals(other.id(), run.ownerUserId());
        assertEquals(template.teamId(), run.teamId());
        assertEquals("from a script", run.summary());
        assertEquals(before + 1, sandbox.control().runs().size(), "started once");
    }

    @Test
    void startWithAnUnknownOwnerIsABadArgumentAndStartsNothing() {
        int before = sandbox.control().runs().size();
        assertEquals(2, cli.run(RunCommand::new, "start", "--playbook", ongoingRun().playbookId(), "--name", "x",
                "--owner", "nobody-here"));
        assertTrue(cli.err().contains("no user 'nobody-here'"), cli::err);
        assertEquals(before, sandbox.control().runs().size());
        assertEquals(2, cli.run(RunCommand::new, "start", "--playbook", ongoingRun().playbookId()));
        assertTrue(cli.err().contains("--name"), cli::err);
    }

    @Test
    void checkClosesSkipsAndReopensAnItem() {
        PlaybookRun run = ongoingRun();
        assertEquals(0, cli.run(RunCommand::new, "check", run.id(), "0", "0"), cli::err);
        assertEquals(ChecklistItem.CLOSED, item(run.id()).state());
        assertEquals(0, cli.run(RunCommand::new, "check", run.id(), "0", "0", "--state", "skipped"), cli::err);
        assertEquals("skipped", item(run.id()).state());
        assertEquals(0, cli.run(RunCommand::new, "check", run.id(), "0", "0", "--state", "open"), cli::err);
        assertEquals(ChecklistItem.OPEN, item(run.id()).state());
        assertEquals(2, cli.run(RunCommand::new, "check", run.id(), "0", "0", "--state", "done"));
        assertTrue(cli.err().contains("--state must be closed, open or skipped"), cli::err);
        assertEquals(2, cli.run(RunCommand::new, "check", run.id(), "first", "0"));
    }

    @Test
    void anItemOutOfRangeIsRefusedWithTheServersMessage() {
        assertEquals(1, cli.run(RunCommand::new, "check", ongoingRun().id(), "0", "999"));
        assertTrue(cli.err().startsWith("error: PUT "), cli::err);
        // The real handler answers a bad index as an internal error (ModifyCheckedState fails): its words, as sent.
        assertTrue(cli.err().contains("failed: 500 An internal error"), cli::err);
    }

    @Test
    void finishThenRestoreChangesTheRunOnTheServer() throws Exception {
        PlaybookRun run = ongoingRun();
        assertEquals(0, cli.run(RunCommand::new, "finish", run.id()), cli::err);
        assertTrue(sandbox.control().run(run.id()).orElseThrow().isFinished());
        assertEquals(1, cli.run(RunCommand::new, "check", run.id(), "0", "0"), "a finished run is refused");
        assertTrue(cli.err().contains("finished"), cli::err);
        assertEquals(0, cli.run(RunCommand::new, "restore", run.id()), cli::err);
        assertFalse(sandbox.control().run(run.id()).orElseThrow().isFinished());

        assertEquals(0, cli.run(RunCommand::new, "show", run.id(), "--json"), cli::err);
        JsonNode shown = MAPPER.readTree(cli.out());
        assertEquals(run.id(), shown.path("id").asText());
        assertEquals(PlaybookRun.STATUS_IN_PROGRESS, shown.path("current_status").asText());
        assertEquals(0, cli.run(RunCommand::new, "show", run.id()), cli::err);
        assertTrue(cli.out().contains(run.checklists().get(0).items().get(0).title().strip()), cli::out);
    }

    @Test
    void anUnknownRunIsRefusedWithTheServersMessage() {
        assertEquals(1, cli.run(RunCommand::new, "finish", "aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertTrue(cli.err().startsWith("error: PUT "), cli::err);
        assertEquals(1, cli.run(RunCommand::new, "show", "aaaaaaaaaaaaaaaaaaaaaaaaaa"));
        assertTrue(cli.err().startsWith("error: GET "), cli::err);
    }

    @Test
    void everySubcommandHasHelp() {
        Map<CliHarness.Factory, List<String>> groups = Map.of(RunsCommand::new, List.of("list"),
                RunCommand::new, List.of("show", "start", "finish", "restore", "check"),
                StatusCommand::new, List.of("post", "list", "request"), RetroCommand::new, List.of("show", "publish"),
                TimelineCommand::new, List.of("add"));
        groups.forEach((factory, subcommands) -> subcommands.forEach(sub -> {
            assertEquals(0, cli.run(factory, sub, "--help"), sub);
            assertTrue(cli.out().startsWith("Usage: "), cli::out);
            assertTrue(cli.out().contains("--server=URL"), cli::out);
        }));
    }

    private static ChecklistItem item(String runId) {
        return sandbox.control().run(runId).orElseThrow().checklists().get(0).items().get(0);
    }
}
