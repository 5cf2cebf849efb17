package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.graphql.GraphQlEndpoint;
import java.util.Map;

/**
 * {@code POST /query} ({@code server/api/graphql.go} {@code GraphQLHandler.graphQL}). A body that does
 * not decode into {@code {query, operationName, variables}} and a blank {@code operationName} (on a
 * production server) get a 200 with an empty body; everything else is executed and answered with 200.
 */
public final class GraphQlRoutes {

    private final GraphQlEndpoint endpoint;
    private final ObjectMapper mapper;

    public GraphQlRoutes(GraphQlEndpoint endpoint, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.mapper = mapper;
    }

    public void register(Router router) {
        router.add("POST", "/plugin/query", Router.Area.PLUGIN, this::query);
    }

    @SuppressWarnings("unchecked")
    private Reply query(Call c) {
        JsonNode body;
        try {
            body = mapper.readTree(c.body());
        } catch (Exception e) {
            return Reply.empty(200);
        }
        // json.Decode into the params struct fails on a non-object body or a field of the wrong type.
        if (body == null || !body.isObject() || !stringOrAbsent(body, "query") || !stringOrAbsent(body, "operationName")
                || !(body.path("variables").isMissingNode() || body.get("variables").isNull()
                || body.get("variables").isObject())) {
            return Reply.empty(200);
        }
        String operation = body.path("operationName").asText("");
        if (operation.isEmpty()) {
            return Reply.empty(200);
        }
        Map<String, Object> variables = body.path("variables").isObject()
                ? mapper.convertValue(body.get("variables"), Map.class) : Map.of();
        return Reply.ok(endpoint.execute(c.userId(), body.path("query").asText(""), operation, variables));
    }

    private static boolean stringOrAbsent(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isTextual();
    }
}
