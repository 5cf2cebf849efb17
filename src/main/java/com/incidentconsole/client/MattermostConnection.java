package com.incidentconsole.client;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.LoginRequest;
import com.incidentconsole.wire.User;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * A signed-in session with one Mattermost server: the entry point to every REST area and to the
 * event stream. Opening it proves the credentials work (login, or {@code users/me} for a token),
 * so a connection that exists is a connection that worked at least once.
 */
public final class MattermostConnection implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final ServerAddress address;
    private final JsonMapper mapper;
    private final OkHttpClient http;
    private final AuthHeaders auth;
    private final User me;
    private final UsersApi users;
    private final TeamsApi teams;
    private final ChannelsApi channels;
    private final PostsApi posts;
    private final RunsApi runs;
    private final ChecklistApi checklists;
    private final PlaybooksApi playbooks;
    private final ServerTrust trust;

    private MattermostConnection(ServerAddress address, JsonMapper mapper, OkHttpClient http, AuthHeaders auth,
                                 Rest rest, User me, ServerTrust trust) {
        this.trust = trust;
        this.address = address;
        this.mapper = mapper;
        this.http = http;
        this.auth = auth;
        this.me = me;
        this.users = new UsersApi(rest);
        this.teams = new TeamsApi(rest);
        this.channels = new ChannelsApi(rest);
        this.posts = new PostsApi(rest);
        this.runs = new RunsApi(rest);
        this.checklists = new ChecklistApi(rest);
        this.playbooks = new PlaybooksApi(rest);
    }

    /**
     * Signs in, blocking. A password is exchanged for a session token ({@code Token} response
     * header of {@code POST /users/login}); an access token is checked with {@code GET /users/me}.
     *
     * @throws ServerError 401 for bad credentials (AppError id tells which), or any other answer
     * @throws TransportError when the server cannot be reached or is not a Mattermost server
     */
    public static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper) {
        return open(address, credentials, mapper, ServerTrust.system());
    }

    /**
     * Signs in like {@link #open(ServerAddress, Credentials, JsonMapper)}, trusting {@code trust}'s certificate
     * authorities for REST and the event stream alike. A certificate that fails the checks ends in a
     * {@link TransportError} whose message says so in plain words and how to add a CA.
     */
    public static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper,
                                            ServerTrust trust) {
        AuthHeaders auth = new AuthHeaders();
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .addInterceptor(auth);
        trust.configure(builder);
        OkHttpClient http = builder.build();
        try {
            return open(address, credentials, mapper, http, auth, trust);
        } catch (TransportError e) {
            shutdown(http);
            String host = String.valueOf(address.baseUrl().getHost());
            throw TlsFailure.explain(e, host).map(words -> new TransportError(words, e)).orElse(e);
        } catch (RuntimeException e) {
            shutdown(http);
            throw e;
        }
    }

    static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper,
                                     OkHttpClient http, AuthHeaders auth) {
        return open(address, credentials, mapper, http, auth, ServerTrust.system());
    }

    private static MattermostConnection open(ServerAddress address, Credentials credentials, JsonMapper mapper,
                                             OkHttpClient http, AuthHeaders auth, ServerTrust trust) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(mapper, "mapper");
        Rest rest = new Rest(http, address, mapper);
        User me = switch (credentials) {
            case Credentials.AccessToken token -> {
                auth.token(token.token());
                yield new UsersApi(rest).me();
            }
            case Credentials.Password password -> login(rest, auth, password);
        };
        return new MattermostConnection(address, mapper, http, auth, rest, me, trust);
    }

    private static User login(Rest rest, AuthHeaders auth, Credentials.Password password) {
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

    /** The signed-in user as of opening. */
    public User me() {
        return me;
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

    /** A stream of this server's events with the JS client's timings; created, not started. */
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
        return "MattermostConnection[" + address.baseUrl() + ", user=" + me.username() + "]";
    }
}
