package com.incidentconsole.wire;

/** A status update with its text, from {@code GET /runs/{id}/status-updates} (newest first). */
public record StatusPostComplete(String id, long createAt, long updateAt, long deleteAt, String message,
                                 String authorUserName) {

    public StatusPostComplete {
        id = Lists.text(id);
        message = Lists.text(message);
        authorUserName = Lists.text(authorUserName);
    }
}
