package com.incidentconsole.wire;

import java.util.List;
import java.util.Map;

/** Null-to-empty normalisation for record components; the server sends [], null or nothing. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <K, V> Map<K, V> of(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
