package com.incidentconsole.client;

import java.io.IOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Holds back every request until the connection has signed in, except the two that sign in.
 *
 * <p>A connection may now exist before the server was ever reached (offline start). Without this
 * gate, an action replayed from the outbox could go out with no token at all — a password sign-in
 * has none until it succeeds — and the server's 401 would fail it for good. Refused here, it
 * surfaces as a {@link TransportError}, which every caller already treats as "not reachable yet,
 * try again later". The same holds after the server ended the session ({@link #close()}): what waits is
 * kept, not sent with a token the server refused, until the user signs in again.
 */
final class SessionGate implements Interceptor {

    /** The sign-in itself: password login, and the token proof (after any sub-path the server lives under). */
    private static final List<String> SIGN_IN_PATHS = List.of(Rest.V4 + "/users/login", Rest.V4 + "/users/me");

    private volatile boolean open;

    void open() {
        open = true;
    }

    /**
     * The server ended the session (a 401 on a signed-in connection): hold every request back again until the
     * user signs in anew, so nothing keeps sending a token the server has already refused.
     */
    void close() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        if (!open && SIGN_IN_PATHS.stream().noneMatch(path::endsWith)) {
            throw new NotSignedIn();
        }
        return chain.proceed(chain.request());
    }

    /** Thrown inside OkHttp's chain, where only an {@link IOException} travels cleanly to the caller. */
    static final class NotSignedIn extends IOException {
        NotSignedIn() {
            super("not signed in yet");
        }
    }
}
