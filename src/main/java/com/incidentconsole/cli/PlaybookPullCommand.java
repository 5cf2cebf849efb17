package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code playbook pull}: saves a server playbook's export into the library and remembers where it came from.
 * The token comes from {@value #TOKEN_VARIABLE} or the sign-in stored by {@code login}, never from a flag:
 * arguments show in process listings.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Save a server playbook as a library file (export format) and link it for push.",
            "Pulling again into a linked file refuses to replace local changes unless --force.",
            "Token: environment variable " + PlaybookPullCommand.TOKEN_VARIABLE + ", else the stored sign-in "
                + "(incident-console login)."})
public final class PlaybookPullCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "INCIDENT_CONSOLE_TOKEN";

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", required = true, description = "Mattermost site URL.")
    private String server;

    @Option(names = "--playbook", required = true, description = "Playbook id.")
    private String playbookId;

    @Option(names = "--library", description = "Library folder (default: current directory).")
    private Path library = Path.of(".");

    @Option(names = "--as", description = "File name in the library (default: from the title).")
    private String as;

    @Option(names = "--force", description = "Pull again over a linked file's local changes (they are lost).")
    private boolean force;

    @Mixin
    private CaCertOption ca;

    private final ServerLogin login;

    public PlaybookPullCommand() {
        this(System::getenv);
    }

    PlaybookPullCommand(UnaryOperator<String> environment) {
        this(environment, ServerLogin.userVault());
    }

    PlaybookPullCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        this.login = new ServerLogin(environment, vaults);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonMapper mapper = WireJson.newMapper();
        PlaybookParser parser = new PlaybookParser();
        ServerAddress address;
        try {
            address = ServerAddress.of(server);
        } catch (IllegalArgumentException e) {
            err.println("error: --server: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (MattermostConnection connection = login.open(server, ca.trust(), mapper)) {
            ConnectionPlaybookRemote remote = new ConnectionPlaybookRemote(connection);
            String name = as != null ? as : fileName(remote.get(playbookId).path("title").asText());
            PlaybookLibrary lib = new PlaybookLibrary(library, parser, mapper);
            // The sidecar keeps the normalised URL, so push finds the same server however it was typed.
            PlaybookSync sync = new PlaybookSync(lib, remote, address.baseUrl().toString(), parser);
            switch (sync.pullTarget(name, playbookId)) {
                case PlaybookSync.PullTarget.Taken taken -> {
                    err.println("error: " + taken.reason() + " (--as NAME)");
                    return 1;
                }
                case PlaybookSync.PullTarget.Refresh refresh when refresh.localChanges() && !force -> {
                    err.println("error: " + name + " has local changes since the pull; push them first, or pull "
                            + "with --force to replace them");
                    return 1;
                }
                default -> {
                }
            }
            sync.pull(name, playbookId, force);
            out.println("pulled " + playbookId + " into " + library.resolve(name));
            return 0;
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

    /** "Incident Resolution" → {@code incident-resolution.json}. */
    static String fileName(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "playbook" : slug) + ".json";
    }
}
