package com.incidentconsole.playbook.library.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.playbook.library.PlaybookSetting;

/** Checks a value has the JSON type the server's Go struct field needs; otherwise the import fails to decode. */
final class JsonTypes {

    private JsonTypes() {
    }

    /** True when the value is absent, null or of the right type; reports an error otherwise. */
    static boolean check(JsonNode value, PlaybookSetting.Kind kind, Place place, Findings findings) {
        if (value == null || value.isNull()) {
            return true;
        }
        boolean ok = switch (kind) {
            case STRING -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case NUMBER -> isInt64(value);
            case STRING_LIST -> value.isArray() && allText(value);
        };
        if (!ok && kind == PlaybookSetting.Kind.NUMBER && value.isNumber()) {
            findings.error(place, "must be a whole number the server can store (a 64-bit integer, at most "
                    + Long.MAX_VALUE + "), found " + value.numberValue() + " (the import fails to decode it)");
        } else if (!ok) {
            findings.error(place, "must be " + describe(kind) + ", found " + value.getNodeType().name().toLowerCase()
                    + " (the server cannot decode the playbook otherwise)");
        }
        return ok;
    }

    /** What Go's int64 fields take: an integer literal in range (1e3, 1.0 and 2^63 all fail to decode). */
    static boolean isInt64(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToLong();
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(PlaybookSetting.Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case NUMBER -> "a whole number";
            case STRING_LIST -> "a list of strings";
        };
    }
}
