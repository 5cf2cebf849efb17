package com.incidentconsole.wire;

/** A Mattermost user as returned by {@code /api/v4/users/...} (sanitised: no password or auth data). */
public record User(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String username,
        String email,
        String nickname,
        String firstName,
        String lastName,
        String position,
        String roles,
        String locale,
        boolean isBot) {

    public User {
        id = Lists.text(id);
        username = Lists.text(username);
        email = Lists.text(email);
        nickname = Lists.text(nickname);
        firstName = Lists.text(firstName);
        lastName = Lists.text(lastName);
        position = Lists.text(position);
        roles = Lists.text(roles);
        locale = Lists.text(locale);
    }

    /** "First Last" when the user has a name, otherwise the username; never empty for a real user. */
    public String displayName() {
        String full = (firstName + " " + lastName).strip();
        return full.isEmpty() ? username : full;
    }
}
