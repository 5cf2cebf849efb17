package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every core route: its real success status and the AppError status (and id) for an unknown id, a
 * caller without permission and a malformed body, as the api4 handler named in real-handlers.txt
 * answers them.
 */
@BesideOtherTests
class CoreRouteStatusTest {

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    static final String UNKNOWN = "zzzzzzzzzzzzzzzzzzzzzzzzzz";
    static Api alex;
    static Api teammate;
    static Api outsider;
    static String alexId;
    static String teammateId;
    static String privateChannel;
    static String openChannel;
    static String teamId;

    @BeforeAll
    static void findPeople() {
        SandboxControl control = SANDBOX.control();
        alexId = control.defaultUser().id();
        alex = new Api(SANDBOX.baseUrl(), control.credentials().token());
        for (PlaybookRun run : control.runs()) {
            if (!run.participantIds().contains(alexId)) {
                continue;
            }
            JsonNode channel = alex.getJson("/api/v4/channels/" + run.channelId());
            Set<String> members = members(run.channelId());
            if (!members.contains(alexId)) {
                continue;
            }
            User other = control.users().stream()
                    .filter(u -> control.isTeamMember(run.teamId(), u.id()) && !members.contains(u.id())
                            && !u.roles().contains("system_admin") && !u.username().contains("bot"))
                    .findFirst().orElse(null);
            if (other == null) {
                continue;
            }
            if ("P".equals(channel.path("type").asText()) && privateChannel == null) {
                privateChannel = run.channelId();
                teamId = run.teamId();
                teammateId = other.id();
                teammate = new Api(SANDBOX.baseUrl(), control.tokenFor(other.username()));
            } else if ("O".equals(channel.path("type").asText()) && openChannel == null) {
                openChannel = run.channelId();
            }
        }
        assertTrue(privateChannel != null && openChannel != null, "seed has a private and an open run channel");
        User out = control.users().stream().filter(u -> !control.isTeamMember(teamId, u.id())).findFirst().orElseThrow();
        outsider = new Api(SANDBOX.baseUrl(), control.tokenFor(out.username()));
    }

    static Set<String> members(String channelId) {
        Set<String> ids = new HashSet<>();
        alex.getJson("/api/v4/channels/" + channelId + "/members").forEach(m -> ids.add(m.path("user_id").asText()));
        return ids;
    }

    static void expect(int status, String errorId, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        if (errorId != null) {
            JsonNode body = Api.tree(r.body());
            assertEquals(errorId, body.path("id").asText(), r.body());
            assertEquals(status, body.path("status_code").asInt());
        }
    }

    String newPost(Api as, String channelId, String rootId) {
        HttpResponse<String> r = as.send("POST", "/api/v4/posts", "{\"channel_id\":\"" + channelId
                + "\",\"message\":\"hello\",\"root_id\":\"" + rootId + "\"}");
        expect(201, null, r);
        return Api.tree(r.body()).path("id").asText();
    }

    @Test
    void usersTeamsAndChannels() {
        expect(200, null, alex.get("/api/v4/users/me"));
        expect(401, "api.context.session_expired.app_error", new Api(SANDBOX.baseUrl(), null).get("/api/v4/users/me"));
        expect(200, null, alex.get("/api/v4/users/" + teammateId));
        expect(404, "app.user.missing_account.const", alex.get("/api/v4/users/" + UNKNOWN));
        expect(200, null, alex.get("/api/v4/users/username/" + SANDBOX.control().defaultUser().username()));
        expect(404, null, alex.get("/api/v4/users/username/nobody.here"));
        expect(200, null, alex.send("POST", "/api/v4/users/ids", "[\"" + alexId + "\"]"));
        expect(400, "api.context.invalid_body_param.app_error", alex.send("POST", "/api/v4/users/ids", "{nope"));
        expect(200, null, alex.get("/api/v4/users?page=0&per_page=5"));
        expect(200, null, alex.get("/api/v4/users/autocomplete?name=a"));
        expect(200, null, alex.get("/api/v4/users/me/teams"));
        expect(200, null, alex.get("/api/v4/users/me/teams/" + teamId + "/channels"));
        expect(200, null, alex.get("/api/v4/teams"));
        expect(200, null, alex.get("/api/v4/teams/" + teamId));
        expect(404, null, alex.get("/api/v4/teams/" + UNKNOWN));
        expect(200, null, alex.get("/api/v4/channels/" + privateChannel));
        expect(404, "app.channel.get.existing.app_error", alex.get("/api/v4/channels/" + UNKNOWN));
        expect(403, "api.context.permissions.app_error", teammate.get("/api/v4/channels/" + privateChannel));
        expect(403, "api.context.permissions.app_error", outsider.get("/api/v4/channels/" + openChannel));
        expect(200, null, alex.get("/api/v4/channels/" + privateChannel + "/members"));
        expect(403, "api.context.permissions.app_error", teammate.get("/api/v4/channels/" + privateChannel + "/members"));
        expect(200, null, alex.get("/api/v4/channels/" + privateChannel + "/posts"));
        expect(404, "app.channel.get.existing.app_error", alex.get("/api/v4/channels/" + UNKNOWN + "/posts"));
        expect(403, "api.context.permissions.app_error", teammate.get("/api/v4/channels/" + privateChannel + "/posts"));
        expect(403, "api.context.permissions.app_error",
                alex.send("POST", "/api/v4/users/" + teammateId + "/tokens", "{\"description\":\"x\"}"));
        expect(200, null, alex.send("POST", "/api/v4/users/me/tokens", "{\"description\":\"x\"}"));
        expect(401, "api.user.login.invalid_credentials_email_username", new Api(SANDBOX.baseUrl(), null)
                .send("POST", "/api/v4/users/login", "{\"login_id\":\"nobody\",\"password\":\"x\"}"));
        expect(400, null, new Api(SANDBOX.baseUrl(), null).send("POST", "/api/v4/users/login", "{nope"));
        expect(400, "api.web_socket.connect.upgrade.app_error", alex.get("/api/v4/websocket"));
    }

    @Test
    void createAndReadPosts() {
        String root = newPost(alex, privateChannel, "");
        expect(403, "api.context.permissions.app_error", teammate.send("POST", "/api/v4/posts",
                "{\"channel_id\":\"" + privateChannel + "\",\"message\":\"x\"}"));
        expect(400, "api.context.invalid_body_param.app_error", alex.send("POST", "/api/v4/posts", "{nope"));
        expect(400, "api.post.create_post.root_id.app_error", alex.send("POST", "/api/v4/posts",
                "{\"channel_id\":\"" + privateChannel + "\",\"message\":\"x\",\"root_id\":\"" + UNKNOWN + "\"}"));

        HttpResponse<String> got = alex.get("/api/v4/posts/" + root);
        expect(200, null, got);
        assertEquals(root, Api.tree(got.body()).path("id").asText());
        String etag = got.headers().firstValue("ETag").orElseThrow();
        expect(404, "app.post.get.app_error", alex.get("/api/v4/posts/" + UNKNOWN));
        expect(400, "api.context.invalid_url_param.app_error", alex.get("/api/v4/posts/short"));
        expect(403, "api.context.permissions.app_error", teammate.get("/api/v4/posts/" + root));
        assertFalse(etag.isBlank());

        String reply = newPost(alex, privateChannel, root);
        HttpResponse<String> thread = alex.get("/api/v4/posts/" + reply + "/thread");
        expect(200, null, thread);
        JsonNode list = Api.tree(thread.body());
        assertEquals(2, list.path("order").size(), "root and reply, asked for from the reply");
        assertEquals(reply, list.path("order").get(0).asText(), "newest first");
        expect(404, "app.post.get.app_error", alex.get("/api/v4/posts/" + UNKNOWN + "/thread"));
        expect(403, "api.context.permissions.app_error", teammate.get("/api/v4/posts/" + root + "/thread"));
    }

    @Test
    void patchAndDeletePosts() {
        String post = newPost(alex, privateChannel, "");
        HttpResponse<String> patched = alex.send("PUT", "/api/v4/posts/" + post + "/patch", "{\"message\":\"edited\"}");
        expect(200, null, patched);
        JsonNode body = Api.tree(patched.body());
        assertEquals("edited", body.path("message").asText());
        assertTrue(body.path("edit_at").asLong() > 0);
        // patchPost's postPatchChecks turns an unknown post into a permission error, not a 404.
        expect(403, "api.context.permissions.app_error",
                alex.send("PUT", "/api/v4/posts/" + UNKNOWN + "/patch", "{\"message\":\"x\"}"));
        expect(403, "api.context.permissions.app_error",
                teammate.send("PUT", "/api/v4/posts/" + post + "/patch", "{\"message\":\"x\"}"));
        expect(400, "api.context.invalid_body_param.app_error",
                alex.send("PUT", "/api/v4/posts/" + post + "/patch", "{nope"));

        expect(403, "api.context.permissions.app_error", teammate.send("DELETE", "/api/v4/posts/" + post, null));
        HttpResponse<String> deleted = alex.send("DELETE", "/api/v4/posts/" + post, null);
        expect(200, null, deleted);
        assertEquals("OK", Api.tree(deleted.body()).path("status").asText());
        expect(404, "app.post.get.app_error", alex.send("DELETE", "/api/v4/posts/" + post, null));
        expect(404, "app.post.get.app_error", alex.get("/api/v4/posts/" + post));
    }

    @Test
    void channelMembers() {
        String members = "/api/v4/channels/" + privateChannel + "/members";
        expect(403, "api.context.permissions.app_error",
                teammate.send("POST", members, "{\"user_id\":\"" + teammateId + "\"}"));
        expect(400, "api.context.invalid_body_param.app_error", alex.send("POST", members, "{nope"));
        expect(404, "app.channel.get.existing.app_error",
                alex.send("POST", "/api/v4/channels/" + UNKNOWN + "/members", "{\"user_id\":\"" + teammateId + "\"}"));
        expect(404, "app.user.missing_account.const", alex.send("POST", members, "{\"user_id\":\"" + UNKNOWN + "\"}"));
        HttpResponse<String> added = alex.send("POST", members, "{\"user_id\":\"" + teammateId + "\"}");
        expect(201, null, added);
        assertEquals(teammateId, Api.tree(added.body()).path("user_id").asText());
        expect(201, null, alex.send("POST", members, "{\"user_id\":\"" + teammateId + "\"}"));

        expect(404, "app.channel.get.existing.app_error",
                alex.send("DELETE", "/api/v4/channels/" + UNKNOWN + "/members/" + teammateId, null));
        expect(404, "app.user.missing_account.const", alex.send("DELETE", members + "/" + UNKNOWN, null));
        expect(403, "api.context.permissions.app_error", outsider.send("DELETE", members + "/" + teammateId, null));
        expect(200, null, alex.send("DELETE", members + "/" + teammateId, null));
        expect(404, "app.channel.get_member.missing.app_error", alex.send("DELETE", members + "/" + teammateId, null));
    }

    @Test
    void pingAndClientConfigArePublic() {
        Api anonymous = new Api(SANDBOX.baseUrl(), null);
        HttpResponse<String> ping = anonymous.get("/api/v4/system/ping");
        expect(200, null, ping);
        assertEquals("OK", Api.tree(ping.body()).path("status").asText());
        HttpResponse<String> limited = anonymous.get("/api/v4/config/client?format=old");
        expect(200, null, limited);
        assertEquals("11.9.0", Api.tree(limited.body()).path("Version").asText());
        assertTrue(Api.tree(limited.body()).path("EnableUserAccessTokens").isMissingNode(), "limited config signed out");
        assertEquals("true", Api.tree(alex.get("/api/v4/config/client?format=old").body())
                .path("EnableUserAccessTokens").asText());
        expect(501, "api.config.client.old_format.app_error", anonymous.get("/api/v4/config/client"));
        expect(400, "api.context.invalid_body_param.app_error", anonymous.get("/api/v4/config/client?format=new"));
    }
}
