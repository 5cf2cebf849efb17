package com.incidentconsole.client;

import com.incidentconsole.wire.User;
import com.incidentconsole.wire.UserAutocomplete;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Mattermost core users ({@code /api/v4/users}). */
public final class UsersApi {

    private final Rest rest;

    UsersApi(Rest rest) {
        this.rest = rest;
    }

    public User me() {
        return rest.get(Rest.V4 + "/users/me", rest.type(User.class));
    }

    /** Revokes the session whose token made this call. */
    void logout() {
        rest.send("POST", Rest.V4 + "/users/logout", null);
    }

    public User get(String id) {
        return rest.get(Rest.V4 + "/users/" + Rest.seg(id), rest.type(User.class));
    }

    public User byUsername(String username) {
        return rest.get(Rest.V4 + "/users/username/" + Rest.seg(username), rest.type(User.class));
    }

    /** Unknown ids are silently left out by the server; an empty input costs no request (the server would 400). */
    public List<User> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rest.call("POST", Rest.V4 + "/users/ids", List.of(), List.copyOf(ids), rest.listOf(User.class));
    }

    /** Users whose username or name starts with {@code term}; {@code teamId} may be empty for all teams. */
    public List<User> autocomplete(String term, String teamId) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(Map.entry("name", term));
        if (teamId != null && !teamId.isEmpty()) {
            query.add(Map.entry("team_id", teamId));
        }
        UserAutocomplete found = rest.get(Rest.V4 + "/users/autocomplete", query, rest.type(UserAutocomplete.class));
        return found.users();
    }

    public List<User> list(int page, int perPage) {
        return rest.get(Rest.V4 + "/users", paging(page, perPage), rest.listOf(User.class));
    }

    static List<Map.Entry<String, String>> paging(int page, int perPage) {
        return List.of(Map.entry("page", Integer.toString(page)), Map.entry("per_page", Integer.toString(perPage)));
    }
}
