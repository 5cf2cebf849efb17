package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybooksPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Playbooks ({@code /plugins/playbooks/api/v0/playbooks}). */
public final class PlaybooksApi {

    private static final int PAGE_SIZE = 100;

    private final Rest rest;

    PlaybooksApi(Rest rest) {
        this.rest = rest;
    }

    private static String playbook(String id) {
        return Rest.PLUGIN + "/playbooks/" + Rest.seg(id);
    }

    /** {@code teamId} may be empty for every team the user can see. */
    public PlaybooksPage list(String teamId, int page, int perPage, boolean withArchived) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (teamId != null && !teamId.isEmpty()) {
            query.add(Map.entry("team_id", teamId));
        }
        query.add(Map.entry("page", Integer.toString(page)));
        query.add(Map.entry("per_page", Integer.toString(perPage)));
        if (withArchived) {
            query.add(Map.entry("with_archived", "true"));
        }
        return rest.get(Rest.PLUGIN + "/playbooks", query, rest.type(PlaybooksPage.class));
    }

    /** All non-archived playbooks of the team, following {@code has_more}. */
    public List<Playbook> listAll(String teamId) {
        List<Playbook> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            PlaybooksPage result = list(teamId, page, PAGE_SIZE, false);
            all.addAll(result.items());
            if (!result.hasMore() || result.items().isEmpty()) {
                return List.copyOf(all);
            }
        }
    }

    /** {@code GET /stats/playbook}: the server's own figures for one playbook, as the webapp charts them. */
    public com.incidentconsole.wire.PlaybookStats stats(String playbookId) {
        return rest.get(Rest.PLUGIN + "/stats/playbook", List.of(Map.entry("playbook_id", playbookId)),
                rest.type(com.incidentconsole.wire.PlaybookStats.class));
    }

    public Playbook get(String id) {
        return rest.get(playbook(id), rest.type(Playbook.class));
    }

    /**
     * The playbook as the server sent it, every field included: for a read-modify-write ({@link #replace})
     * that must not drop fields a newer server has and {@link Playbook} does not model.
     */
    public ObjectNode getDocument(String id) {
        return rest.get(playbook(id), rest.type(ObjectNode.class));
    }

    /** Replaces the playbook whole with {@code document} as given (last writer wins, as for {@link #update}). */
    public void replace(String id, ObjectNode document) {
        rest.send("PUT", playbook(id), new Rest.RawJson(document.toString()));
    }

    /** Returns the new playbook's id. */
    public String create(Playbook playbook) {
        return id(rest.call("POST", Rest.PLUGIN + "/playbooks", List.of(), playbook, rest.type(JsonNode.class)),
                "POST /playbooks");
    }

    /** Replaces the playbook whole (last writer wins: the server has no concurrency check). */
    public void update(Playbook playbook) {
        rest.send("PUT", playbook(playbook.id()), playbook);
    }

    public void archive(String id) {
        rest.send("DELETE", playbook(id), null);
    }

    public void restore(String id) {
        rest.send("PUT", playbook(id) + "/restore", null);
    }

    /** Returns the copy's id. */
    public String duplicate(String id) {
        return id(rest.call("POST", playbook(id) + "/duplicate", List.of(), null, rest.type(JsonNode.class)),
                "POST /playbooks/{id}/duplicate");
    }

    /** The export document exactly as the server sent it, for saving to a file unchanged. */
    public String export(String id) {
        String path = playbook(id) + "/export";
        String body = rest.exchange("GET", path, List.of(), null).body();
        // Validate without altering: a non-JSON body means we did not reach the plugin.
        rest.decode(body, rest.type(JsonNode.class), "GET", path);
        return body;
    }

    /** Imports an export document into {@code teamId}; returns the new playbook's id. */
    public String importPlaybook(String teamId, String json) {
        JsonNode answer = rest.call("POST", Rest.PLUGIN + "/playbooks/import", List.of(Map.entry("team_id", teamId)),
                new Rest.RawJson(json), rest.type(JsonNode.class));
        return id(answer, "POST /playbooks/import");
    }

    private static String id(JsonNode answer, String what) {
        String id = answer.path("id").asText("");
        if (id.isEmpty()) {
            throw new TransportError(what + " answered without an id", null);
        }
        return id;
    }
}
