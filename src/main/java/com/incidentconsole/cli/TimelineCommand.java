package com.incidentconsole.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.ClientException;
import com.incidentconsole.credentials.CredentialVault;
import com.incidentconsole.entry.EventTime;
import com.incidentconsole.entry.ManualTimelineEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code timeline add}: a manual event on a run's timeline. The real server adds events only from posts (the
 * "add to timeline" dialog, api/playbook_runs.go: addToTimelineDialog), so this posts the text to the run's
 * channel and adds that post, as a user of the web app would.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "Add to a run's timeline. Exit 0 done, "
        + "1 refused by the server (its message on stderr), 2 bad arguments.")
public final class TimelineCommand extends ServerCommandGroup {

    public TimelineCommand() {
        this(System::getenv, ServerLogin.userVault());
    }

    TimelineCommand(UnaryOperator<String> environment, Function<JsonMapper, CredentialVault> vaults) {
        super(environment, vaults);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an event; prints its id. The server makes timeline events only from posts, so the "
                    + "details (or the summary) are posted to the run's channel and that post is added.",
                "--at: HH:mm (today, local time) or ISO-8601. The server keeps a post's time only for a system "
                        + "admin; otherwise the event is dated now, and a warning says so.",
                "Sent once: if the answer is lost, check with 'run show RUN_ID --json' before adding it again."})
    int add(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
            @Option(names = "--summary", required = true, paramLabel = "TEXT", description = "The event's title.")
            String summary,
            @Option(names = "--details", paramLabel = "TEXT", description = "More text (the post's message).")
            String details,
            @Option(names = "--at", paramLabel = "TIME", description = "When it happened (default: now).") String at,
            @Mixin ServerOptions server) {
        return checked(() -> {
            if (summary.isBlank()) {
                return usage("--summary must not be empty");
            }
            Optional<Instant> when = at == null ? Optional.empty() : Optional.of(EventTime.parse(at, clock));
            // The console's "add an event" follows the same rules (ManualTimelineEntry, sync.ManualTimelineEvent).
            ManualTimelineEntry entry = new ManualTimelineEntry(summary, details, when);
            return withServer(server, (connection, mapper, out, err) -> {
                PlaybookRun run = connection.runs().get(runId);
                String check = "check with 'incident-console run show " + runId + " --json'";
                Post post = AtMostOnce.call("the post for the event", "created", check,
                        () -> connection.posts().createAt(run.channelId(), entry.postMessage(),
                                entry.askedCreateAt()));
                try {
                    AtMostOnce.run("the event", "added", check, () -> connection.runs().addPostToTimeline(runId,
                            connection.me().id(), post.id(), entry.summary()));
                } catch (ClientException e) {
                    err.println("error: posted " + post.id() + " to the run's channel, but adding it to the timeline "
                            + "failed: " + e.getMessage());
                    return CommandIo.REFUSED;
                }
                Optional<TimelineEvent> event = connection.runs().get(runId).timelineEvents().stream()
                        .filter(e -> e.postId().equals(post.id())
                                && e.eventType().equals(TimelineEvent.EVENT_FROM_POST)).findFirst();
                if (event.isEmpty()) {
                    err.println("added, but the run lists no event for post " + post.id() + " yet: " + check);
                    return CommandIo.OK;
                }
                if (!entry.datedAsAsked(event.get().eventAt())) {
                    err.println("warning: the server dated the event " + Instant.ofEpochMilli(event.get().eventAt())
                            + ", not " + entry.at().orElseThrow() + ": only a system admin's post keeps the time it asks for.");
                }
                out.println(event.get().id());
                return CommandIo.OK;
            });
        });
    }
}
