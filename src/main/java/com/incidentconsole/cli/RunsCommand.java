package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code runs list}: the runs the user can see, for scripts ({@code --json}) and people (aligned columns). */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the server's runs you can see.")
public final class RunsCommand extends ServerCommandGroup {

    private static final int NAME_WIDTH = 48;

    public RunsCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    RunsCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        super(environment, vaults);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"One line per run: name, status, owner, id (oldest first), or with --json the server's "
                    + "run objects as one JSON array.", "Exit 0 done, 1 refused by the server, 2 bad arguments."})
    int list(@Option(names = "--team", paramLabel = "ID", description = "Only this team's runs.") String team,
             @Option(names = "--status", paramLabel = "InProgress|Finished",
                     description = "Only runs in this status.") String status,
             @Option(names = "--mine", description = "Only runs you own.") boolean mine,
             @Option(names = "--json", description = "Print the server's JSON: an array of runs.") boolean json,
             @Mixin ServerOptions server) {
        String wanted = status == null ? null : canonicalStatus(status);
        if (status != null && wanted == null) {
            return usage("--status must be InProgress or Finished, not '" + status + "'");
        }
        return withServer(server, (connection, mapper, out, err) -> {
            RunQuery query = RunQuery.all();
            query = team != null ? query.team(team) : query;
            query = wanted != null ? query.statuses(wanted) : query;
            query = mine ? query.owner("me") : query;
            List<ObjectNode> runs = connection.runs().listAllDocuments(query);
            if (json) {
                ArrayNode array = mapper.createArrayNode();
                runs.forEach(array::add);
                printJson(out, mapper, array);
                return CommandIo.OK;
            }
            Set<String> owners = new LinkedHashSet<>();
            runs.forEach(r -> owners.add(r.path("owner_user_id").asText("")));
            owners.remove("");
            Map<String, String> names = connection.users().byIds(owners).stream()
                    .collect(Collectors.toMap(User::id, User::username, (a, b) -> a));
            print(out, runs, names);
            return CommandIo.OK;
        });
    }

    private static String canonicalStatus(String given) {
        for (String s : List.of(PlaybookRun.STATUS_IN_PROGRESS, PlaybookRun.STATUS_FINISHED)) {
            if (s.equalsIgnoreCase(given.strip())) {
                return s;
            }
        }
        return null;
    }

    private static void print(PrintWriter out, List<ObjectNode> runs, Map<String, String> usernames) {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode run : runs) {
            String owner = run.path("owner_user_id").asText("");
            rows.add(new String[] {clip(oneLine(run.path("name").asText(""))),
                oneLine(run.path("current_status").asText("")),
                usernames.containsKey(owner) ? "@" + oneLine(usernames.get(owner)) : owner,
                run.path("id").asText("")});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()) + 2));
            }
            out.println(line.append(row[3]));
        }
        if (rows.isEmpty()) {
            out.println("no runs");
        }
    }

    private static String clip(String name) {
        if (name.codePointCount(0, name.length()) <= NAME_WIDTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, NAME_WIDTH - 1)) + "…";
    }
}
