package com.incidentconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.List;

/**
 * Fresh runs for fidelity tests in the incident playbook's team, made over REST by the default
 * user (alex), plus the people around them: a team member outside the run channel and the bot.
 */
final class RunScene {

    final SandboxFixture sandbox;
    final Api alex;
    final String alexId;
    final String teamId;
    final String playbookId;
    final String botId;

    RunScene(SandboxFixture sandbox) {
        this.sandbox = sandbox;
        this.alex = new Api(sandbox.baseUrl(), sandbox.control().credentials().token());
        this.alexId = sandbox.control().defaultUser().id();
        JsonNode playbook = alex.getJson(Api.PLUGIN + "/playbooks?search_term=incident").path("items").get(0);
        this.teamId = playbook.path("team_id").asText();
        this.playbookId = playbook.path("id").asText();
        this.botId = sandbox.control().user("playbooks").id();
    }

    /** A run of {@code playbook} owned by {@code ownerId} (empty = let the server choose), reported by alex. */
    JsonNode run(String playbook, String ownerId, String extra) {
        return alex.json("POST", Api.PLUGIN + "/runs", "{\"name\":\"Scene\",\"team_id\":\"" + teamId
                + "\",\"playbook_id\":\"" + playbook + "\"" + (ownerId.isEmpty() ? "" : ",\"owner_user_id\":\""
                + ownerId + "\"") + extra + "}");
    }

    JsonNode run() {
        return run(playbookId, alexId, "");
    }

    /** A playbook in the scene's team; {@code fields} are extra JSON members, e.g. {@code ,"broadcast_enabled":true}. */
    String playbook(String title, String fields) {
        return alex.json("POST", Api.PLUGIN + "/playbooks", "{\"title\":\"" + title + "\",\"team_id\":\"" + teamId
                + "\",\"reminder_timer_default_seconds\":3600,\"retrospective_enabled\":false,"
                + "\"checklists\":[{\"title\":\"One\",\"items\":[{\"title\":\"Do it\"}]}]" + fields + "}")
                .path("id").asText();
    }

    /** Team members other than alex, the bot and the admin, who are not in {@code channelId}. */
    List<User> outsiders(String channelId) {
        List<String> members = new ArrayList<>();
        alex.getJson("/api/v4/channels/" + channelId + "/members").forEach(m -> members.add(m.path("user_id").asText()));
        return sandbox.control().users().stream()
                .filter(u -> sandbox.control().isTeamMember(teamId, u.id()) && !members.contains(u.id()))
                .filter(u -> !u.username().equals("playbooks") && !u.username().equals("sysadmin"))
                .toList();
    }

    Api as(User user) {
        return new Api(sandbox.baseUrl(), sandbox.control().tokenFor(user.username()));
    }

    String path(JsonNode run, String rest) {
        return Api.PLUGIN + "/runs/" + run.path("id").asText() + rest;
    }

    JsonNode get(JsonNode run) {
        return alex.getJson(path(run, ""));
    }

    /** Only the events of the run's channel (and user-targeted ones): a clock advance fires seeded runs' reminders too. */
    static List<JsonNode> of(JsonNode run, List<JsonNode> events) {
        String channel = run.path("channel_id").asText();
        return events.stream().filter(e -> {
            String c = e.path("broadcast").path("channel_id").asText();
            return c.isEmpty() ? !e.path("broadcast").path("user_id").asText().isEmpty() : c.equals(channel);
        }).toList();
    }

    static JsonNode lastTimeline(JsonNode run) {
        JsonNode events = run.path("timeline_events");
        return events.get(events.size() - 1);
    }

    static String link(JsonNode run) {
        return "[" + run.path("name").asText() + "](/playbooks/runs/" + run.path("id").asText() + ")";
    }
}
