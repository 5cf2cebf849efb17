package com.incidentconsole.wire;

import java.util.List;

/** {@code GET /api/v4/users/autocomplete}: matches, and with a {@code channel_id} those outside the channel. */
public record UserAutocomplete(List<User> users, List<User> outOfChannel) {

    public UserAutocomplete {
        users = Lists.of(users);
        outOfChannel = Lists.of(outOfChannel);
    }
}
