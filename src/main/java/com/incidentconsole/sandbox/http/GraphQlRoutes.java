package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.runs.ParticipantService;
import com.incidentconsole.sandbox.runs.RunService;
import com.incidentconsole.sandbox.state.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /query}: only the GraphQL mutations that have no REST equivalent and a console needs
 * (participants), plus {@code changeRunOwner}. Operations are recognised by their root field and
 * read their arguments from {@code variables}; anything else gets the server's generic error.
 */
public final class GraphQlRoutes {

    private static final String GENERIC = "Error while executing your request";

    private final ParticipantService participants;
    private final RunService runs;

    public GraphQlRoutes(ParticipantService participants, RunService runs) {
        this.participants = participants;
        this.runs = runs;
    }

    public void register(Router router) {
        router.add("POST", "/plugin/query", Router.Area.PLUGIN, this::query);
    }

    private Reply query(Call c) {
        ObjectNode body = c.body(ObjectNode.class);
        if (body.path("operationName").asText().isEmpty()) {
            // Production servers answer a blank operationName with an empty 200 (playbooks-api.md §4).
            return Reply.empty(200);
        }
        String query = body.path("query").asText();
        JsonNode vars = body.path("variables");
        try {
            String field;
            if (query.contains("addRunParticipants")) {
                field = "addRunParticipants";
                participants.add(c.userId(), vars.path("runID").asText(), strings(vars.path("userIDs")),
                        vars.path("forceAddToChannel").asBoolean(false));
            } else if (query.contains("removeRunParticipants")) {
                field = "removeRunParticipants";
                participants.remove(c.userId(), vars.path("runID").asText(), strings(vars.path("userIDs")));
            } else if (query.contains("updateRun(")) {
                field = "updateRun";
                runs.updateFromGraphQl(c.userId(), vars.path("id").asText(), vars.path("updates"));
            } else if (query.contains("setRunFavorite")) {
                // Favorites only drive the webapp's sidebar; accepted and not stored.
                field = "setRunFavorite";
                runs.requireViewable(c.userId(), vars.path("id").asText());
            } else if (query.contains("changeRunOwner")) {
                field = "changeRunOwner";
                runs.changeOwner(c.userId(), vars.path("runID").asText(), vars.path("ownerID").asText());
            } else {
                return error();
            }
            return Reply.ok(Map.of("data", Map.of(field, "")));
        } catch (Rejection r) {
            return error();
        }
    }

    private static Reply error() {
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.putArray("errors").addObject().put("message", GENERIC);
        out.putNull("data");
        return Reply.ok(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
