package com.incidentconsole.retro;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The run's record as Markdown to insert into the retrospective, worded like the exported report: the starred
 * timeline events (the stars are local, read on the disk thread), the status updates (their text needs the server,
 * fetched on the network thread), the people and the stage times (from the local copy).
 */
public final class RetroRecord {

    /** What of the run's record can be inserted, and what to say when there is none of it. */
    public enum Part {
        STARRED("No starred events: star them in the run's timeline (s on an event)."),
        STATUS_UPDATES("No status updates were posted in this run."),
        PEOPLE("Nothing to insert."),
        DURATIONS("Nothing to insert.");

        private final String nothing;

        Part(String nothing) {
            this.nothing = nothing;
        }
    }


    private final String runId;
    private final Workspace workspace;
    private final Optional<RetroStores> stores;
    private final Executor disk;
    private final Executor net;
    private final Executor fx;
    private final Consumer<String> error;
    private final Supplier<Optional<MattermostConnection>> connection;
    private final RunRecordMarkdown record;
    private final Supplier<Instant> clock;

    /** @param error shows why nothing was inserted (the editor's error line); FX thread */
    RetroRecord(String runId, Workspace workspace, Optional<RetroStores> stores, Executor disk, Executor net,
                Executor fx, Supplier<Optional<MattermostConnection>> connection, RunRecordMarkdown record,
                Supplier<Instant> clock, Consumer<String> error) {
        this.runId = runId;
        this.workspace = workspace;
        this.stores = stores;
        this.disk = disk;
        this.net = net;
        this.fx = fx;
        this.error = error;
        this.connection = connection;
        this.record = record;
        this.clock = clock;
    }

    /** The starred events (in time order) under a heading, or "" when none are starred. */
    CompletableFuture<String> starredEvents() {
        PlaybookRun run = workspace.runs().get(runId).orElse(null);
        if (run == null || stores.isEmpty()) {
            return CompletableFuture.completedFuture("");
        }
        return CompletableFuture.supplyAsync(() -> stores.get().stars().starred(runId), disk).thenApply(ids -> {
            List<TimelineEvent> starred = events(run, ids);
            return starred.isEmpty() ? "" : "#### Key events\n\n" + record.events(starred);
        });
    }

    static List<TimelineEvent> events(PlaybookRun run, Set<String> ids) {
        return run.timelineEvents().stream().filter(e -> e.deleteAt() == 0 && ids.contains(e.id())).toList();
    }

    /** The status updates' text needs the server (the run holds only their ids). */
    CompletableFuture<String> statusUpdates() {
        Optional<MattermostConnection> server = connection.get();
        if (server.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the status updates' text needs the server, which is not reachable now"));
        }
        return CompletableFuture.supplyAsync(() -> record.statusUpdates(server.get().runs().statusUpdates(runId)), net);
    }

    CompletableFuture<String> people() {
        return CompletableFuture.completedFuture(workspace.runs().get(runId).map(record::people).orElse(""));
    }

    CompletableFuture<String> durations() {
        return CompletableFuture.completedFuture(workspace.runs().get(runId)
                .map(run -> record.durations(run, clock.get())).orElse(""));
    }

    /**
     * Inserts a part of the record at the caret once it is ready ({@code atCaret} is the view's, on the FX thread);
     * says why instead when there is none of it or it cannot be had (offline).
     */
    public void insert(Part part, Consumer<String> atCaret) {
        CompletableFuture<String> markdown = switch (part) {
            case STARRED -> starredEvents();
            case STATUS_UPDATES -> statusUpdates();
            case PEOPLE -> people();
            case DURATIONS -> durations();
        };
        markdown.whenComplete((md, failure) -> fx.execute(() -> {
            if (failure != null) {
                error.accept("Not inserted: " + RetroEditorViewModel.rootMessage(failure));
            } else if (md.isEmpty()) {
                error.accept(part.nothing);
            } else {
                error.accept("");
                atCaret.accept(md);
            }
        }));
    }
}
