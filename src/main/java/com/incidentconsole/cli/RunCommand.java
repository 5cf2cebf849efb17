package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.User;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run show|start|finish|restore|check}: one run, as a script or a commander at a terminal drives it. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Show, start, finish, restore a run; "
        + "tick its checklist items. Exit 0 done, 1 refused by the server (its message on stderr), 2 bad arguments.")
public final class RunCommand extends ServerCommandGroup {

    private static final Pattern USER_ID = Pattern.compile("[a-z0-9]{26}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public RunCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    RunCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        super(environment, vaults);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A readable summary of the run, or with --json the server's run object.")
    int show(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @Option(names = "--json", description = "Print the server's JSON.") boolean json,
             @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            if (json) {
                printJson(out, mapper, connection.runs().getDocument(runId));
            } else {
                summary(out, connection, connection.runs().get(runId));
            }
            return CommandIo.OK;
        });
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start a run of a playbook; prints the new run's id.",
                "Sent once: if the answer is lost, check with 'runs list --mine' before starting it again."})
    int start(@Option(names = "--playbook", required = true, paramLabel = "ID", description = "The playbook.")
              String playbookId,
              @Option(names = "--name", required = true, paramLabel = "TEXT", description = "The run's name.")
              String name,
              @Option(names = "--owner", paramLabel = "USER", description = "Owner: a username or a user id "
                      + "(default: you).") String owner,
              @Option(names = "--summary", paramLabel = "TEXT", description = "The run's summary.") String summary,
              @Option(names = "--team", paramLabel = "ID", description = "The team (default: the playbook's).")
              String team,
              @Mixin ServerOptions server) {
        if (name.isBlank()) {
            return usage("--name must not be empty");
        }
        return withServer(server, (connection, mapper, out, err) -> {
            String ownerId = owner == null ? connection.me().id() : userId(connection, owner);
            String teamId = team != null ? team : connection.playbooks().get(playbookId).teamId();
            RunCreateOptions options = RunCreateOptions.fromPlaybook(playbookId, teamId, name.strip(), ownerId,
                    summary == null ? "" : summary);
            PlaybookRun run = AtMostOnce.call("the run '" + oneLine(name) + "'", "started",
                    "check with 'incident-console runs list --mine'", () -> connection.runs().create(options));
            out.println(run.id());
            return CommandIo.OK;
        });
    }

    @Command(name = "finish", mixinStandardHelpOptions = true, description = "Finish the run.")
    int finish(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
               @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            connection.runs().finish(runId);
            out.println("finished " + runId);
            return CommandIo.OK;
        });
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a finished run.")
    int restore(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
                @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            connection.runs().restore(runId);
            out.println("restored " + runId);
            return CommandIo.OK;
        });
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Set a checklist item's state. CHECKLIST and ITEM are zero-based indexes, as in the API "
                    + "(run show lists them).")
    int check(@Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.") String runId,
              @Parameters(index = "1", paramLabel = "CHECKLIST", description = "Checklist index (0 = first).")
              int checklist,
              @Parameters(index = "2", paramLabel = "ITEM", description = "Item index in the checklist.") int item,
              @Option(names = "--state", paramLabel = "closed|open|skipped", defaultValue = "closed",
                      description = "The new state (default: closed).") String state,
              @Mixin ServerOptions server) {
        String wire = switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "closed" -> ChecklistItem.CLOSED;
            case "open" -> ChecklistItem.OPEN;
            case "skipped" -> "skipped";
            default -> null;
        };
        if (wire == null) {
            return usage("--state must be closed, open or skipped, not '" + state + "'");
        }
        if (checklist < 0 || item < 0) {
            return usage("CHECKLIST and ITEM are indexes from 0");
        }
        return withServer(server, (connection, mapper, out, err) -> {
            connection.checklists().setItemState(runId, checklist, item, wire);
            out.println(state.strip().toLowerCase(Locale.ROOT) + " " + runId + " " + checklist + " " + item);
            return CommandIo.OK;
        });
    }

    /** A username (with or without @) or a user id; an unknown one is a bad argument, not a refusal. */
    private static String userId(MattermostConnection connection, String given) {
        String user = given.strip();
        user = user.startsWith("@") ? user.substring(1) : user;
        try {
            return connection.users().byUsername(user).id();
        } catch (ServerError e) {
            if (e.status() != 404 && e.status() != 400) {
                throw e;
            }
        }
        if (USER_ID.matcher(user).matches()) {
            try {
                return connection.users().get(user).id();
            } catch (ServerError e) {
                if (e.status() != 404 && e.status() != 400) {
                    throw e;
                }
            }
        }
        throw new IllegalArgumentException("--owner: no user '" + given + "' on the server (give a username or a "
                + "user id)");
    }

    private void summary(PrintWriter out, MattermostConnection connection, PlaybookRun run) {
        String owner = run.ownerUserId();
        List<User> found = connection.users().byIds(List.of(owner));
        String ownerText = found.isEmpty() ? owner : "@" + oneLine(found.get(0).username());
        out.println(oneLine(run.name()));
        out.println("  id       " + run.id());
        out.println("  status   " + run.currentStatus() + (run.endAt() > 0 ? " (ended " + when(run.endAt()) + ")" : ""));
        out.println("  owner    " + ownerText);
        out.println("  started  " + when(run.createAt()));
        out.println("  updated  " + (run.lastStatusUpdateAt() > 0 ? when(run.lastStatusUpdateAt()) : "no status update yet"));
        if (!run.summary().isBlank()) {
            out.println("  summary  " + oneLine(run.summary()));
        }
        out.println("  tasks    " + run.taskCompleted() + "/" + run.taskTotal() + " done");
        for (int c = 0; c < run.checklists().size(); c++) {
            Checklist checklist = run.checklists().get(c);
            out.println("  [" + c + "] " + oneLine(checklist.title()));
            for (int i = 0; i < checklist.items().size(); i++) {
                ChecklistItem item = checklist.items().get(i);
                out.println("      " + c + " " + i + "  " + mark(item.state()) + " " + oneLine(item.title()));
            }
        }
    }

    private static String mark(String state) {
        return switch (state) {
            case ChecklistItem.CLOSED -> "[x]";
            case "skipped" -> "[-]";
            case ChecklistItem.IN_PROGRESS -> "[~]";
            default -> "[ ]";
        };
    }

    private String when(long millis) {
        return WHEN.format(Instant.ofEpochMilli(millis).atZone(clock.getZone()));
    }
}
