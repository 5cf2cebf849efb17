package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default resolver: the GraphQL field of the object's REST JSON, as graph-gophers'
 * {@code UseFieldResolvers} reads the Go struct field whose JSON tag REST uses
 * ({@code teamID} = {@code team_id}, {@code invitedUserIDs} = {@code invited_user_ids},
 * {@code webhookOnStatusUpdateURLs} = {@code webhook_on_status_update_urls}). A field the JSON lacks
 * is the Go zero value.
 */
final class JsonFields {

    private JsonFields() {
    }

    static DataFetcher<Object> fetcher() {
        return env -> {
            Object source = env.getSource();
            String name = env.getField().getName();
            JsonNode json = source instanceof RunNode run ? run.json() : source instanceof JsonNode node ? node : null;
            if (json == null) {
                return source instanceof Map<?, ?> map ? map.get(name) : null;
            }
            JsonNode value = json.get(snake(name));
            return value == null || value.isNull() ? zero(env.getFieldType()) : plain(value);
        };
    }

    static String snake(String field) {
        String s = field.replace("IDs", "Ids").replace("URLs", "Urls").replace("ID", "Id");
        return s.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Objects stay JSON (their fields resolve the same way); scalars become Java values. */
    static Object plain(JsonNode value) {
        if (value.isObject()) {
            return value;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return null;
    }

    private static Object zero(GraphQLOutputType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList) {
            return List.of();
        }
        if (GraphQLTypeUtil.isNonNull(type) && bare instanceof GraphQLScalarType scalar) {
            return switch (scalar.getName()) {
                case "String" -> "";
                case "Boolean" -> false;
                case "Int" -> 0;
                case "Float" -> 0.0;
                default -> null;
            };
        }
        return null;
    }
}
