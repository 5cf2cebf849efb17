package com.incidentconsole.sandbox.ws;

/** Membership questions the delivery filter (mattermost-core.md §1.9) needs; answered by the state. */
public interface Audience {

    boolean inChannel(String channelId, String userId);

    boolean inTeam(String teamId, String userId);

    /** The user a bearer token belongs to, or null when the token is unknown or revoked. */
    String userForToken(String token);
}
