package com.incidentconsole.app;

import com.incidentconsole.sync.Workspace;
import java.util.concurrent.CompletableFuture;

/**
 * The non-UI half of the composition root: builds the one JSON mapper, the HTTP client, the
 * executors, starts the embedded sandbox when no server is configured, connects and syncs.
 * The JavaFX application asks it for a {@link Workspace} and shows the window meanwhile.
 */
public final class Bootstrap implements AutoCloseable {

    private final String[] args;

    public Bootstrap(String[] args) {
        this.args = args.clone();
    }

    /** Connects in the background; the future completes once the user is signed in (runs may still be loading). */
    public CompletableFuture<Workspace> start() {
        return CompletableFuture.failedFuture(new IllegalStateException("not wired yet: " + args.length));
    }

    @Override
    public void close() {
        // Stops the event stream, executors and the sandbox; filled in with the sync engine.
    }
}
