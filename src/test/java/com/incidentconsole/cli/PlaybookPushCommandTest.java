package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
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
        otherRemote = new ConnectionPlaybookRemote(other, mapper);
    }

    @AfterAll
    static void stopSandbox() {
        other.close();
        sandbox.close();
    }

    private int run(String... args) {
        Map<String, String> env = Map.of(PlaybookPullCommand.TOKEN_VARIABLE, token);
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
