package com.incidentconsole.sync;

import com.incidentconsole.client.ClientException;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.wire.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Signs in, and keeps trying while the server cannot be reached — at a steady pace at first, as
 * most outages are short (a VPN reconnecting, a server restarting), then backing off, always with
 * jitter; the next attempt's time is in the status so the user sees "retrying in 4 s". A server
 * that refuses the credentials (401/403) ends the loop: retrying the same credentials would only
 * fill the server's log, and the user must be told that the credentials, not the network, are the
 * problem. The user may ask for the next attempt at once ({@link #retryNow()}).
 */
final class SignInLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SignInLoop.class.getName());
    /** Attempts at the minimum delay before backing off, as the event stream (and the JS client) does. */
    static final int FLAT_ATTEMPTS = 7;
    /**
     * Between attempts while the address answers as something other than Mattermost, or with a certificate we
     * refuse: a wrong address or certificate does not fix itself in seconds, but an administrator may fix it
     * while the console waits (and the user can always restart with the right address or CA).
     */
    static final Duration SLOW_RETRY = Duration.ofMinutes(1);

    private final MattermostConnection connection;
    private final ConnectionStatusHolder status;
    private final Backoff backoff;
    private final Clock clock;
    private final Executor io;
    private final Consumer<User> signedIn;
    private final Consumer<SignInRefused> refused;
    private volatile boolean closed;
    private int failures;
    /** Which scheduled attempt counts: "retry now" starts a new round and the one waiting for its delay lapses. */
    private final AtomicInteger round = new AtomicInteger();
    /** An attempt is scheduled after a failure (not running, not finished). */
    private volatile boolean waiting;

    /**
     * @param signedIn told once, on the I/O thread, with the user the server confirmed
     * @param refused  told once if the server refuses the credentials; the loop stops
     */
    SignInLoop(MattermostConnection connection, ConnectionStatusHolder status, Backoff backoff, Clock clock,
               Executor io, Consumer<User> signedIn, Consumer<SignInRefused> refused) {
        this.connection = connection;
        this.status = status;
        this.backoff = backoff;
        this.clock = clock;
        this.io = io;
        this.signedIn = signedIn;
        this.refused = refused;
    }

    /** The first attempt starts at once, off the calling thread. */
    void start() {
        int mine = round.get();
        io.execute(() -> attempt(mine));
    }

    /** While waiting for the next attempt: make it now. Otherwise (signed in, refused, closed) nothing. */
    void retryNow() {
        if (closed || !waiting) {
            return;
        }
        int mine = round.incrementAndGet();
        io.execute(() -> attempt(mine));
    }

    private void attempt(int mine) {
        if (closed || mine != round.get()) {
            return;
        }
        waiting = false;
        User user;
        try {
            user = connection.signIn();
        } catch (ServerError e) {
            if (e.status() == 401 || e.status() == 403) {
                refuse(e);
            } else {
                retryLater(e);
            }
            return;
        } catch (ClientException e) {
            retryLater(e);
            return;
        }
        if (!closed) {
            signedIn.accept(user);
        }
    }

    private void refuse(ServerError e) {
        String why = e.serverMessage().isBlank() ? "no message" : e.serverMessage().strip();
        SignInRefused refusal = new SignInRefused(e.status(), "The server refused the sign-in (" + e.status() + "): "
                + why);
        LOG.warning(() -> refusal.getMessage() + " — not retrying with the same credentials");
        status.update(s -> s.moveTo(ConnectionState.SIGN_IN_REFUSED, Optional.empty(), refusal.getMessage()));
        refused.accept(refusal);
    }

    /** Unreachable, a 5xx or 429, or not a Mattermost answer: all may pass, so try again later. */
    private void retryLater(ClientException e) {
        Duration delay = backoff.delay(Math.max(1, ++failures - FLAT_ATTEMPTS));
        if (e instanceof ServerError error) {
            delay = error.retryAfter().filter(r -> r.compareTo(backoff.max()) <= 0).orElse(delay);
        }
        boolean notMattermost = e instanceof TransportError transport && transport.isNotMattermost();
        boolean needsTheUser = e instanceof TransportError transport && transport.retryCannotFix();
        if (needsTheUser && delay.compareTo(SLOW_RETRY) < 0) {
            delay = SLOW_RETRY;
        }
        Instant next = clock.instant().plus(delay);
        String why = e.getMessage();
        LOG.info(() -> "Sign-in failed, next attempt " + next + ": " + why);
        ConnectionState waitingAs = notMattermost ? ConnectionState.NOT_MATTERMOST : ConnectionState.RECONNECTING;
        status.update(s -> s.moveTo(waitingAs, Optional.of(next), why));
        int mine = round.get();
        waiting = true;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, io).execute(() -> attempt(mine));
    }

    @Override
    public void close() {
        closed = true;
    }
}
