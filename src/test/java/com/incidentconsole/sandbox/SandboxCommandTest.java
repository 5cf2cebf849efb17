package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.cli.SandboxCommand;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import com.incidentconsole.testrun.BesideOtherTests;
import java.io.BufferedReader;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@BesideOtherTests
class SandboxCommandTest {

    @Test
    void printsOneJsonLineWithWorkingCredentials() throws Exception {
        SandboxCommand command = new SandboxCommand();
        PipedReader pipe = new PipedReader();
        PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
        CommandLine cli = new CommandLine(command).setOut(out);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                cli.execute("--port", "0", "--seed", "3", "--ongoing", "2", "--ended", "3"));
        String line = new BufferedReader(pipe).readLine();
        JsonNode json = Api.tree(line);
        assertEquals(4, json.size());
        assertEquals("alex.rivera", json.path("username").asText());
        assertTrue(json.path("url").asText().startsWith("http://127.0.0.1:"));
        Api api = new Api(URI.create(json.path("url").asText()), json.path("token").asText());
        assertEquals("alex.rivera", api.getJson("/api/v4/users/me").path("username").asText());
        assertTrue(api.getJson(Api.PLUGIN + "/runs").path("total_count").asInt() <= 5);
        command.shutdown();
        assertEquals(0, exit.get());
    }

    @Test
    void busyPortIsOneLineAndExitCodeOne() {
        try (SandboxFixture fixture = SandboxFixture.start(SandboxFixture.small().withRuns(1, 1))) {
            SandboxServer other = fixture.server();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(err, true))
                    .execute("--port", Integer.toString(other.baseUrl().getPort()), "--ongoing", "1", "--ended", "1");
            assertEquals(1, code);
            assertTrue(err.toString().startsWith("sandbox: "), err.toString());
        }
    }

    @Test
    void helpWorks() {
        assertEquals(0, new CommandLine(new SandboxCommand()).setOut(new PrintWriter(new java.io.StringWriter()))
                .execute("--help"));
    }
}
