package com.incidentconsole.playbook.library.store;

/**
 * What the library remembers about where a file came from, so push can detect remote changes and merge.
 *
 * @param serverUrl site URL of the Mattermost server, e.g. {@code https://chat.example.com}
 * @param playbookId the playbook's id on that server (an export must not contain it, so it lives here)
 * @param updateAt the server's {@code update_at} (ms) at pull time; push compares it with the current one
 *     because the server itself never checks (PUT is last-writer-wins)
 * @param base the file content as pulled: the merge base for a three-way merge
 */
public record SyncRecord(String serverUrl, String playbookId, long updateAt, String base) {
}
