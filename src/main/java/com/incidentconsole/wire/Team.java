package com.incidentconsole.wire;

/** A Mattermost team; {@code type} is "O" (open) or "I" (invite only). */
public record Team(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String displayName,
        String name,
        String description,
        String email,
        String type,
        boolean allowOpenInvite) {

    public Team {
        id = Lists.text(id);
        displayName = Lists.text(displayName);
        name = Lists.text(name);
        description = Lists.text(description);
        email = Lists.text(email);
        type = Lists.text(type);
    }
}
