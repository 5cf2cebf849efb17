package com.incidentconsole.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filters of {@code GET /runs}, immutable, built with withers: {@code RunQuery.all().team(t).owner("me")}.
 * Empty strings, empty lists, {@code since == 0} and {@code perPage == 0} mean "not set" and are not sent;
 * the server's defaults then apply (per page 1000, sorted by {@code create_at} ascending).
 */
public record RunQuery(
        String teamId,
        List<String> statuses,
        String ownerUserId,
        String participantId,
        String participantOrFollowerId,
        String searchTerm,
        String playbookId,
        String channelId,
        long since,
        List<String> types,
        boolean withoutEnded,
        String sort,
        String direction,
        int page,
        int perPage) {

    /** Used by {@code listAll} when the query does not say: full runs are heavy, so keep pages modest. */
    static final int DEFAULT_PAGE_SIZE = 100;

    public RunQuery {
        teamId = text(teamId);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        ownerUserId = text(ownerUserId);
        participantId = text(participantId);
        participantOrFollowerId = text(participantOrFollowerId);
        searchTerm = text(searchTerm);
        playbookId = text(playbookId);
        channelId = text(channelId);
        types = types == null ? List.of() : List.copyOf(types);
        sort = text(sort);
        direction = text(direction);
        if (page < 0 || perPage < 0 || since < 0) {
            throw new IllegalArgumentException("page, perPage and since must be >= 0");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public static RunQuery all() {
        return new RunQuery("", List.of(), "", "", "", "", "", "", 0, List.of(), false, "", "", 0, 0);
    }

    public RunQuery team(String id) {
        return new RunQuery(id, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm, playbookId,
                channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    /** {@code InProgress} and/or {@code Finished}. */
    public RunQuery statuses(String... values) {
        return new RunQuery(teamId, List.of(values), ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    /** A user id or {@code "me"}. */
    public RunQuery owner(String idOrMe) {
        return new RunQuery(teamId, statuses, idOrMe, participantId, participantOrFollowerId, searchTerm, playbookId,
                channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    public RunQuery participant(String idOrMe) {
        return new RunQuery(teamId, statuses, ownerUserId, idOrMe, participantOrFollowerId, searchTerm, playbookId,
                channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    public RunQuery participantOrFollower(String idOrMe) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, idOrMe, searchTerm, playbookId, channelId,
                since, types, withoutEnded, sort, direction, page, perPage);
    }

    public RunQuery search(String term) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, term, playbookId,
                channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    public RunQuery playbook(String id) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm, id,
                channelId, since, types, withoutEnded, sort, direction, page, perPage);
    }

    public RunQuery channel(String id) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, id, since, types, withoutEnded, sort, direction, page, perPage);
    }

    /** Runs with any activity since this epoch-ms timestamp: the delta sync after a reconnect. */
    public RunQuery since(long epochMillis) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, epochMillis, types, withoutEnded, sort, direction, page, perPage);
    }

    /** {@code playbook} and/or {@code channelChecklist}. */
    public RunQuery types(String... values) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, since, List.of(values), withoutEnded, sort, direction, page, perPage);
    }

    /** Only runs that have not ended ({@code end_at == 0}); the component is {@link #withoutEnded()}. */
    public RunQuery omitEnded() {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, since, types, true, sort, direction, page, perPage);
    }

    /** E.g. {@code sort("last_status_update_at", "desc")}. */
    public RunQuery sort(String field, String sortDirection) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, since, types, withoutEnded, field, sortDirection, page, perPage);
    }

    public RunQuery page(int newPage, int newPerPage) {
        return new RunQuery(teamId, statuses, ownerUserId, participantId, participantOrFollowerId, searchTerm,
                playbookId, channelId, since, types, withoutEnded, sort, direction, newPage, newPerPage);
    }

    /** The query string pairs, in the server's parameter names; repeated keys for lists. */
    public List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        put(out, "team_id", teamId);
        statuses.forEach(s -> put(out, "statuses", s));
        put(out, "owner_user_id", ownerUserId);
        put(out, "participant_id", participantId);
        // Not "participant_or_follower" as the Go client's struct tag says: the server reads this name.
        put(out, "participant_or_follower_id", participantOrFollowerId);
        put(out, "search_term", searchTerm);
        put(out, "playbook_id", playbookId);
        put(out, "channel_id", channelId);
        if (since > 0) {
            put(out, "since", Long.toString(since));
        }
        types.forEach(t -> put(out, "types", t));
        if (withoutEnded) {
            put(out, "omit_ended", "true");
        }
        put(out, "sort", sort);
        put(out, "direction", direction);
        if (page > 0 || perPage > 0) {
            put(out, "page", Integer.toString(page));
        }
        if (perPage > 0) {
            put(out, "per_page", Integer.toString(perPage));
        }
        return List.copyOf(out);
    }

    private static void put(List<Map.Entry<String, String>> out, String key, String value) {
        if (!value.isEmpty()) {
            out.add(Map.entry(key, value));
        }
    }
}
