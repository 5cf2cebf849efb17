package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.report.ReportBuilder;
import com.incidentconsole.report.ReportDocument;
import com.incidentconsole.report.ReportFormat;
import com.incidentconsole.report.ReportLoader;
import com.incidentconsole.wire.WireJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report RUN_ID --format md|html|pdf --output FILE}: a run's full record as one file to share or file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Export a run as Markdown, self-contained HTML or PDF: overview, summary, checklists (who "
                + "closed each item, when), status updates, timeline, retrospective and metrics.",
            "Exit 0 written, 1 refused by the server (its message on stderr), 2 bad arguments."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    private String runId;

    @Option(names = "--format", paramLabel = "md|html|pdf",
            description = "The file format (default: from the output file's extension).")
    private String format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the report.")
    private Path output;

    @Mixin
    private ServerOptions server;

    private final ServerLogin login;

    public ReportCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    ReportCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.login = new ServerLogin(environment, vaults);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CommandIo.run(out, err, () -> {
            ReportFormat chosen = chosenFormat();
            JsonMapper mapper = WireJson.newMapper();
            long started = System.nanoTime();
            ReportDocument document;
            try (MattermostConnection connection = server.open(login, mapper)) {
                document = new ReportBuilder().build(
                        new ReportLoader(connection, Clock.systemUTC(), ZoneId.systemDefault()).load(runId));
            }
            chosen.writeFile(document, output);
            out.println("wrote " + output + " (" + chosen.displayName() + ", " + Files.size(output) + " bytes, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
            return CommandIo.OK;
        });
    }

    private ReportFormat chosenFormat() {
        String given = format != null ? format : extension(output);
        return ReportFormat.parse(given).orElseThrow(() -> new IllegalArgumentException(
                "--format must be md, html or pdf" + (format == null ? " (or give a FILE ending in one)" : "")
                        + ", not '" + (given == null ? "" : given) + "'"));
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : name.substring(dot + 1);
    }
}
