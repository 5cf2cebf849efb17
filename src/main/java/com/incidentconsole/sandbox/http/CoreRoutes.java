package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.kernel.SandboxVersion;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.LoginRequest;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.PostList;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.UserAccessToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Mattermost core {@code /api/v4} routes a console needs (mattermost-core.md §2.6). */
public final class CoreRoutes {

    private static final String V4 = "/api/v4";
    /** {@code model.CurrentVersion}, the first part of every ETag. */
    private static final String ETAG_VERSION = SandboxVersion.CURRENT;

    private final SandboxState state;
    private final Poster poster;

    public CoreRoutes(SandboxState state, Poster poster) {
        this.state = state;
        this.poster = poster;
    }

    public void register(Router router) {
        router.add("POST", V4 + "/users/login", Router.Area.PUBLIC, this::login)
                .add("POST", V4 + "/users/logout", Router.Area.CORE, this::logout)
                .add("GET", V4 + "/users/me", Router.Area.CORE, c -> userWithEtag(c, c.userId()))
                .add("GET", V4 + "/users/autocomplete", Router.Area.CORE, this::autocomplete)
                .add("POST", V4 + "/users/ids", Router.Area.CORE, this::usersByIds)
                .add("GET", V4 + "/users/me/teams", Router.Area.CORE, c -> Reply.ok(locked(() ->
                        state.directory().teams().stream()
                                .filter(t -> state.directory().isTeamMember(t.id(), c.userId())).toList())))
                .add("GET", V4 + "/users/me/teams/{team_id}/channels", Router.Area.CORE, this::myChannels)
                .add("GET", V4 + "/users/{user_id}", Router.Area.CORE, c -> userWithEtag(c, me(c, "user_id")))
                .add("GET", V4 + "/users/username/{username}", Router.Area.CORE, c -> userWithEtag(c, locked(() ->
                        state.directory().userByLogin(c.param("username"))
                                .filter(u -> u.username().equalsIgnoreCase(c.param("username")))
                                .orElseThrow(() -> notFound("user")).id())))
                .add("POST", V4 + "/users/{user_id}/tokens", Router.Area.CORE, this::createToken)
                .add("GET", V4 + "/users", Router.Area.CORE, this::users)
                .add("GET", V4 + "/teams", Router.Area.CORE, c -> Reply.ok(locked(() -> state.directory().teams())))
                .add("GET", V4 + "/teams/{team_id}", Router.Area.CORE, c -> Reply.ok(locked(() ->
                        state.directory().team(c.param("team_id")).orElseThrow(() -> notFound("team")))))
                .add("GET", V4 + "/channels/{channel_id}", Router.Area.CORE, c -> Reply.ok(readableChannel(c)))
                .add("GET", V4 + "/channels/{channel_id}/members", Router.Area.CORE, c -> {
                    readableChannel(c);
                    return Reply.ok(locked(() -> state.directory().channelMembers(c.param("channel_id"))));
                })
                .add("GET", V4 + "/channels/{channel_id}/posts", Router.Area.CORE, this::posts)
                .add("POST", V4 + "/posts", Router.Area.CORE, this::createPost)
                .add("GET", V4 + "/system/ping", Router.Area.PUBLIC, c -> Reply.ok(ping()))
                .add("GET", V4 + "/config/client", Router.Area.PUBLIC, this::clientConfig)
                // Only plain GETs get here (upgrades are taken by the WebSocket handler): the upgrader's 400.
                .add("GET", V4 + "/websocket", Router.Area.PUBLIC, c -> {
                    throw new Rejection(400, "api.web_socket.connect.upgrade.app_error",
                            "Failed to upgrade websocket connection.");
                });
    }

    private Reply login(Call c) {
        LoginRequest body = c.body(LoginRequest.class);
        return state.locked(() -> {
            Directory d = state.directory();
            User user = d.userByLogin(body.loginId()).filter(u -> d.passwordMatches(u.id(), body.password()))
                    .orElseThrow(() -> new Rejection(401, "api.user.login.invalid_credentials_email_username",
                            "Enter a valid email or username and/or password."));
            String token = state.tokens().next();
            d.addToken(token, user.id());
            return Reply.ok(user).withHeader("Token", token);
        });
    }

    private Reply logout(Call c) {
        state.locked(() -> state.directory().endSession(c.token()));
        return Reply.ok(Map.of("status", "OK"));
    }

    private Reply createToken(Call c) {
        String userId = me(c, "user_id");
        if (!userId.equals(c.userId())) {
            throw new Rejection(403, "api.context.permissions.app_error",
                    "You do not have the appropriate permissions.");
        }
        JsonNode body = c.body(JsonNode.class);
        return state.locked(() -> {
            String token = state.tokens().next();
            state.directory().addAccessToken(token, userId);
            return Reply.ok(new UserAccessToken(state.ids().next(), token, userId,
                    body.path("description").asText(), true));
        });
    }

    private Reply users(Call c) {
        int page = c.query("page").isEmpty() ? 0 : Integer.parseInt(c.query("page"));
        int perPage = c.query("per_page").isEmpty() ? 60 : Math.min(200, Integer.parseInt(c.query("per_page")));
        String team = c.query("in_team");
        return Reply.ok(locked(() -> state.directory().users().stream()
                .filter(u -> team.isEmpty() || state.directory().isTeamMember(team, u.id()))
                .skip((long) page * perPage).limit(perPage).toList()));
    }

    private Reply usersByIds(Call c) {
        List<String> ids;
        try {
            ids = List.of(c.mapper().readValue(c.body(), String[].class));
        } catch (Exception e) {
            ids = List.of();
        }
        if (ids.isEmpty()) {
            throw Rejection.badRequest("Invalid or missing user_ids in request body.");
        }
        List<String> wanted = ids;
        return Reply.ok(locked(() -> wanted.stream().map(id -> state.directory().user(id))
                .flatMap(java.util.Optional::stream).toList()));
    }

    /** Mattermost answers {@code {"users":[...],"out_of_channel":[...]}}; without channel_id the second list is absent. */
    private Reply autocomplete(Call c) {
        String term = c.query("name").toLowerCase(Locale.ROOT);
        String team = c.query("team_id");
        List<User> found = locked(() -> state.directory().users().stream()
                .filter(u -> team.isEmpty() || state.directory().isTeamMember(team, u.id()))
                .filter(u -> u.username().startsWith(term) || u.firstName().toLowerCase(Locale.ROOT).startsWith(term)
                        || u.lastName().toLowerCase(Locale.ROOT).startsWith(term))
                .limit(100).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", found);
        if (!c.query("channel_id").isEmpty()) {
            body.put("out_of_channel", List.of());
        }
        return Reply.ok(body);
    }

    private Reply myChannels(Call c) {
        String teamId = c.param("team_id");
        return Reply.ok(locked(() -> state.directory().channels().stream()
                .filter(ch -> ch.teamId().equals(teamId) && state.directory().isChannelMember(ch.id(), c.userId()))
                .toList()));
    }

    /** Users carry an ETag; a matching If-None-Match gets 304 with no body (mattermost-core.md §2.5). */
    private Reply userWithEtag(Call c, String userId) {
        User user = user(userId);
        return withEtag(c, ETAG_VERSION + "." + user.id() + "." + user.updateAt() + ".true.true", user);
    }

    private static Reply withEtag(Call c, String etag, Object body) {
        if (etag.equals(c.ifNoneMatch())) {
            return Reply.empty(304).withHeader("ETag", etag);
        }
        return Reply.ok(body).withHeader("ETag", etag);
    }

    private Reply posts(Call c) {
        Channel channel = readableChannel(c);
        int page = c.query("page").isEmpty() ? 0 : Integer.parseInt(c.query("page"));
        int perPage = c.query("per_page").isEmpty() ? 60 : Integer.parseInt(c.query("per_page"));
        long since = c.query("since").isEmpty() ? 0 : Long.parseLong(c.query("since"));
        PostList list = locked(() -> {
            List<Post> all = new ArrayList<>(state.directory().posts(c.param("channel_id")));
            java.util.Collections.reverse(all);
            List<Post> selected = since > 0 ? all.stream().filter(p -> p.updateAt() >= since).toList()
                    : all.stream().skip((long) page * perPage).limit(perPage).toList();
            Map<String, Post> byId = new LinkedHashMap<>();
            selected.forEach(p -> byId.put(p.id(), p));
            return new PostList(selected.stream().map(Post::id).toList(), byId, "", "", false);
        });
        // The posts ETag covers page/before/after reads, not "since" ones, as on the real server.
        return since > 0 ? Reply.ok(list)
                : withEtag(c, ETAG_VERSION + "." + channel.id() + "." + channel.lastPostAt() + ".false", list);
    }

    private Reply createPost(Call c) {
        ObjectNode body = c.body(ObjectNode.class);
        String channelId = body.path("channel_id").asText();
        String rootId = body.path("root_id").asText();
        return state.locked(() -> {
            if (!state.directory().isChannelMember(channelId, c.userId())) {
                throw new Rejection(403, "api.context.permissions.app_error",
                        "You do not have the appropriate permissions.");
            }
            // App.CreatePost: a reply's root must be a live root post of the same channel.
            if (!rootId.isEmpty() && state.directory().post(rootId)
                    .filter(r -> r.deleteAt() == 0 && r.rootId().isEmpty() && r.channelId().equals(channelId)).isEmpty()) {
                throw new Rejection(400, "api.post.create_post.root_id.app_error", "Invalid RootId parameter.");
            }
            // api4/post.go createPost: only a system admin's create_at is kept; anyone else's post is dated now.
            long asked = body.path("create_at").asLong(0);
            boolean admin = state.directory().user(c.userId()).map(u -> u.roles().contains("system_admin")).orElse(false);
            Post post = poster.post(channelId, c.userId(), body.path("message").asText(), "",
                    body.get("props"), body.path("pending_post_id").asText(), asked != 0 && admin ? asked : state.now(),
                    rootId);
            return Reply.json(201, post);
        });
    }

    /**
     * {@code system.go getSystemPing}: public; the client-requirement versions are empty by default and
     * the database is the search backend. Go marshals the map with sorted keys.
     */
    private static Map<String, Object> ping() {
        Map<String, Object> body = new java.util.TreeMap<>();
        body.put("ActiveSearchBackend", "database");
        body.put("AndroidLatestVersion", "");
        body.put("AndroidMinVersion", "");
        body.put("IosLatestVersion", "");
        body.put("IosMinVersion", "");
        body.put("status", "OK");
        return body;
    }

    /**
     * {@code config.go getClientConfig}: no format is 501, another than {@code old} 400; signed out the
     * limited config, signed in the full one. The sandbox serves the keys a client reads to identify the
     * server and sign in, not the real ~200 (docs/sandbox.md).
     */
    private Reply clientConfig(Call c) {
        String format = c.query("format");
        if (format.isEmpty()) {
            throw new Rejection(501, "api.config.client.old_format.app_error",
                    "New format for the client configuration is not supported yet. Please specify format=old in the query string.");
        }
        if (!"old".equals(format)) {
            throw CoreErrors.invalidBodyParam("format");
        }
        Map<String, String> config = new java.util.TreeMap<>();
        config.put("BuildEnterpriseReady", "true");
        config.put("BuildNumber", SandboxVersion.CURRENT);
        config.put("DiagnosticsEnabled", "false");
        config.put("EnableSignInWithEmail", "true");
        config.put("EnableSignInWithUsername", "true");
        config.put("SiteName", "Incident Console sandbox");
        config.put("Version", SandboxVersion.CURRENT);
        if (!c.userId().isEmpty()) {
            config.put("EnableUserAccessTokens", "true");
            config.put("ExperimentalEnablePostMetadata", "true");
            config.put("PluginsEnabled", "true");
        }
        return Reply.ok(config);
    }

    private Channel readableChannel(Call c) {
        return state.locked(() -> {
            Channel ch = state.directory().channel(c.param("channel_id")).orElseThrow(() -> notFound("channel"));
            boolean readable = state.directory().isChannelMember(ch.id(), c.userId())
                    || ("O".equals(ch.type()) && state.directory().isTeamMember(ch.teamId(), c.userId()));
            if (!readable) {
                throw new Rejection(403, "api.context.permissions.app_error",
                        "You do not have the appropriate permissions.");
            }
            return ch;
        });
    }

    private User user(String id) {
        return locked(() -> state.directory().user(id).orElseThrow(() -> notFound("user")));
    }

    private static String me(Call c, String param) {
        String id = c.param(param);
        return "me".equals(id) ? c.userId() : id;
    }

    private <T> T locked(java.util.function.Supplier<T> s) {
        return state.locked(s);
    }

    /** Store not-found errors as the app layer wraps them: {@code App.GetUser}, {@code Server.getChannel}. */
    private static Rejection notFound(String what) {
        return switch (what) {
            case "user" -> CoreErrors.userNotFound();
            case "channel" -> CoreErrors.channelNotFound();
            default -> new Rejection(404, "app." + what + ".missing.app_error", "Unable to find the " + what + ".");
        };
    }
}
