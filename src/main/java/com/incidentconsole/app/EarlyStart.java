package com.incidentconsole.app;

import com.incidentconsole.credentials.CredentialPrompt;
import com.incidentconsole.sync.ConnectionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The {@link Bootstrap} begun in {@code Application.init()}, on the launcher thread, before the window exists
 * (issue 18, docs/adr/0035): the store opens and the cache is read while the FX thread builds and draws the first
 * frame, instead of after it. The window attaches itself later with {@link #attach}: its sign-in prompt (asked
 * only once it is there) and its status listener (which hears the latest status of each session that spoke before).
 */
final class EarlyStart {

    private final CompletableFuture<CredentialPrompt> prompt = new CompletableFuture<>();
    private final Bootstrap bootstrap;
    private final CompletableFuture<ServerSessions> sessions;
    /** What each session said before the window listened: only the latest counts. Guarded by this. */
    private final Map<ServerSession, ConnectionStatus> heard = new LinkedHashMap<>();
    /** Guarded by this; null until {@link #attach}. */
    private BiConsumer<ServerSession, ConnectionStatus> listener;

    private EarlyStart(AppOptions options) {
        // A prompt that waits for the window's: a start without a stored sign-in asks once the window can.
        bootstrap = new Bootstrap(options, (request, attempt) -> prompt.thenCompose(p -> p.signIn(request, attempt)));
        sessions = bootstrap.start(this::heard);
    }

    /** Opens the store and starts every session on the bootstrap's own threads; returns at once. */
    static EarlyStart begin(AppOptions options) {
        return new EarlyStart(options);
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    /**
     * The window is there: sign-ins are asked with {@code signIn}, statuses go to {@code whileWaiting} (first the
     * latest of each session that spoke already; it must not block, it is called under this object's lock so that
     * no newer status overtakes a replayed one). FX thread, once.
     *
     * @return {@link Bootstrap#start}'s answer
     */
    CompletableFuture<ServerSessions> attach(CredentialPrompt signIn,
            BiConsumer<ServerSession, ConnectionStatus> whileWaiting) {
        synchronized (this) {
            listener = whileWaiting;
            heard.forEach(whileWaiting);
            heard.clear();
        }
        prompt.complete(signIn);
        return sessions;
    }

    private synchronized void heard(ServerSession session, ConnectionStatus status) {
        if (listener == null) {
            heard.put(session, status);
        } else {
            listener.accept(session, status);
        }
    }
}
