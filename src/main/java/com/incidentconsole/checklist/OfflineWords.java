package com.incidentconsole.checklist;

import java.util.regex.Pattern;

/**
 * Network trouble in the words a user can act on. The outbox records why an action waits in the words of
 * the client ("Waiting for the server: PUT /plugins/playbooks/api/v0/runs/…: connection refused"), which
 * is right for the log and wrong under a checklist item at 4 AM (issue #14 item 9).
 */
final class OfflineWords {

    private static final Pattern REQUEST = Pattern.compile("\\b(GET|PUT|POST|DELETE|PATCH) /\\S*:?\\s*");

    private OfflineWords() {
    }

    /** Whether the reason says the server could not be reached (no answer at all), rather than what it said. */
    static boolean isUnreachable(String reason) {
        return reason.startsWith("Waiting for the server") || reason.startsWith("Could not reach the server");
    }

    /** The reason without any request method and path in it. */
    static String withoutPaths(String reason) {
        return REQUEST.matcher(reason).replaceAll("").strip();
    }
}
