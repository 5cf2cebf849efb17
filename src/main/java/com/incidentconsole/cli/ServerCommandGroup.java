package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the run command groups ({@code runs}, {@code run}, {@code status}, {@code retro}, {@code timeline}) share:
 * how they sign in, the exit-code contract of {@link CommandIo}, and the clock and zone they read times in.
 * Each subcommand is a {@code @Command} method of its group.
 */
abstract class ServerCommandGroup {

    /** One subcommand's work on a signed-in connection; returns the exit code. */
    interface Body {
        int run(MattermostConnection connection, JsonMapper mapper, PrintWriter out, PrintWriter err)
                throws Exception;
    }

    @Spec
    CommandSpec spec;

    private final ServerLogin login;
    Clock clock = Clock.systemDefaultZone();

    ServerCommandGroup(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.login = new ServerLogin(environment, vaults);
    }

    final int withServer(ServerOptions server, Body body) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandIo.run(out, err, () -> {
            JsonMapper mapper = WireJson.newMapper();
            try (MattermostConnection connection = server.open(login, mapper)) {
                return body.run(connection, mapper, out, err);
            }
        });
    }

    /**
     * Arguments checked before any network, under the same exit-code contract: a {@link
     * com.incidentconsole.entry.BadEntry} or another IllegalArgumentException is exit 2 with its message.
     */
    final int checked(Callable<Integer> body) {
        return CommandIo.run(spec.commandLine().getOut(), spec.commandLine().getErr(), body);
    }

    /** Arguments checked before any network: exit 2 with the message. */
    final int usage(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + message);
        err.flush();
        return CommandIo.USAGE;
    }

    static void printJson(PrintWriter out, JsonMapper mapper, JsonNode json) throws Exception {
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    /** Server text on one terminal line: control characters (newlines, tabs, escapes) become spaces. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
    }
}
