package com.incidentconsole.playbook.library;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a version-1 condition expression the way the server does ({@code ConditionExprV1.ToString} in
 * server/app/condition.go): {@code "Severity" is SEV-1 AND ("Team" is not [Web,Mobile])}, with field and option
 * ids replaced by the names in the file's {@code properties}. It is only a label for choosing a condition.
 */
final class ConditionText {

    private final Map<String, JsonNode> fields = new HashMap<>();

    ConditionText(JsonNode properties) {
        properties.forEach(p -> fields.put(p.path("id").asText(""), p));
    }

    String describe(JsonNode expression) {
        String text = node(expression, false);
        return text.isEmpty() ? "(empty condition)" : text;
    }

    private String node(JsonNode e, boolean parens) {
        if (e.path("and").isArray()) {
            return join(e.get("and"), " AND ", parens);
        }
        if (e.path("or").isArray()) {
            return join(e.get("or"), " OR ", parens);
        }
        if (e.path("is").isObject()) {
            return comparison(e.get("is"), "is");
        }
        if (e.path("isNot").isObject()) {
            return comparison(e.get("isNot"), "is not");
        }
        return "";
    }

    private String join(JsonNode parts, String operator, boolean parens) {
        List<String> words = new ArrayList<>();
        parts.forEach(p -> words.add(node(p, true)));
        if (words.size() == 1) {
            return words.get(0);
        }
        String joined = String.join(operator, words);
        return parens ? "(" + joined + ")" : joined;
    }

    private String comparison(JsonNode c, String operator) {
        String fieldId = c.path("field_id").asText("");
        JsonNode field = fields.get(fieldId);
        String name = field != null && !field.path("name").asText("").isEmpty() ? field.path("name").asText()
                : fieldId;
        return "\"" + name + "\" " + operator + " " + value(c.path("value"), field);
    }

    private static String value(JsonNode value, JsonNode field) {
        if (value.isTextual()) {
            String text = value.textValue();
            boolean textField = field != null && "text".equals(field.path("type").asText());
            return textField ? (text.isEmpty() ? "empty" : "\"" + text + "\"") : text;
        }
        if (value.isArray()) {
            Map<String, String> options = new HashMap<>();
            if (field != null) {
                field.path("attrs").path("options").forEach(o -> options.put(o.path("id").asText(""),
                        o.path("name").asText("")));
            }
            List<String> names = new ArrayList<>();
            value.forEach(v -> names.add(options.getOrDefault(v.asText(), v.asText())));
            return names.size() == 1 ? names.get(0) : "[" + String.join(",", names) + "]";
        }
        return value.isMissingNode() ? "" : value.toString();
    }
}
