package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.entry.DurationText;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code status post|list|request}: a run's status updates from a terminal or a script. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Post, list or request a run's status "
        + "updates. Exit 0 done, 1 refused by the server (its message on stderr), 2 bad arguments.")
public final class StatusCommand extends ServerCommandGroup {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** Exactly one source of the message. */
    static final class Message {
        @Option(names = "--message", required = true, paramLabel = "TEXT", description = "The update's text.")
        String text;

        @Option(names = "--message-file", required = true, paramLabel = "FILE",
                description = "Read the update's text (UTF-8, Markdown) from FILE.")
        Path file;
    }

    public StatusCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    StatusCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        super(environment, vaults);
    }

    @Command(name = "post", mixinStandardHelpOptions = true,
            description = {"Post a status update; prints the new post's id.",
                "--broadcast/--no-broadcast switch the run's own 'broadcast updates' setting first (the server has "
                        + "no per-update switch), so later updates broadcast the same way.",
                "Sent once: if the answer is lost, check with 'status list RUN_ID' before posting again."})
    int post(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @ArgGroup(exclusive = true, multiplicity = "1") Message message,
             @Option(names = "--reminder", paramLabel = "DURATION", description = "Next update due in, e.g. 30m, "
                     + "1h, 1h30m, 90s (default: the run's current reminder).") String reminder,
             @Option(names = "--broadcast", negatable = true, description = "Also post to the run's broadcast "
                     + "channels (or not); default: as the run is set.") Boolean broadcast,
             @Option(names = "--finish", description = "Finish the run with this update.") boolean finish,
             @Mixin ServerOptions server) {
        return checked(() -> postChecked(runId, message, reminder, broadcast, finish, server));
    }

    private int postChecked(String runId, Message message, String reminder, Boolean broadcast, boolean finish,
                            ServerOptions server) {
        String text = message.text != null ? message.text : OptionFile.read("--message-file", message.file);
        if (text.isBlank()) {
            return usage("the message is empty: the server posts no empty update");
        }
        Duration every = null;
        if (reminder != null) {
            every = DurationText.parse(reminder);
            if (every.isZero() && !finish) {
                return usage("--reminder must be more than 0 (the server refuses 0 unless the run finishes)");
            }
        }
        Duration given = every;
        return withServer(server, (connection, mapper, out, err) -> {
            PlaybookRun run = connection.runs().get(runId);
            long seconds = finish ? 0 : given != null ? given.getSeconds() : currentReminderSeconds(run);
            if (seconds <= 0 && !finish) {
                throw new IllegalArgumentException("the run has no reminder to keep: give --reminder DURATION");
            }
            if (broadcast != null && broadcast != run.statusUpdateBroadcastChannelsEnabled()) {
                connection.runs().setStatusBroadcast(runId, broadcast);
            }
            Set<String> before = run.statusPosts().stream().map(StatusPost::id).collect(Collectors.toSet());
            String check = "check with 'incident-console status list " + runId + "'";
            AtMostOnce.run("the status update", "posted", check,
                    () -> connection.runs().postStatusUpdate(runId, text, seconds, finish));
            Optional<StatusPost> posted = connection.runs().get(runId).statusPosts().stream()
                    .filter(p -> !before.contains(p.id())).max(Comparator.comparingLong(StatusPost::createAt));
            if (posted.isEmpty()) {
                err.println("posted, but the run lists no new status post yet: " + check);
                return CommandIo.OK;
            }
            out.println(posted.get().id());
            return CommandIo.OK;
        });
    }

    /** The interval the run reminds at now (a Go duration in ns), else its playbook's default. */
    private static long currentReminderSeconds(PlaybookRun run) {
        long previous = run.previousReminder() / 1_000_000_000L;
        return previous > 0 ? previous : run.reminderTimerDefaultSeconds();
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The run's status updates, newest first, or with --json the server's JSON.")
    int list(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @Option(names = "--json", description = "Print the server's JSON (an array).") boolean json,
             @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            JsonNode updates = connection.runs().statusUpdatesDocument(runId);
            if (json) {
                printJson(out, mapper, updates.isNull() ? mapper.createArrayNode() : updates);
                return CommandIo.OK;
            }
            if (updates.isEmpty()) {
                out.println("no status updates");
            }
            for (JsonNode u : updates) {
                out.println(WHEN.format(Instant.ofEpochMilli(u.path("create_at").asLong()).atZone(clock.getZone()))
                        + "  @" + oneLine(u.path("author_user_name").asText("")) + "  " + u.path("id").asText(""));
                u.path("message").asText("").lines().forEach(line -> out.println("    " + oneLine(line)));
            }
            return CommandIo.OK;
        });
    }

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Ask the run's owner for a status update (posts a request in the run's channel).")
    int request(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
                @Mixin ServerOptions server) {
        return withServer(server, (connection, mapper, out, err) -> {
            AtMostOnce.run("the request", "posted", "look at the run's channel",
                    () -> connection.runs().requestUpdate(runId));
            out.println("requested a status update on " + runId);
            return CommandIo.OK;
        });
    }
}
