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
            case NUMBER -> value.isIntegralNumber();
            case STRING_LIST -> value.isArray() && allText(value);
        };
        if (!ok) {
            findings.error(place, "must be " + describe(kind) + ", found " + value.getNodeType().name().toLowerCase()
                    + " (the server cannot decode the playbook otherwise)");
        }
        return ok;
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
