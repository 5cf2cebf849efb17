package com.incidentconsole.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.LoginRequest;
import com.incidentconsole.wire.User;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * A session with one Mattermost server: the entry point to every REST area and to the event stream.
 *
 * <p>Two ways in. {@link #open} signs in at once and fails when it cannot, for callers that have
 * nothing to do without the server (the command line). {@link #create} only prepares the session
 * and leaves {@link #signIn()} to the caller, so the desktop app can show its cached data while the
 * server is unreachable and keep trying. Until signed in, every other request is held back with a
 * {@link TransportError} (see {@link SessionGate}), never sent without credentials.
 */
public final class MattermostConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    /** Replaced when the user signs in again ({@link #resumeWith}): later sign-in retries use the new session. */
    private volatile Credentials credentials;
    private final JsonMapper mapper;
    private final OkHttpClient http;
    private final AuthHeaders auth;
    private final SessionGate gate;
    private final Rest rest;
    private volatile User me;
    private final UsersApi users;
    private final TeamsApi teams;
    private final ChannelsApi channels;
    private final PostsApi posts;
    private final RunsApi runs;
    private final ChecklistApi checklists;
    private final PlaybooksApi playbooks;
    private final ServerTrust trust;

    private MattermostConnection(ServerAddress address, Credentials credentials, JsonMapper mapper, OkHttpClient http,
                                 AuthHeaders auth, SessionGate gate, ServerTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.address = Objects.requireNonNull(address, "address");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.http = http;
        this.auth = auth;
        this.gate = gate;
        this.rest = new Rest(http, address, mapper);
        this.users = new UsersApi(rest);
        this.teams = new TeamsApi(rest);
        this.channels = new ChannelsApi(rest);
        this.posts = new PostsApi(rest);
        this.runs = new RunsApi(rest);
        this.checklists = new ChecklistApi(rest);
        this.playbooks = new PlaybooksApi(rest);
        if (credentials instanceof Credentials.AccessToken token) {
            auth.token(token.token());
        }
    }

    /**
     * Signs in, blocking: {@link #create} then {@link #signIn()}.
     *
     * @throws ServerError 401 for bad credentials (AppError id tells which), or any other answer
     * @throws TransportError when the server cannot be reached or is not a Mattermost server
     */
    public static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper) {
        return open(address, credentials, mapper, ServerTrust.system());
    }

    /**
     * As {@link #open(ServerAddress, Credentials, JsonMapper)}, trusting {@code trust}'s certificate authorities
     * for REST and the event stream alike.
     */
    public static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper,
                                            ServerTrust trust) {
        MattermostConnection connection = create(address, credentials, mapper, trust);
        try {
            connection.signIn();
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A session that has not talked to the server yet; no network here. Call {@link #signIn()} next. */
    public static MattermostConnection create(ServerAddress address, Credentials credentials, JsonMapper mapper) {
        return create(address, credentials, mapper, ServerTrust.system());
    }

    /** As {@link #create(ServerAddress, Credentials, JsonMapper)}, trusting {@code trust}'s certificate authorities. */
    public static MattermostConnection create(ServerAddress address, Credentials credentials, JsonMapper mapper,
                                              ServerTrust trust) {
        AuthHeaders auth = new AuthHeaders();
        SessionGate gate = new SessionGate();
        return new MattermostConnection(address, credentials, mapper, httpClient(auth, gate, trust), auth, gate, trust);
    }

    /** The one HTTP client of a connection: every cross-cutting concern is an interceptor added here. */
    private static OkHttpClient httpClient(AuthHeaders auth, SessionGate gate, ServerTrust trust) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .addInterceptor(gate)
                .addInterceptor(auth);
        trust.configure(builder);
        return builder.build();
    }

    /**
     * Proves the credentials, blocking: a password is exchanged for a session token ({@code Token}
     * response header of {@code POST /users/login}); an access token is checked with
     * {@code GET /users/me}. Safe to call again, e.g. to retry after the server was unreachable.
     *
     * @return the signed-in user
     * @throws ServerError 401 for bad credentials (AppError id tells which), or any other answer
     * @throws TransportError when the server cannot be reached or is not a Mattermost server; for a certificate
     *         that fails the checks, with a message that says so in plain words and how to add a CA
     */
    public synchronized User signIn() {
        User user;
        try {
            user = switch (credentials) {
                case Credentials.AccessToken token -> users.me();
                case Credentials.Password password -> login(password);
            };
        } catch (ServerError e) {
            // Mattermost answers an unknown or refused API call in JSON; a web page means another web server.
            if (e.isWebPage() && (e.status() == 404 || e.status() == 405)) {
                throw notMattermost(e.method() + " " + e.path() + " with a web page (" + e.status() + ")", e);
            }
            throw e;
        } catch (TransportError e) {
            if (e.getCause() instanceof JacksonException) {
                throw notMattermost("the sign-in with something other than Mattermost's JSON", e);
            }
            String host = String.valueOf(address.baseUrl().getHost());
            boolean permanent = TlsFailure.retryCannotFix(e, host);
            throw TlsFailure.explain(e, host).map(words -> permanent ? TransportError.retryCannotFix(words, e)
                    : new TransportError(words, e)).orElse(e);
        }
        me = user;
        gate.open();
        return user;
    }

    private TransportError notMattermost(String answered, ClientException cause) {
        return TransportError.notMattermost(address.baseUrl() + " does not look like a Mattermost server: it answered "
                + answered + ", not as Mattermost does", cause);
    }

    /** True once {@link #signIn()} succeeded; requests other than signing in are held back until then. */
    public boolean isSignedIn() {
        return gate.isOpen();
    }

    /**
     * The server said the session is no longer valid (a 401 after signing in: expired, revoked, logged out
     * elsewhere). Every request other than signing in is held back again, failing locally with a
     * {@link TransportError}, until {@link #resumeWith} or a successful {@link #signIn()}.
     */
    public void sessionEnded() {
        gate.close();
    }

    /**
     * Continues this connection with the session of {@code signedIn}, a connection to the same server the user
     * just signed in with: its token goes into this connection's headers (REST and new event streams alike)
     * and serves later sign-in retries, so everything built on this connection carries on as it was.
     * {@code signedIn} stays the caller's to close.
     *
     * @return the user of the new session
     * @throws IllegalArgumentException when {@code signedIn} is for another server or not signed in
     */
    public synchronized User resumeWith(MattermostConnection signedIn) {
        if (!signedIn.address().baseUrl().equals(address.baseUrl())) {
            throw new IllegalArgumentException("Signed in to " + signedIn.address().baseUrl() + ", not to "
                    + address.baseUrl());
        }
        User user = signedIn.me();
        String token = signedIn.token();
        credentials = new Credentials.AccessToken(token);
        auth.token(token);
        me = user;
        gate.open();
        return user;
    }

    private User login(Credentials.Password password) {
        String path = Rest.V4 + "/users/login";
        Rest.Answer answer = rest.exchange("POST", path, List.of(),
                LoginRequest.of(password.loginId(), password.password()));
        String token = answer.header("Token");
        if (token == null || token.isBlank()) {
            throw new TransportError("POST " + path + " succeeded without a Token header", null);
        }
        User user = rest.decode(answer.body(), rest.type(User.class), "POST", path);
        auth.token(token.strip());
        return user;
    }

    /**
     * The signed-in user as of the last {@link #signIn()}.
     *
     * @throws IllegalStateException before the first successful sign-in
     */
    public User me() {
        User user = me;
        if (user == null) {
            throw new IllegalStateException("not signed in to " + address.baseUrl() + " yet");
        }
        return user;
    }

    /** The session or access token, for the event stream. Never log it. */
    public String token() {
        return auth.token();
    }

    public ServerAddress address() {
        return address;
    }

    public UsersApi users() {
        return users;
    }

    public TeamsApi teams() {
        return teams;
    }

    public ChannelsApi channels() {
        return channels;
    }

    public PostsApi posts() {
        return posts;
    }

    public RunsApi runs() {
        return runs;
    }

    public ChecklistApi checklists() {
        return checklists;
    }

    public PlaybooksApi playbooks() {
        return playbooks;
    }

    /**
     * A stream of this server's events with the JS client's timings; created, not started. Create it
     * after {@link #signIn()}: a password session has no token before that.
     */
    public EventStream events(EventStream.Listener listener) {
        return events(listener, StreamSettings.defaults());
    }

    /** A stream with tuned timings (tests shrink them); created, not started. */
    public EventStream events(EventStream.Listener listener, StreamSettings settings) {
        return new EventStream(address.websocketUri(), auth.token(), mapper, listener, settings, trust);
    }

    /**
     * Ends this session on the server ({@code POST /api/v4/users/logout}), so a copy of its token is worthless.
     * For a personal access token the server ends only the session, not the token: revoke that in the web app.
     */
    public void logout() {
        users.logout();
    }

    /** Releases the HTTP threads and pooled sockets; streams created from this connection are closed separately. */
    @Override
    public void close() {
        shutdown(http);
    }

    private static void shutdown(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        User user = me;
        String who = user == null ? "(not signed in)" : user.username();
        return "MattermostConnection[" + address.baseUrl() + ", user=" + who + "]";
    }
}
