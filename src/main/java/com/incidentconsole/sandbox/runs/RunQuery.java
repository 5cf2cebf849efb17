package com.incidentconsole.sandbox.runs;

import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.RunsPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code GET /runs}: the filter options of {@code parsePlaybookRunsFilterOptions} with the same
 * validation, visibility filtered by the requester's permissions, then sorted and paged.
 */
public final class RunQuery {

    static final int PER_PAGE_DEFAULT = 1000;
    private static final Set<String> SORTS = Set.of("create_at", "id", "name", "owner_user_id", "team_id", "end_at",
            "status", "last_status_update_at", "metric0", "metric1", "metric2", "metric3");

    private final SandboxState state;
    private final Access access;

    public RunQuery(SandboxState state, Access access) {
        this.state = state;
        this.access = access;
    }

    public RunsPage list(String userId, Map<String, List<String>> query) {
        int page = intParam(query, "page", 0);
        int perPage = intParam(query, "per_page", 0);
        if (page < 0) {
            throw bad();
        }
        if (perPage <= 0) {
            perPage = PER_PAGE_DEFAULT;
        }
        String sort = one(query, "sort").toLowerCase(Locale.ROOT);
        sort = sort.isEmpty() ? "create_at" : sort;
        String direction = one(query, "direction").toLowerCase(Locale.ROOT);
        if (!SORTS.contains(sort) || !(direction.isEmpty() || direction.equals("asc") || direction.equals("desc"))) {
            throw bad();
        }
        Predicate<RunEntity> filter = filter(userId, query);
        Comparator<RunEntity> order = comparator(sort);
        if (direction.equals("desc")) {
            order = order.reversed();
        }
        int first = page * perPage;
        int size = perPage;
        Comparator<RunEntity> sorted = order;
        return state.locked(() -> {
            List<RunEntity> matching = new ArrayList<>();
            for (RunEntity run : state.runs().values()) {
                if (filter.test(run) && access.canView(userId, run)) {
                    matching.add(run);
                }
            }
            matching.sort(sorted);
            int total = matching.size();
            int pageCount = (total + size - 1) / size;
            List<PlaybookRun> items = matching.subList(Math.min(first, total), Math.min(first + size, total))
                    .stream().map(RunEntity::toWire).toList();
            return new RunsPage(total, pageCount, size, page + 1 < pageCount, items);
        });
    }

    private Predicate<RunEntity> filter(String userId, Map<String, List<String>> query) {
        List<Predicate<RunEntity>> tests = new ArrayList<>();
        String teamId = one(query, "team_id");
        if (!teamId.isEmpty()) {
            if (!IdSource.isValid(teamId)) {
                throw bad();
            }
            tests.add(r -> r.teamId.equals(teamId));
        }
        List<String> statuses = query.getOrDefault("statuses", List.of());
        for (String status : statuses) {
            if (!status.equals(PlaybookRun.STATUS_IN_PROGRESS) && !status.equals(PlaybookRun.STATUS_FINISHED)) {
                throw bad();
            }
        }
        if (!statuses.isEmpty()) {
            tests.add(r -> statuses.contains(r.currentStatus));
        }
        idFilter(query, "owner_user_id", userId).ifPresent(id -> tests.add(r -> r.ownerUserId.equals(id)));
        idFilter(query, "participant_id", userId).ifPresent(id -> tests.add(r -> r.participantIds.contains(id)));
        idFilter(query, "participant_or_follower_id", userId).ifPresent(id ->
                tests.add(r -> r.participantIds.contains(id) || r.followers.contains(id)));
        String term = one(query, "search_term").toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
            tests.add(r -> r.name.toLowerCase(Locale.ROOT).contains(term));
        }
        idFilter(query, "playbook_id", userId).ifPresent(id -> tests.add(r -> r.playbookId.equals(id)));
        String channelId = one(query, "channel_id");
        if (!channelId.isEmpty()) {
            if (!state.locked(() -> state.directory().isChannelMember(channelId, userId))
                    && !access.isSystemAdmin(userId)) {
                throw new Rejection(403, "Not authorized");
            }
            tests.add(r -> r.channelId.equals(channelId));
        }
        long activeGte = longParam(query, "active_gte");
        long activeLt = longParam(query, "active_lt");
        long startedGte = longParam(query, "started_gte");
        long startedLt = longParam(query, "started_lt");
        long since = longParam(query, "since");
        if (activeGte > 0) {
            tests.add(r -> r.endAt == 0 || r.endAt >= activeGte);
        }
        if (activeLt > 0) {
            tests.add(r -> r.createAt < activeLt);
        }
        if (startedGte > 0) {
            tests.add(r -> r.createAt >= startedGte);
        }
        if (startedLt > 0) {
            tests.add(r -> r.createAt < startedLt);
        }
        if (since > 0) {
            tests.add(r -> r.createAt >= since || r.updateAt >= since || r.endAt >= since);
        }
        List<String> types = query.getOrDefault("types", List.of());
        for (String type : types) {
            if (!type.equals(PlaybookRun.TYPE_PLAYBOOK) && !type.equals(PlaybookRun.TYPE_CHANNEL_CHECKLIST)) {
                throw bad();
            }
        }
        if (!types.isEmpty()) {
            tests.add(r -> types.contains(r.type));
        }
        if ("true".equalsIgnoreCase(one(query, "omit_ended"))) {
            tests.add(r -> r.endAt == 0);
        }
        return r -> tests.stream().allMatch(t -> t.test(r));
    }

    private static Comparator<RunEntity> comparator(String sort) {
        Function<RunEntity, Comparable<?>> key = switch (sort) {
            case "id" -> r -> r.id;
            case "name" -> r -> r.name;
            case "owner_user_id" -> r -> r.ownerUserId;
            case "team_id" -> r -> r.teamId;
            case "end_at" -> r -> r.endAt;
            case "status" -> r -> r.currentStatus;
            case "last_status_update_at" -> r -> r.lastStatusUpdateAt;
            case "metric0", "metric1", "metric2", "metric3" -> r -> metric(r, sort.charAt(6) - '0');
            default -> r -> r.createAt;
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<RunEntity> byKey = (a, b) -> ((Comparable) key.apply(a)).compareTo(key.apply(b));
        return byKey.thenComparing(r -> r.id);
    }

    private static long metric(RunEntity run, int index) {
        if (index >= run.metricsData.size()) {
            return Long.MIN_VALUE;
        }
        RunMetricData data = run.metricsData.get(index);
        return data.value() == null ? Long.MIN_VALUE : data.value();
    }

    private static java.util.Optional<String> idFilter(Map<String, List<String>> query, String name, String me) {
        String value = one(query, name);
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (value.equals("me")) {
            return java.util.Optional.of(me);
        }
        if (!IdSource.isValid(value)) {
            throw bad();
        }
        return java.util.Optional.of(value);
    }

    private static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).trim();
    }

    private static int intParam(Map<String, List<String>> query, String name, int fallback) {
        String v = one(query, name);
        try {
            return v.isEmpty() ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static long longParam(Map<String, List<String>> query, String name) {
        String v = one(query, name);
        try {
            return v.isEmpty() ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static Rejection bad() {
        return new Rejection(400, "Bad parameter");
    }
}
