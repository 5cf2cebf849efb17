package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.diff.DiffRenderer;
import com.incidentconsole.playbook.library.diff.PlaybookDiff;
import com.incidentconsole.playbook.library.store.LibraryException;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.library.sync.PushPlan;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code playbook push FILE}: sends a pulled file back. Refuses (exit 1) when the playbook changed on the server
 * since the pull and shows what changed there, because the server's PUT would silently overwrite it.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send a pulled library file back to its server playbook.",
            "Refuses with exit 1 when the server copy changed since the pull (unless --force).",
            "Token: environment variable " + PlaybookPullCommand.TOKEN_VARIABLE + ", else the stored sign-in "
                + "(incident-console login)."})
public final class PlaybookPushCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The library file to push.")
    private Path file;

    @Option(names = "--library", description = "Library folder (default: the file's folder).")
    private Path library;

    @Option(names = "--server", description = "Server URL (default: the one the file was pulled from).")
    private String server;

    @Option(names = "--force", description = "Overwrite the server's changes with the local file.")
    private boolean force;

    @Mixin
    private CaCertOption ca;

    private final ServerLogin login;

    public PlaybookPushCommand() {
        this(System::getenv);
    }

    PlaybookPushCommand(UnaryOperator<String> environment) {
        this(environment, ServerLogin.userVault());
    }

    PlaybookPushCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.login = new ServerLogin(environment, vaults);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return push(out, err);
        } catch (IOException | PlaybookFormatException | ClientException | CredentialException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (ServerLogin.NoToken | IllegalArgumentException e) { // also a bad --ca-cert file
            err.println("error: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int push(PrintWriter out, PrintWriter err) throws IOException, PlaybookFormatException {
        Path folder = library != null ? library : file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        JsonMapper mapper = WireJson.newMapper();
        PlaybookParser parser = new PlaybookParser();
        PlaybookLibrary lib = new PlaybookLibrary(folder, parser, mapper);
        SyncRecord record = lib.syncRecord(name)
                .orElseThrow(() -> new LibraryException(name + " was not pulled from a server (no sync record in "
                        + folder + ")"));
        String url = server != null ? server : record.serverUrl();
        try (MattermostConnection connection = login.open(url, ca.trust(), mapper)) {
            PlaybookSync sync = new PlaybookSync(lib, new ConnectionPlaybookRemote(connection.playbooks(), mapper),
                    url, parser);
            PushPlan plan = sync.push(name, force);
            return switch (plan) {
                case PushPlan.Push push -> report(out, "pushed " + name + " to " + url);
                case PushPlan.NothingToPush nothing -> report(out, "nothing to push: " + name
                        + " is what was pulled and the server has not changed");
                case PushPlan.TakeTheirs take -> report(out, "only the server changed: " + name
                        + " now holds the server version");
                case PushPlan.Merge merge -> refusedOrForced(out, err, merge, record, parser, name);
            };
        }
    }

    private int refusedOrForced(PrintWriter out, PrintWriter err, PushPlan.Merge merge, SyncRecord record,
            PlaybookParser parser, String name) throws PlaybookFormatException {
        String serverChanges = new DiffRenderer().render(PlaybookDiff.between(parser.parse(record.base()),
                merge.theirs()));
        if (force) {
            out.println("pushed " + name + " with --force, overwriting these server changes:");
            out.print(serverChanges);
            return 0;
        }
        err.println("refused: the playbook changed on the server since it was pulled. Server changes:");
        err.print(serverChanges);
        if (!merge.result().isClean()) {
            err.println(merge.result().conflicts().size() + " of them conflict with your edits.");
        }
        err.println("Pull again and reapply your edits, or push with --force to overwrite the server.");
        return 1;
    }

    private static int report(PrintWriter out, String line) {
        out.println(line);
        return 0;
    }
}
