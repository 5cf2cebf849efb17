package com.incidentconsole.wire;

/** A Mattermost channel; {@code type} is "O" public, "P" private, "D" direct, "G" group. */
public record Channel(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String teamId,
        String type,
        String displayName,
        String name,
        String header,
        String purpose,
        long lastPostAt,
        long totalMsgCount,
        String creatorId) {

    public Channel {
        id = Lists.text(id);
        teamId = Lists.text(teamId);
        type = Lists.text(type);
        displayName = Lists.text(displayName);
        name = Lists.text(name);
        header = Lists.text(header);
        purpose = Lists.text(purpose);
        creatorId = Lists.text(creatorId);
    }
}
