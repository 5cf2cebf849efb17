package com.incidentconsole.playbook.library.store;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the library remembers about where a file came from, so push can detect remote changes and merge.
 *
 * @param serverUrl site URL of the Mattermost server, e.g. {@code https://chat.example.com}
 * @param playbookId the playbook's id on that server (an export must not contain it, so it lives here)
 * @param updateAt the server's {@code update_at} (ms) at pull time; push compares it with the current one
 *     because the server itself never checks (PUT is last-writer-wins)
 * @param base the file content as pulled: the merge base for a three-way merge
 *
 * <p>The sidecar's key names are pinned here, not left to the mapper's naming strategy: the app and the
 * command line must read each other's sidecar whatever mapper each was given.
 */
public record SyncRecord(@JsonProperty("server_url") String serverUrl,
                         @JsonProperty("playbook_id") String playbookId,
                         @JsonProperty("update_at") long updateAt,
                         @JsonProperty("base") String base) {
}
