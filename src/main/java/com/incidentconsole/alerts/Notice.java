package com.incidentconsole.alerts;

import java.util.Objects;

/** An alert as it is shown: its words, and whether it should make a sound. */
public record Notice(Alert alert, String title, String body, boolean sound) {

    public Notice {
        Objects.requireNonNull(alert);
        Objects.requireNonNull(title);
        Objects.requireNonNull(body);
    }

    public String runId() {
        return alert.runId();
    }
}
