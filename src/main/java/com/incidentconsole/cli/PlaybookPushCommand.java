package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.playbook.library.PlaybookFormatException;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.playbook.library.diff.DiffRenderer;
import com.incidentconsole.playbook.library.diff.PlaybookDiff;
import com.incidentconsole.playbook.library.merge.Conflict;
import com.incidentconsole.playbook.library.merge.MergeResult;
import com.incidentconsole.playbook.library.merge.Resolution;
import com.incidentconsole.playbook.library.store.PlaybookLibrary;
import com.incidentconsole.playbook.library.store.SyncRecord;
import com.incidentconsole.playbook.library.sync.PlaybookSync;
import com.incidentconsole.playbook.library.sync.PushPlan;
import com.incidentconsole.playbook.remote.ConnectionPlaybookRemote;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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
 * since the pull and shows what changed there, because the server's PUT would silently overwrite it; {@code --merge}
 * folds the server's changes in first (three-way), {@code --force} overwrites them. A file that is not linked yet
 * is created on the server once ({@code --server} and {@code --team}) and linked, so it is never created twice.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Send a library file to its server playbook (or create it there once, with --team).",
            "Refuses with exit 1 when the server copy changed since the pull, unless --merge or --force.",
            "--merge writes the three-way merge into the file and pushes it; on conflicts it writes nothing,",
            "prints each as FILE:PATH: mine=… theirs=… and exits 1, unless --ours or --theirs decides them.",
            "Token: environment variable " + PlaybookPullCommand.TOKEN_VARIABLE + ", else the stored sign-in "
                + "(incident-console login)."})
public final class PlaybookPushCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The library file to push.")
    private Path file;

    @Option(names = "--library", description = "Library folder (default: the file's folder).")
    private Path library;

    @Option(names = "--server", description = "Server URL (default: the one the file is linked to; required with "
            + "--team).")
    private String server;

    @Option(names = "--team", description = "Team id: create the playbook there when the file is not linked yet.")
    private String team;

    @Option(names = "--force", description = "Overwrite the server's changes with the local file.")
    private boolean force;

    @Option(names = "--merge", description = "Merge the server's changes into the file (three-way), then push.")
    private boolean merge;

    @Option(names = "--ours", description = "With --merge: every conflict keeps the local value.")
    private boolean ours;

    @Option(names = "--theirs", description = "With --merge: every conflict takes the server's value.")
    private boolean theirs;

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

    private Optional<String> usageProblem() {
        if (merge && force) {
            return Optional.of("--merge and --force exclude each other: merge keeps the server's changes, force "
                    + "overwrites them");
        }
        if ((ours || theirs) && !merge) {
            return Optional.of("--ours and --theirs decide the conflicts of --merge; add --merge");
        }
        if (ours && theirs) {
            return Optional.of("--ours and --theirs exclude each other");
        }
        return Optional.empty();
    }

    private int push(PrintWriter out, PrintWriter err) throws IOException, PlaybookFormatException {
        Optional<String> usage = usageProblem();
        if (usage.isPresent()) {
            err.println("error: " + usage.get());
            return 2;
        }
        Path folder = library != null ? library : file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        JsonMapper mapper = WireJson.newMapper();
        PlaybookParser parser = new PlaybookParser();
        PlaybookLibrary lib = new PlaybookLibrary(folder, parser, mapper);
        Optional<SyncRecord> record = lib.syncRecord(name);
        String url;
        try {
            url = server != null ? ServerAddress.of(server).baseUrl().toString() : record.map(SyncRecord::serverUrl)
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            err.println("error: --server: " + e.getMessage());
            return 2;
        }
        if (record.isEmpty() && (url == null || team == null)) {
            err.println("error: " + name + " is not linked to a server playbook (no sync record in " + folder
                    + "). Create it once with --server URL --team TEAM_ID; later pushes update it.");
            return 1;
        }
        if (record.isPresent() && !PlaybookSync.sameServer(record.get().serverUrl(), url)) {
            // Refused before connecting: the token is for the other server and must not be sent there.
            err.println("error: " + name + " is linked to " + record.get().serverUrl() + ", not " + url
                    + ". Push it without --server, or pull from " + url + " into another file (playbook pull --as).");
            return 1;
        }
        try (MattermostConnection connection = login.open(url, ca.trust(), mapper)) {
            PlaybookSync sync = new PlaybookSync(lib, new ConnectionPlaybookRemote(connection), url, parser);
            if (record.isEmpty()) {
                String id = sync.create(name, team);
                out.println("created playbook " + id + " on " + url + " from " + name + "; it is linked now, so the "
                        + "next push updates it");
                return 0;
            }
            PushPlan plan = sync.push(name, force);
            return switch (plan) {
                case PushPlan.Push push -> report(out, "pushed " + name + " to " + url);
                case PushPlan.NothingToPush nothing -> report(out, "nothing to push: " + name
                        + " is what was pulled and the server has not changed");
                case PushPlan.TakeTheirs take -> report(out, "only the server changed: " + name
                        + " now holds the server version");
                case PushPlan.Merge m when merge -> mergeAndPush(out, err, sync, m, name, url);
                case PushPlan.Merge m -> refusedOrForced(out, err, m, name);
            };
        }
    }

    private int mergeAndPush(PrintWriter out, PrintWriter err, PlaybookSync sync, PushPlan.Merge plan, String name,
            String url) throws IOException, PlaybookFormatException {
        MergeResult result = ours ? plan.resolve(Resolution.all(Conflict.Side.MINE))
                : theirs ? plan.resolve(Resolution.all(Conflict.Side.THEIRS)) : plan.result();
        if (!result.isClean() && !ours && !theirs) {
            for (Conflict conflict : result.conflicts()) {
                err.println(file + ":" + conflict.path() + ": mine=" + shown(conflict.mine(), conflict, "local")
                        + " theirs=" + shown(conflict.theirs(), conflict, "server") + "  (" + conflict.location()
                        + ": " + conflict.description() + ")");
            }
            err.println("refused: " + result.conflicts().size() + " conflict(s) with the server's changes; nothing "
                    + "was written. Decide them all with --ours or --theirs, or one by one in the app.");
            return 1;
        }
        sync.acceptMerge(name, plan, result.merged());
        out.println("merged the server's changes into " + name + (result.isClean() ? ""
                : " (" + result.conflicts().size() + " conflict(s) decided with " + (ours ? "--ours" : "--theirs")
                        + ")"));
        PushPlan again = sync.push(name, false);
        return switch (again) {
            case PushPlan.Push push -> report(out, "pushed " + name + " to " + url);
            case PushPlan.NothingToPush nothing -> report(out, "nothing left to push: the merge equals the server "
                    + "version");
            case PushPlan.TakeTheirs take -> report(out, "the server changed again meanwhile: " + name
                    + " now holds the server version");
            case PushPlan.Merge m -> {
                err.println("refused: the playbook changed on the server again while merging; run push --merge "
                        + "again");
                yield 1;
            }
        };
    }

    /** A conflict value for one line: compact JSON, or what its absence means. */
    private static String shown(String value, Conflict conflict, String side) {
        if (value != null) {
            return value;
        }
        boolean order = conflict.base() == null && conflict.mine() == null && conflict.theirs() == null;
        return order ? "(" + side + " order)" : "(deleted)";
    }

    private int refusedOrForced(PrintWriter out, PrintWriter err, PushPlan.Merge plan, String name) {
        String serverChanges = new DiffRenderer().render(PlaybookDiff.between(plan.base(), plan.theirs()));
        if (force) {
            out.println("pushed " + name + " with --force, overwriting these server changes:");
            out.print(serverChanges);
            return 0;
        }
        err.println("refused: the playbook changed on the server since it was pulled. Server changes:");
        err.print(serverChanges);
        if (!plan.result().isClean()) {
            err.println(plan.result().conflicts().size() + " of them conflict with your edits.");
        }
        err.println("Push with --merge to fold them into " + name + " first, or with --force to overwrite them.");
        return 1;
    }

    private static int report(PrintWriter out, String line) {
        out.println(line);
        return 0;
    }
}
