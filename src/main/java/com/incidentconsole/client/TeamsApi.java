package com.incidentconsole.client;

import com.incidentconsole.wire.Team;
import java.util.List;

/** Mattermost core teams. */
public final class TeamsApi {

    private final Rest rest;

    TeamsApi(Rest rest) {
        this.rest = rest;
    }

    /** The teams the signed-in user belongs to. */
    public List<Team> mine() {
        return rest.get(Rest.V4 + "/users/me/teams", rest.listOf(Team.class));
    }

    public Team get(String id) {
        return rest.get(Rest.V4 + "/teams/" + Rest.seg(id), rest.type(Team.class));
    }
}
