package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers for the participant, owner, checklist and GraphQL tests: a fresh run owned by the default
 * user, users picked by their relation to it, sockets per user and the GraphQL call.
 */
final class People {

    static final String RUN_UPDATED = Mutations.RUN_UPDATED;

    record Run(String id, String teamId, String channelId, String playbookId) {

        String path(String rest) {
            return Api.PLUGIN + "/runs/" + id + rest;
        }
    }

    private final SandboxFixture sandbox;

    People(SandboxFixture sandbox) {
        this.sandbox = sandbox;
    }

    Api api(String userId) {
        return new Api(sandbox.baseUrl(), token(userId));
    }

    Api alex() {
        return new Api(sandbox.baseUrl(), sandbox.control().credentials().token());
    }

    String alexId() {
        return sandbox.control().defaultUser().id();
    }

    String token(String userId) {
        User user = sandbox.control().users().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow();
        return sandbox.control().tokenFor(user.username());
    }

    String username(String userId) {
        return sandbox.control().users().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow()
                .username();
    }

    /** A new run of the seeded incident playbook, owned and reported by the default user. */
    Run freshRun(String name) {
        JsonNode playbook = alex().getJson(Api.PLUGIN + "/playbooks?search_term=incident").path("items").get(0);
        String teamId = playbook.path("team_id").asText();
        JsonNode run = alex().json("POST", Api.PLUGIN + "/runs", "{\"name\":\"" + name + "\",\"owner_user_id\":\""
                + alexId() + "\",\"team_id\":\"" + teamId + "\",\"playbook_id\":\"" + playbook.path("id").asText() + "\"}");
        // The playbook's channel name template beats a typed name at creation (resolveRunName); rename it so
        // tests can refer to the run by the name they gave.
        alex().json("PATCH", Api.PLUGIN + "/runs/" + run.path("id").asText(), "{\"name\":\"" + name + "\"}");
        return new Run(run.path("id").asText(), teamId, run.path("channel_id").asText(), playbook.path("id").asText());
    }

    Set<String> channelMembers(String channelId) {
        Set<String> ids = new HashSet<>();
        alex().getJson("/api/v4/channels/" + channelId + "/members").forEach(m -> ids.add(m.path("user_id").asText()));
        return ids;
    }

    /** Team members of the run's team outside its channel, the bot and the admin left out. */
    List<String> teamMembersOutside(Run run) {
        Set<String> inChannel = channelMembers(run.channelId());
        return sandbox.control().users().stream()
                .filter(u -> !inChannel.contains(u.id()) && sandbox.control().isTeamMember(run.teamId(), u.id()))
                .filter(u -> !u.username().equals("playbooks") && !u.username().equals("sysadmin"))
                .map(User::id).toList();
    }

    String otherTeamUser(Run run) {
        return sandbox.control().users().stream().filter(u -> !sandbox.control().isTeamMember(run.teamId(), u.id()))
                .filter(u -> !u.username().equals("playbooks") && !u.username().equals("sysadmin"))
                .map(User::id).findFirst().orElseThrow();
    }

    /** The plugin's bot, author of its posts and DMs. */
    String botId() {
        return sandbox.control().users().stream().filter(u -> u.username().equals("playbooks")).map(User::id)
                .findFirst().orElseThrow();
    }

    WsProbe socket(String userId) throws InterruptedException {
        WsProbe probe = WsProbe.withHeader(sandbox.baseUrl(), token(userId));
        JsonNode hello = probe.next();
        assertEquals("hello", hello.path("event").asText());
        return probe;
    }

    /** Every event a socket got up to a ping sent now (the server writes each socket's frames in order). */
    static List<JsonNode> drain(WsProbe probe) throws InterruptedException {
        probe.sendText("{\"seq\":900,\"action\":\"ping\"}");
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode frame = probe.next();
            if (frame.path("seq_reply").asLong() == 900) {
                return events;
            }
            events.add(frame);
        }
    }

    static List<String> names(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").asText()).toList();
    }

    /** {@code event@user} for user-targeted copies, {@code event} for channel broadcasts. */
    static List<String> audience(List<JsonNode> events) {
        return events.stream().map(e -> e.path("event").asText()
                + (e.path("broadcast").path("user_id").asText().isEmpty() ? "" : "@user")).toList();
    }

    static JsonNode gql(Api api, String operation, String document, String variables) {
        return api.json("POST", Api.PLUGIN + "/query", "{\"operationName\":\"" + operation + "\",\"query\":"
                + quote(document) + ",\"variables\":" + variables + "}");
    }

    static String quote(String text) {
        try {
            return Api.MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode payload(JsonNode event) {
        return Api.tree(event.path("data").path("payload").asText());
    }
}
