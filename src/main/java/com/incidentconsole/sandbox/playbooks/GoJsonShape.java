package com.incidentconsole.sandbox.playbooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * What Go's {@code encoding/json} refuses when it decodes a body into a struct: a value of the wrong JSON type
 * for a known field (a number where a string goes, a string where a list goes, 7 as an item state), or an
 * integer beyond int64. Unknown fields and {@code null} are accepted, as Go accepts them. The wire records stand
 * in for the plugin's structs ({@code server/app/playbook.go} {@code Playbook}, {@code Checklist},
 * {@code ChecklistItem}), field for field.
 *
 * <p>Without this the sandbox stored whatever it was sent and then failed to read it back, answering 500 to
 * every playbook list for every user, where the real server refuses the request with 400.
 */
final class GoJsonShape {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private GoJsonShape() {
    }

    /** The first mismatch as Go would word it ({@code cannot unmarshal number into … title of type string}). */
    static Optional<String> mismatch(JsonNode value, Class<? extends Record> struct) {
        return check(value, struct, "");
    }

    private static Optional<String> check(JsonNode value, Type type, String path) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (type == String.class) {
            return value.isTextual() ? Optional.empty() : refused(value, path, "string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.isBoolean() ? Optional.empty() : refused(value, path, "bool");
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToLong() ? Optional.empty()
                    : refused(value, path, "int64");
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!value.isArray()) {
                return refused(value, path, "[]" + simpleName(list.getActualTypeArguments()[0]));
            }
            for (int i = 0; i < value.size(); i++) {
                Optional<String> inner = check(value.get(i), list.getActualTypeArguments()[0], path + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (type instanceof Class<?> record && record.isRecord()) {
            if (!value.isObject()) {
                return refused(value, path, "app." + record.getSimpleName());
            }
            for (RecordComponent component : record.getRecordComponents()) {
                String key = jsonName(component);
                Optional<String> inner = check(value.get(key), component.getGenericType(),
                        path.isEmpty() ? key : path + "." + key);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty named = component.getAnnotation(JsonProperty.class);
        if (named == null) {
            named = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return named != null && !named.value().isEmpty() ? named.value() : SNAKE.translate(component.getName());
    }

    private static Optional<String> refused(JsonNode value, String path, String goType) {
        String found = value.isNumber() ? "number" : value.isTextual() ? "string" : value.isBoolean() ? "bool"
                : value.isArray() ? "array" : "object";
        return Optional.of("json: cannot unmarshal " + found + " into Go struct field " + path + " of type " + goType);
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? (c == String.class ? "string" : "app." + c.getSimpleName()) : "value";
    }
}
