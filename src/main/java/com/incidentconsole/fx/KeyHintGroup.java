package com.incidentconsole.fx;

import java.util.List;

/** The hints of one screen, under a heading, for the keys overlay. */
public record KeyHintGroup(String titleKey, List<KeyHint> hints) {

    public KeyHintGroup {
        hints = List.copyOf(hints);
    }
}
