package com.incidentconsole.wire;

import java.util.Map;

/**
 * Who an event is for. The server always serialises every key (empty strings, {@code omit_users}
 * possibly null); the console only reads it, the sandbox uses it to filter recipients.
 */
public record Broadcast(
        Map<String, Boolean> omitUsers,
        String userId,
        String channelId,
        String teamId,
        String connectionId,
        String omitConnectionId) {

    public Broadcast {
        omitUsers = omitUsers == null ? null : Map.copyOf(omitUsers);
        userId = Lists.text(userId);
        channelId = Lists.text(channelId);
        teamId = Lists.text(teamId);
        connectionId = Lists.text(connectionId);
        omitConnectionId = Lists.text(omitConnectionId);
    }

    public static Broadcast toUser(String userId) {
        return new Broadcast(null, userId, "", "", "", "");
    }

    public static Broadcast toChannel(String channelId) {
        return new Broadcast(null, "", channelId, "", "", "");
    }

    public static Broadcast toTeam(String teamId) {
        return new Broadcast(null, "", "", teamId, "", "");
    }

    public static Broadcast toEveryone() {
        return new Broadcast(null, "", "", "", "", "");
    }
}
