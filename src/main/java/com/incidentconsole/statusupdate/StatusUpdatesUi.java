package com.incidentconsole.statusupdate;

import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.runs.RunFormat;
import com.incidentconsole.sync.Workspace;
import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the status-updates feature needs from the app, built once per window: the server to read posts from, the
 * drafts on disk, and its two threads (one that waits on the network, one for the drafts' disk writes), stopped by
 * {@link #close()}.
 */
public final class StatusUpdatesUi implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatusUpdatesUi.class.getName());

    private final StatusServer server;
    private final ExecutorService network = daemon("status-updates");
    private final ExecutorService disk = daemon("status-drafts");
    private final DraftBox drafts;

    private StatusUpdatesUi(StatusServer server, Optional<Drafts> drafts) {
        this.server = server;
        this.drafts = drafts.map(d -> DraftBox.of(d, disk, e -> LOG.log(Level.WARNING,
                "A status update draft could not be saved; the text is still in the editor", e)))
                .orElseGet(DraftBox::inMemory);
    }

    /** No server to read posts from and drafts in memory: for views and tests that do not use the feature. */
    public static StatusUpdatesUi offline() {
        return new StatusUpdatesUi(StatusServer.none(), Optional.empty());
    }

    /**
     * @param connection the app's connection, asked at each load (it may come and go)
     * @param drafts the local store's drafts of this server
     */
    public static StatusUpdatesUi over(Supplier<Optional<MattermostConnection>> connection, Optional<Drafts> drafts) {
        return new StatusUpdatesUi(new StatusServer() {
            @Override
            public List<StatusPostComplete> statusUpdates(String runId) {
                return connection.get().orElseThrow(StatusServer.Offline::new).runs().statusUpdates(runId);
            }

            @Override
            public String channelName(String channelId) {
                return connection.get().orElseThrow(StatusServer.Offline::new).channels().get(channelId).displayName();
            }
        }, drafts);
    }

    /** The view-model for one workspace. */
    public StatusUpdatesViewModel viewModel(Workspace workspace, RunFormat format, Executor fx, Supplier<Instant> clock) {
        return new StatusUpdatesViewModel(workspace.runs(), workspace.pending(), workspace.commands(), format, server,
                drafts, network, fx, clock, () -> workspace.me().username());
    }

    @Override
    public void close() {
        network.shutdownNow();
        // Draft writes already queued finish: they are the user's text.
        disk.shutdown();
    }

    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
