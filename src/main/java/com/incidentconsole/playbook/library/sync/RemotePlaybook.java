package com.incidentconsole.playbook.library.sync;

/**
 * A server playbook as the pull picker lists it.
 *
 * @param teamName the team's display name, or its id when the team is not one of the user's
 * @param updateAt the server's {@code update_at} (ms), shown as "last update"
 */
public record RemotePlaybook(String id, String title, String teamId, String teamName, long updateAt) {
}
