package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.playbook.library.Fixtures;
import com.incidentconsole.playbook.library.ItemField;
import com.incidentconsole.playbook.library.PlaybookFile;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.PlaybookSetting;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code playbook pull} and {@code push} against the embedded sandbox server. */
class PlaybookPushCommandTest {

    private static SandboxServer sandbox;
    private static MattermostConnection other;
    private static ConnectionPlaybookRemote otherRemote;
    private static String url;
    private static String token;

    @TempDir
    Path library;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
        url = sandbox.baseUrl().toString();
        token = sandbox.control().credentials().token();
        JsonMapper mapper = WireJson.newMapper();
        other = MattermostConnection.open(ServerAddress.of(url), new Credentials.AccessToken(token), mapper);
        otherRemote = new ConnectionPlaybookRemote(other);
    }

    @AfterAll
    static void stopSandbox() {
        other.close();
        sandbox.close();
    }

    private int run(String... args) {
        return run(Map.of(PlaybookPullCommand.TOKEN_VARIABLE, token), args);
    }

    private int run(Map<String, String> env, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == PlaybookPullCommand.class) {
                    return type.cast(new PlaybookPullCommand(env::get));
                }
                if (type == PlaybookPushCommand.class) {
                    return type.cast(new PlaybookPushCommand(env::get));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new PlaybookCommand(), factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String firstPlaybookId() {
        return other.playbooks().listAll("").get(0).id();
    }

    private void editLocalTitle(String file, String title) throws Exception {
        PlaybookLibrary lib = new PlaybookLibrary(library, new PlaybookParser(), JsonMapper.builder().build());
        lib.write(file, lib.read(file).withTitle(title));
    }

    @Test
    void pullEditPushChangesTheServerPlaybook() throws Exception {
        String id = firstPlaybookId();
        assertEquals(0, run("pull", "--server", url, "--playbook", id, "--library", library.toString(),
                "--as", "pb.json"), err::toString);
        assertTrue(Files.exists(library.resolve("pb.json")));

        editLocalTitle("pb.json", "Renamed offline");
        assertEquals(0, run("push", library.resolve("pb.json").toString()), err::toString);
        assertEquals("Renamed offline", other.playbooks().get(id).title());
    }

    @Test
    void aPushOverAServerChangeIsRefusedWithTheServerChangesAndForceOverrides() throws Exception {
        String id = firstPlaybookId();
        assertEquals(0, run("pull", "--server", url, "--playbook", id, "--library", library.toString(),
                "--as", "pb.json"), err::toString);
        editLocalTitle("pb.json", "Local title");

        ObjectNode current = otherRemote.get(id);
        current.put("description", "Changed on the server meanwhile");
        otherRemote.replace(id, current);

        assertEquals(1, run("push", library.resolve("pb.json").toString()), out::toString);
        assertTrue(err.toString().contains("refused"), err::toString);
        assertTrue(err.toString().contains("Changed on the server meanwhile"), err::toString);
        assertTrue(!"Local title".equals(other.playbooks().get(id).title()), "nothing was sent");

        assertEquals(0, run("push", "--force", library.resolve("pb.json").toString()), err::toString);
        assertEquals("Local title", other.playbooks().get(id).title());
    }

    /** A colleague edits the server copy: {@code edit} changes the full playbook JSON, which is PUT back. */
    private void colleagueEdits(String id, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode current = otherRemote.get(id);
        edit.accept(current);
        otherRemote.replace(id, current);
    }

    private static ObjectNode firstItem(ObjectNode playbook) {
        return (ObjectNode) playbook.get("checklists").get(0).get("items").get(0);
    }

    private void editLocally(String file, java.util.function.UnaryOperator<PlaybookFile> edit) throws Exception {
        PlaybookLibrary lib = new PlaybookLibrary(library, new PlaybookParser(), WireJson.newMapper());
        lib.write(file, edit.apply(lib.read(file)));
    }

    private String pullFirst(String file) {
        String id = firstPlaybookId();
        assertEquals(0, run("pull", "--server", url, "--playbook", id, "--library", library.toString(),
                "--as", file), err::toString);
        return id;
    }

    @Test
    void mergeWithoutConflictsWritesTheMergedFileRecordsTheNewBaseAndPushes() throws Exception {
        String id = pullFirst("pb.json");
        editLocally("pb.json", f -> f.withTitle("Clean merge, local title"));
        colleagueEdits(id, p -> p.put("description", "Clean merge, server description"));

        assertEquals(0, run("push", "--merge", library.resolve("pb.json").toString()), err::toString);

        Playbook onServer = other.playbooks().get(id);
        assertEquals("Clean merge, local title", onServer.title());
        assertEquals("Clean merge, server description", onServer.description());
        PlaybookLibrary lib = new PlaybookLibrary(library, new PlaybookParser(), WireJson.newMapper());
        assertEquals("Clean merge, server description", lib.read("pb.json").text(PlaybookSetting.DESCRIPTION));
        assertEquals(onServer.updateAt(), lib.syncRecord("pb.json").orElseThrow().updateAt());
        assertTrue(out.toString().contains("pushed pb.json"), out::toString);
    }

    @Test
    void mergeWithConflictsWritesNothingAndPrintsEachConflict() throws Exception {
        String id = pullFirst("pb.json");
        Path file = library.resolve("pb.json");
        editLocally("pb.json", f -> f.withItem(0, 0, ItemField.COMMAND, "/conflict mine"));
        colleagueEdits(id, p -> firstItem(p).put("command", "/conflict theirs"));
        String before = Files.readString(file);
        String sidecarBefore = Files.readString(library.resolve(".incident-console/library.json"));

        assertEquals(1, run("push", "--merge", file.toString()), out::toString);

        assertTrue(err.toString().contains(file + ":checklists[0].items[0].command: mine=\"/conflict mine\" "
                + "theirs=\"/conflict theirs\""), err::toString);
        assertTrue(err.toString().contains("1 conflict"), err::toString);
        assertEquals(before, Files.readString(file), "the file is untouched");
        assertEquals(sidecarBefore, Files.readString(library.resolve(".incident-console/library.json")));
        assertEquals("/conflict theirs", other.playbooks().get(id).checklists().get(0).items().get(0).command());
    }

    @Test
    void oursDecidesEveryConflictForTheLocalValueAndKeepsTheServersOtherChanges() throws Exception {
        String id = pullFirst("pb.json");
        editLocally("pb.json", f -> f.withItem(0, 0, ItemField.COMMAND, "/ours mine"));
        colleagueEdits(id, p -> {
            firstItem(p).put("command", "/ours theirs");
            p.put("description", "Ours: server description");
        });

        assertEquals(0, run("push", "--merge", "--ours", library.resolve("pb.json").toString()), err::toString);

        Playbook onServer = other.playbooks().get(id);
        assertEquals("/ours mine", onServer.checklists().get(0).items().get(0).command());
        assertEquals("Ours: server description", onServer.description());
    }

    @Test
    void theirsDecidesEveryConflictForTheServerAndStillPushesLocalEditsElsewhere() throws Exception {
        String id = pullFirst("pb.json");
        editLocally("pb.json", f -> f.withItem(0, 0, ItemField.COMMAND, "/theirs mine").withTitle("Theirs: title"));
        colleagueEdits(id, p -> firstItem(p).put("command", "/theirs theirs"));

        assertEquals(0, run("push", "--merge", "--theirs", library.resolve("pb.json").toString()), err::toString);

        Playbook onServer = other.playbooks().get(id);
        assertEquals("/theirs theirs", onServer.checklists().get(0).items().get(0).command());
        assertEquals("Theirs: title", onServer.title());
        PlaybookLibrary lib = new PlaybookLibrary(library, new PlaybookParser(), WireJson.newMapper());
        assertEquals("/theirs theirs", lib.read("pb.json").checklists().get(0).items().get(0).command());
    }

    @Test
    void oursWithoutMergeIsAUsageError() {
        assertEquals(2, run("push", "--ours", library.resolve("pb.json").toString()));
        assertTrue(err.toString().contains("--merge"), err::toString);
    }

    @Test
    void aFileLinkedToOneServerIsRefusedOnAnotherAndPullingFromThatOneIntoAnotherFileWorks() throws Exception {
        String idOnA = pullFirst("a.json");
        try (SandboxServer b = SandboxServer.start(SandboxOptions.defaults().withPort(0).withSeed(7))) {
            String urlB = b.baseUrl().toString();
            Map<String, String> envB = Map.of(PlaybookPullCommand.TOKEN_VARIABLE, b.control().credentials().token());
            editLocally("a.json", f -> f.withTitle("Meant for A"));

            assertEquals(1, run(envB, "push", "--server", urlB, library.resolve("a.json").toString()));
            assertTrue(err.toString().contains("a.json is linked to " + url), err::toString);

            try (MattermostConnection onB = MattermostConnection.open(ServerAddress.of(urlB),
                    new Credentials.AccessToken(b.control().credentials().token()), WireJson.newMapper())) {
                String idOnB = onB.playbooks().listAll("").get(0).id();
                assertEquals(0, run(envB, "pull", "--server", urlB + "/", "--playbook", idOnB, "--library",
                        library.toString(), "--as", "b.json"), err::toString);
                editLocally("b.json", f -> f.withTitle("Meant for B"));
                assertEquals(0, run(envB, "push", library.resolve("b.json").toString()), err::toString);
                assertEquals("Meant for B", onB.playbooks().get(idOnB).title());
            }
            assertEquals(0, run("push", library.resolve("a.json").toString()), err::toString);
            assertEquals("Meant for A", other.playbooks().get(idOnA).title());
        }
    }

    @Test
    void aNewFileIsCreatedOnceWithTeamAndLaterPushesUpdateIt() throws Exception {
        PlaybookLibrary lib = new PlaybookLibrary(library, new PlaybookParser(), WireJson.newMapper());
        String title = "Created from the CLI " + System.nanoTime();
        lib.create("new.json", Fixtures.file(Fixtures.RELEASE).withTitle(title));
        String team = other.teams().mine().get(0).id();
        Path file = library.resolve("new.json");

        assertEquals(1, run("push", file.toString()), "no server and team: refused");
        assertTrue(err.toString().contains("--team"), err::toString);
        assertEquals(0, run("push", "--server", url, "--team", team, file.toString()), err::toString);
        assertEquals(0, run("push", "--server", url, "--team", team, file.toString()), err::toString);
        assertTrue(out.toString().contains("nothing to push"), out::toString);

        lib.write("new.json", lib.read("new.json").withTitle(title + " v2"));
        assertEquals(0, run("push", file.toString()), err::toString);
        long copies = other.playbooks().listAll("").stream()
                .filter(p -> p.title().startsWith("Created from the CLI") && p.title().contains(title)).count();
        assertEquals(1, copies, "created once, then updated");
        assertEquals(title + " v2", other.playbooks().get(lib.syncRecord("new.json").orElseThrow().playbookId())
                .title());
    }

    @Test
    void withoutATokenInTheEnvironmentNothingIsContacted() {
        CommandLine cli = new CommandLine(new PlaybookCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == PlaybookPullCommand.class ? type.cast(new PlaybookPullCommand(name -> null))
                        : CommandLine.defaultFactory().create(type);
            }
        });
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("pull", "--server", url, "--playbook", "x"));
        assertTrue(err.toString().contains(PlaybookPullCommand.TOKEN_VARIABLE));
    }
}
