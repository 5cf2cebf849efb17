package com.incidentconsole.playbook.library.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Changes one key of an object while disturbing the rest of the file as little as possible.
 *
 * <p>Existing keys are replaced in place. A new key goes where a reader expects it: at its sorted position when
 * the object's keys are already sorted (the server's export sorts them, since it marshals a Go map), otherwise
 * at the end. Setting an absent key to a zero value is a no-op, because the export omits zero values and an
 * explicit {@code "x": false} would be noise in a review.
 */
public final class TreeEdits {

    private TreeEdits() {
    }

    public static void put(ObjectNode object, String key, JsonNode value) {
        if (object.has(key)) {
            object.set(key, value);
            return;
        }
        if (isZero(value)) {
            return;
        }
        insert(object, key, value);
    }

    /** Like {@link #put}, but also adds an absent key whose value is zero (for fields where absence means "unset"). */
    public static void set(ObjectNode object, String key, JsonNode value) {
        if (object.has(key)) {
            object.set(key, value);
        } else {
            insert(object, key, value);
        }
    }

    /** Adds a key that is not in the object yet, at its sorted place when the keys are sorted, else at the end. */
    public static void insert(ObjectNode object, String key, JsonNode value) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        boolean sorted = true;
        for (int i = 1; i < keys.size(); i++) {
            if (keys.get(i - 1).compareTo(keys.get(i)) > 0) {
                sorted = false;
                break;
            }
        }
        if (!sorted || keys.isEmpty() || keys.get(keys.size() - 1).compareTo(key) < 0) {
            object.set(key, value);
            return;
        }
        ObjectNode copy = object.deepCopy();
        object.removeAll();
        boolean inserted = false;
        Iterator<String> names = copy.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!inserted && name.compareTo(key) > 0) {
                object.set(key, value);
                inserted = true;
            }
            object.set(name, copy.get(name));
        }
    }

    /** Go's {@code reflect.Value.IsZero} for the JSON shapes the export uses. */
    public static boolean isZero(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty();
        }
        if (value.isBoolean()) {
            return !value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue().signum() == 0;
        }
        return value.isContainerNode() && value.isEmpty();
    }
}
