package com.incidentconsole.playbook.library.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link JsonNode} tree in a given {@link JsonStyle}, keeping object keys in the tree's order.
 *
 * <p>Hand-written rather than Jackson's pretty printer because the canonical form must match Go's
 * {@code MarshalIndent} byte for byte (key-colon-space, {@code []}/{@code {}} for empties, Go's escaping of
 * {@code < > & U+2028 U+2029}), which no Jackson configuration reproduces exactly.
 */
public final class JsonPrinter {

    private final JsonStyle style;

    public JsonPrinter(JsonStyle style) {
        this.style = style;
    }

    public String print(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        if (style.finalNewline()) {
            out.append(style.lineSeparator());
        }
        return out.toString();
    }

    private void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, depth, out);
        } else if (node.isArray()) {
            writeArray(node, depth, out);
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isBigDecimal()) {
            out.append(node.decimalValue().toString());
        } else {
            out.append(node.toString());
        }
    }

    private void writeObject(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1, out);
            writeString(field.getKey(), out);
            out.append(style.indent().isEmpty() ? ":" : ": ");
            write(field.getValue(), depth + 1, out);
        }
        newline(depth, out);
        out.append('}');
    }

    private void writeArray(JsonNode node, int depth, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1, out);
            write(node.get(i), depth + 1, out);
        }
        newline(depth, out);
        out.append(']');
    }

    private void newline(int depth, StringBuilder out) {
        if (style.indent().isEmpty()) {
            return;
        }
        out.append(style.lineSeparator());
        out.append(style.indent().repeat(depth));
    }

    private void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean html = c == '<' || c == '>' || c == '&';
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || (html && style.escapeHtml())) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
