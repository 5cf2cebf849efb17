package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The core events of post edit/delete and channel member add/remove, who gets them and in which
 * order (app/post.go UpdatePost/DeletePost, app/channel.go AddUserToChannel/removeUserFromChannel),
 * and how the routers answer a wrong method.
 */
@BesideOtherTests
class CoreEventsTest {

    SandboxFixture sandbox;
    Api alex;
    Api teammate;
    String alexId;
    String teammateId;
    String teammateToken;
    String channel;

    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(SandboxFixture.small());
        SandboxControl control = sandbox.control();
        alexId = control.defaultUser().id();
        alex = new Api(sandbox.baseUrl(), control.credentials().token());
        for (PlaybookRun run : control.runs()) {
            Set<String> members = new HashSet<>();
            if (alex.get("/api/v4/channels/" + run.channelId() + "/members").statusCode() != 200) {
                continue;
            }
            alex.getJson("/api/v4/channels/" + run.channelId() + "/members")
                    .forEach(m -> members.add(m.path("user_id").asText()));
            boolean isPrivate = "P".equals(alex.getJson("/api/v4/channels/" + run.channelId()).path("type").asText());
            User other = control.users().stream()
                    .filter(u -> control.isTeamMember(run.teamId(), u.id()) && !members.contains(u.id())
                            && !u.roles().contains("system_admin") && !u.username().contains("bot"))
                    .findFirst().orElse(null);
            if (isPrivate && members.contains(alexId) && other != null) {
                channel = run.channelId();
                teammateId = other.id();
                teammateToken = control.tokenFor(other.username());
                teammate = new Api(sandbox.baseUrl(), teammateToken);
                return;
            }
        }
        throw new AssertionError("no private run channel with a teammate outside it");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void editAndDeleteGoToTheChannelOnly() throws Exception {
        try (WsProbe mine = WsProbe.withHeader(sandbox.baseUrl(), sandbox.control().credentials().token());
             WsProbe theirs = WsProbe.withHeader(sandbox.baseUrl(), teammateToken)) {
            mine.next();
            theirs.next();
            HttpResponse<String> created = alex.send("POST", "/api/v4/posts",
                    "{\"channel_id\":\"" + channel + "\",\"message\":\"first\"}");
            String postId = Api.tree(created.body()).path("id").asText();
            mine.nextEvent("posted");

            alex.json("PUT", "/api/v4/posts/" + postId + "/patch", "{\"message\":\"second\"}");
            JsonNode edited = mine.next();
            assertEquals("post_edited", edited.path("event").asText());
            assertEquals(channel, edited.path("broadcast").path("channel_id").asText());
            JsonNode post = Api.tree(edited.path("data").path("post").asText());
            assertEquals("second", post.path("message").asText(), "the post is double-encoded, as in posted");

            alex.json("DELETE", "/api/v4/posts/" + postId, null);
            JsonNode deleted = mine.next();
            assertEquals("post_deleted", deleted.path("event").asText());
            assertEquals(alexId, deleted.path("data").path("delete_by").asText());
            assertTrue(Api.tree(deleted.path("data").path("post").asText()).path("delete_at").asLong() > 0);

            assertNull(theirs.poll(Duration.ofMillis(300)), "a non-member saw an event of a private channel");
        }
    }

    @Test
    void addingAndRemovingAMemberReachTheRightPeopleInOrder() throws Exception {
        try (WsProbe mine = WsProbe.withHeader(sandbox.baseUrl(), sandbox.control().credentials().token());
             WsProbe theirs = WsProbe.withHeader(sandbox.baseUrl(), teammateToken)) {
            mine.next();
            theirs.next();
            String members = "/api/v4/channels/" + channel + "/members";
            assertEquals(201, alex.send("POST", members, "{\"user_id\":\"" + teammateId + "\"}").statusCode());
            for (WsProbe ws : new WsProbe[] {mine, theirs}) {
                JsonNode added = ws.next();
                assertEquals("user_added", added.path("event").asText());
                assertEquals(channel, added.path("broadcast").path("channel_id").asText());
                assertEquals(teammateId, added.path("data").path("user").path("id").asText());
                JsonNode posted = ws.next();
                assertEquals("posted", posted.path("event").asText());
                assertEquals("system_add_to_channel",
                        Api.tree(posted.path("data").path("post").asText()).path("type").asText());
            }

            assertEquals(200, alex.send("DELETE", members + "/" + teammateId, null).statusCode());
            JsonNode toChannel = mine.next();
            assertEquals("user_removed", toChannel.path("event").asText());
            assertEquals(teammateId, toChannel.path("data").path("user_id").asText());
            assertEquals(alexId, toChannel.path("data").path("remover_id").asText());
            assertEquals("system_remove_from_channel",
                    Api.tree(mine.nextEvent("posted").path("data").path("post").asText()).path("type").asText());

            JsonNode toUser = theirs.next();
            assertEquals("user_removed", toUser.path("event").asText());
            assertEquals(teammateId, toUser.path("broadcast").path("user_id").asText(), "the removed user's own copy");
            assertEquals(channel, toUser.path("data").path("channel_id").asText());
            assertNull(theirs.poll(Duration.ofMillis(300)), "the removed user no longer gets the channel's events");
        }
    }

    @Test
    void aWrongMethodIs405OnThePluginAnd404OnCore() {
        HttpResponse<String> plugin = alex.send("PATCH", Api.PLUGIN + "/runs", "{}");
        assertEquals(405, plugin.statusCode());
        assertEquals("", plugin.body());
        assertTrue(plugin.headers().firstValue("Content-Type").isEmpty(), "mux's 405 only writes the status");
        // mux answers before any middleware runs, so before the plugin's own authorization check.
        assertEquals(405, new Api(sandbox.baseUrl(), null).send("DELETE", Api.PLUGIN + "/runs/owners", null)
                .statusCode());
        assertEquals(404, alex.send("GET", Api.PLUGIN + "/runs/owners/nothing", null).statusCode());

        HttpResponse<String> core = alex.send("PATCH", "/api/v4/users/me", "{}");
        assertEquals(404, core.statusCode(), "core's /api/v4/{anything} catch-all takes a method mismatch");
        assertEquals("api.context.404.app_error", Api.tree(core.body()).path("id").asText());
    }
}
