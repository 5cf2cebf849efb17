package com.incidentconsole.wire;

/** A personal access token; {@code token} is only returned once, when the token is created. */
public record UserAccessToken(String id, String token, String userId, String description, boolean isActive) {

    public UserAccessToken {
        id = Lists.text(id);
        token = Lists.text(token);
        userId = Lists.text(userId);
        description = Lists.text(description);
    }

    @Override
    public String toString() {
        return "UserAccessToken[id=" + id + ", userId=" + userId + ", description=" + description
                + ", isActive=" + isActive + ", token=***]";
    }
}
