package com.incidentconsole.wire;

/** Reference to a status-update post inside a run; the text comes from {@code GET /runs/{id}/status-updates}. */
public record StatusPost(String id, long createAt, long deleteAt) {

    public StatusPost {
        id = Lists.text(id);
    }
}
