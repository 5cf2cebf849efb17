package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@BesideOtherTests
class AuthTest {

    static SandboxFixture sandbox;
    static SandboxServer server;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        server = sandbox.server();
    }

    @AfterEach
    void exchangesMatchSpec() {
        sandbox.assertAllExchangesMatchSpec();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void passwordLoginReturnsUserAndTokenHeader() {
        Api anonymous = new Api(server.baseUrl(), null);
        HttpResponse<String> r = anonymous.send("POST", "/api/v4/users/login",
                "{\"login_id\":\"alex.rivera\",\"password\":\"sandbox\"}");
        assertEquals(200, r.statusCode());
        assertEquals("alex.rivera", Api.tree(r.body()).path("username").asText());
        String token = r.headers().firstValue("Token").orElseThrow();
        assertEquals(26, r.headers().firstValue("X-Request-Id").orElseThrow().length());
        assertTrue(r.headers().firstValue("X-Version-Id").isPresent());
        JsonNode me = new Api(server.baseUrl(), token).getJson("/api/v4/users/me");
        assertEquals("alex.rivera", me.path("username").asText());
    }

    @Test
    void logoutEndsASessionButNotAPersonalAccessToken() {
        Api anonymous = new Api(server.baseUrl(), null);
        String session = anonymous.send("POST", "/api/v4/users/login",
                "{\"login_id\":\"alex.rivera\",\"password\":\"sandbox\"}").headers().firstValue("Token").orElseThrow();
        assertEquals(200, new Api(server.baseUrl(), session).send("POST", "/api/v4/users/logout", "").statusCode());
        assertEquals(401, new Api(server.baseUrl(), session).get("/api/v4/users/me").statusCode());

        String pat = server.control().credentials().token();
        assertEquals(200, new Api(server.baseUrl(), pat).send("POST", "/api/v4/users/logout", "").statusCode());
        assertEquals(200, new Api(server.baseUrl(), pat).get("/api/v4/users/me").statusCode());
    }

    @Test
    void badPasswordIsMaskedAppError() {
        HttpResponse<String> r = new Api(server.baseUrl(), null).send("POST", "/api/v4/users/login",
                "{\"login_id\":\"alex.rivera\",\"password\":\"nope\"}");
        assertEquals(401, r.statusCode());
        JsonNode body = Api.tree(r.body());
        assertEquals("api.user.login.invalid_credentials_email_username", body.path("id").asText());
        assertEquals(401, body.path("status_code").asInt());
        assertEquals("", body.path("detailed_error").asText());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), body.path("request_id").asText());
    }

    @Test
    void personalAccessTokenWorksAndInvalidTokenIsSessionExpired() {
        Credentials c = server.control().credentials();
        assertEquals(200, new Api(server.baseUrl(), c.token()).get("/api/v4/users/me").statusCode());
        HttpResponse<String> bad = new Api(server.baseUrl(), "x".repeat(26)).get("/api/v4/users/me");
        assertEquals(401, bad.statusCode());
        assertEquals("api.context.session_expired.app_error", Api.tree(bad.body()).path("id").asText());
        JsonNode pat = new Api(server.baseUrl(), c.token()).json("POST", "/api/v4/users/me/tokens",
                "{\"description\":\"console\"}");
        assertEquals(200, new Api(server.baseUrl(), pat.path("token").asText()).get("/api/v4/users/me").statusCode());
    }

    @Test
    void usersMeHonoursIfNoneMatch() throws Exception {
        String token = server.control().credentials().token();
        HttpResponse<String> first = new Api(server.baseUrl(), token).get("/api/v4/users/me");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        var request = java.net.http.HttpRequest.newBuilder(server.baseUrl().resolve("/api/v4/users/me"))
                .header("Authorization", "Bearer " + token).header("If-None-Match", etag).build();
        HttpResponse<String> second = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(304, second.statusCode());
        assertEquals("", second.body());
    }

    @Test
    void plainGetOnTheWebSocketPathIsTheUpgradeError() {
        HttpResponse<String> r = new Api(server.baseUrl(), null).get("/api/v4/websocket");
        assertEquals(400, r.statusCode());
        assertEquals("api.web_socket.connect.upgrade.app_error", Api.tree(r.body()).path("id").asText());
    }

    @Test
    void pluginRouteWithoutTokenIsPlainTextNotAuthorized() {
        HttpResponse<String> r = new Api(server.baseUrl(), null).get(Api.PLUGIN + "/runs");
        assertEquals(401, r.statusCode());
        assertEquals("Not authorized\n", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void repliesCarryMattermostHeadersAndNoJettyBanner() {
        HttpResponse<String> r = new Api(server.baseUrl(), server.control().credentials().token()).get("/api/v4/users/me");
        assertTrue(r.headers().firstValue("Server").isEmpty(), "Go's net/http sends no Server header");
        assertTrue(r.headers().firstValue("X-Version-Id").orElseThrow().startsWith(SandboxServer.CURRENT_VERSION));
        assertEquals(26, r.headers().firstValue("X-Request-Id").orElseThrow().length());
    }

    @Test
    void userByUsername() {
        Api api = new Api(server.baseUrl(), server.control().credentials().token());
        assertEquals(server.control().defaultUser().id(), api.getJson("/api/v4/users/username/alex.rivera").path("id")
                .asText());
        assertEquals(404, api.get("/api/v4/users/username/nobody.here").statusCode());
    }
}
