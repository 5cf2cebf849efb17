package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code run}, {@code runs} and the computed {@code Run} fields ({@code graphql_root_run.go},
 * {@code graphql_run.go}). {@code runs} runs the store query without {@code Validate()}: an empty
 * sort is by id, directions are {@code ASC}/{@code DESC} exactly, metric sorts fail without a
 * playbook, no page size means 10000 and the cursor is a page number. Callers hold the state lock.
 */
final class RunQueries {

    private static final int ALL = 10000;

    private final SandboxState state;
    private final Access access;
    private final Favorites favorites;
    private final ObjectMapper mapper;

    RunQueries(SandboxState state, Access access, Favorites favorites, ObjectMapper mapper) {
        this.state = state;
        this.access = access;
        this.favorites = favorites;
        this.mapper = mapper;
    }

    RunNode run(DataFetchingEnvironment env) {
        String userId = GraphQlEndpoint.userId(env);
        RunEntity run = access.requireView(userId, env.getArgument("id"));
        return node(run, false);
    }

    Map<String, Object> runs(DataFetchingEnvironment env) {
        String userId = GraphQlEndpoint.userId(env);
        String teamId = env.getArgumentOrDefault("teamID", "");
        List<String> statuses = env.getArgumentOrDefault("statuses", List.of());
        List<String> types = env.getArgumentOrDefault("types", List.of());
        String member = env.getArgumentOrDefault("participantOrFollowerID", "");
        String who = "me".equals(member) ? userId : member;
        String channelId = env.getArgumentOrDefault("channelID", "");
        boolean omitEnded = Boolean.TRUE.equals(env.getArgument("omitEnded"));
        Integer first = env.getArgument("first");
        String after = env.getArgument("after");
        int perPage = first == null ? ALL : Math.max(first, 0);
        int page = 0;
        if (after != null) {
            try {
                page = Integer.parseInt(after);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unable to decode cursor");
            }
        }
        Comparator<RunEntity> order = order(env.getArgumentOrDefault("sort", ""),
                env.getArgumentOrDefault("direction", ""));
        List<RunEntity> matching = new ArrayList<>();
        for (RunEntity run : state.runs().values()) {
            if (!access.canView(userId, run)
                    || !teamId.isEmpty() && !run.teamId.equals(teamId)
                    || !statuses.isEmpty() && !statuses.contains(run.currentStatus)
                    || !types.isEmpty() && !types.contains(run.type)
                    || !channelId.isEmpty() && !run.channelId.equals(channelId)
                    || omitEnded && run.endAt != 0) {
                continue;
            }
            // IncludeFavorites: "my runs" also holds the runs the user marked as favourite.
            if (!who.isEmpty() && !run.participantIds.contains(who) && !run.followers.contains(who)
                    && !favorites.isFavorite(who, run.id)) {
                continue;
            }
            matching.add(run);
        }
        matching.sort(order);
        int total = matching.size();
        int start = Math.max(page, 0) * perPage;
        List<RunEntity> items = matching.subList(Math.min(start, total), Math.min(start + perPage, total));
        int pageCount = perPage > 0 ? (total + perPage - 1) / perPage : 0;
        List<Map<String, Object>> edges = new ArrayList<>();
        for (RunEntity run : items) {
            // The edge cursor is the page count for every edge (RunConnectionResolver.Edges).
            edges.add(Map.of("cursor", Integer.toString(pageCount), "node", node(run, true)));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page + 1 < pageCount);
        pageInfo.put("startCursor", items.isEmpty() ? "" : Integer.toString(page));
        pageInfo.put("endCursor", items.isEmpty() ? "" : Integer.toString(page + 1));
        return Map.of("totalCount", total, "edges", edges, "pageInfo", pageInfo);
    }

    /** {@code NumTasks}: items a condition hides do not count. */
    static int numTasks(RunNode node) {
        return (int) items(node.run()).count();
    }

    /** {@code NumTasksClosed}: closed and skipped items, unlike the REST counters. */
    static int numTasksClosed(RunNode node) {
        return (int) items(node.run()).filter(it -> it.isDone() || it.isSkipped()).count();
    }

    /** {@code LastUpdatedAt}: the last timeline event's time, or the creation time (always so from {@code runs}). */
    static double lastUpdatedAt(RunNode node) {
        List<TimelineEvent> events = node.listed() ? List.of() : node.run().toWire().timelineEvents();
        return events.isEmpty() ? node.run().createAt : events.get(events.size() - 1).eventAt();
    }

    boolean isFavorite(DataFetchingEnvironment env) {
        RunNode node = env.getSource();
        return favorites.isFavorite(GraphQlEndpoint.userId(env), node.run().id);
    }

    /** {@code Followers} reads the run metadata, which lists followers for every viewer. */
    static List<String> followers(RunNode node) {
        return List.copyOf(node.run().followers);
    }

    /** The playbooks loader only finds unarchived playbooks the user may view; otherwise {@code null}. */
    Object playbook(DataFetchingEnvironment env) {
        RunNode node = env.getSource();
        ObjectNode playbook = state.playbooks().get(node.run().playbookId);
        if (playbook == null || playbook.path("delete_at").asLong() != 0
                || !access.canViewPlaybook(GraphQlEndpoint.userId(env), node.run().playbookId)) {
            return null;
        }
        return playbook;
    }

    RunNode node(RunEntity run, boolean listed) {
        PlaybookRun wire = run.toWire();
        return new RunNode(mapper.valueToTree(wire), run, listed);
    }

    private static java.util.stream.Stream<ChecklistItem> items(RunEntity run) {
        return run.checklists.stream().map(Checklist::items).flatMap(List::stream).filter(it -> !it.isHidden());
    }

    private static Comparator<RunEntity> order(String sort, String direction) {
        Function<RunEntity, Comparable<?>> key = switch (sort) {
            case "", "id" -> r -> r.id;
            case "create_at" -> r -> r.createAt;
            case "name" -> r -> r.name;
            case "owner_user_id" -> r -> r.ownerUserId;
            case "team_id" -> r -> r.teamId;
            case "end_at" -> r -> r.endAt;
            case "status" -> r -> r.currentStatus;
            case "last_status_update_at" -> r -> r.lastStatusUpdateAt;
            case "metric0", "metric1", "metric2", "metric3" ->
                    throw new IllegalArgumentException("sorting by metric requires either a playbook_id or run_id");
            default -> throw new IllegalArgumentException("unsupported sort parameter '" + sort + "'");
        };
        if (!direction.isEmpty() && !direction.equals("ASC") && !direction.equals("DESC")) {
            throw new IllegalArgumentException("unsupported direction parameter '" + direction + "'");
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<RunEntity> byKey = (a, b) -> ((Comparable) key.apply(a)).compareTo(key.apply(b));
        return direction.equals("DESC") ? byKey.reversed() : byKey;
    }
}
