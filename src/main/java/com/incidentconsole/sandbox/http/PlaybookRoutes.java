package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.playbooks.PlaybookService;
import com.incidentconsole.sandbox.playbooks.PlaybookStatistics;
import com.incidentconsole.sandbox.runs.Access;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.PlaybooksPage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Playbook, settings and stats routes (playbooks-api.md §3). */
public final class PlaybookRoutes {

    private static final String B = "/plugin/playbooks";
    private static final Router.Area P = Router.Area.PLUGIN;

    private final SandboxState state;
    private final Access access;
    private final PlaybookService playbooks;

    public PlaybookRoutes(SandboxState state, Access access, PlaybookService playbooks) {
        this.state = state;
        this.access = access;
        this.playbooks = playbooks;
    }

    public void register(Router router) {
        router.add("GET", B, P, this::list)
                .add("POST", B, P, c -> {
                    String id = state.locked(() -> playbooks.create(c.userId(), c.body(ObjectNode.class), false));
                    return Reply.json(201, Map.of("id", id)).withHeader("Location", location(id));
                })
                .add("POST", B + "/import", P, c -> {
                    String id = state.locked(() ->
                            playbooks.importPlaybook(c.userId(), c.query("team_id"), c.body(ObjectNode.class)));
                    return Reply.json(201, Map.of("id", id)).withHeader("Location", location(id));
                })
                .add("GET", B + "/{id}", P, c -> Reply.ok(state.locked(() ->
                        playbooks.view(playbooks.requireViewable(c.userId(), c.param("id"))))))
                .add("PUT", B + "/{id}", P, c -> {
                    state.locked(() -> playbooks.replace(c.userId(), c.param("id"), c.body(ObjectNode.class)));
                    return Reply.empty(200);
                })
                .add("PATCH", B + "/{id}", P, c -> {
                    state.locked(() -> playbooks.patch(c.userId(), c.param("id"), c.body(ObjectNode.class)));
                    return Reply.empty(204);
                })
                .add("DELETE", B + "/{id}", P, c -> {
                    state.locked(() -> playbooks.archive(c.userId(), c.param("id"), true));
                    return Reply.empty(204);
                })
                .add("PUT", B + "/{id}/restore", P, c -> {
                    state.locked(() -> playbooks.archive(c.userId(), c.param("id"), false));
                    return Reply.empty(204);
                })
                .add("POST", B + "/{id}/duplicate", P, c -> Reply.json(201, Map.of("id",
                        state.locked(() -> playbooks.duplicate(c.userId(), c.param("id"))))))
                .add("GET", B + "/{id}/export", P, c -> Reply.ok(state.locked(() ->
                        playbooks.export(c.userId(), c.param("id")))))
                .add("GET", "/plugin/settings", P, c -> Reply.ok(Map.of("enable_experimental_features", false)))
                // playbookStats (server/api/stats.go): parsePlaybookStatsFilters refuses a missing id before any permission check.
                .add("GET", "/plugin/stats/playbook", P, c -> Reply.ok(state.locked(() -> {
                    if (c.query("playbook_id").isEmpty()) {
                        throw new Rejection(400, "Bad filters");
                    }
                    Playbook playbook = playbooks.view(playbooks.requireViewable(c.userId(), c.query("playbook_id")));
                    return PlaybookStatistics.of(state.runs().values().stream()
                            .filter(r -> r.playbookId.equals(playbook.id())).toList(), playbook.metrics(), state.now());
                })))
                .add("GET", "/plugin/stats/site", P, c -> {
                    if (!access.isSystemAdmin(c.userId())) {
                        throw Rejection.notAuthorized();
                    }
                    return Reply.ok(state.locked(() -> Map.of("total_playbooks", state.playbooks().size(),
                            "total_playbook_runs", state.runs().size())));
                });
    }

    /**
     * {@code makeAPIURL(pluginAPI, "playbooks/%s", id)} (server/api/urls.go): the site URL's path (empty for
     * the sandbox, served at the root) joined with {@code plugins/playbooks/api/v0}; createPlaybook and
     * importPlaybook both set it (server/api/playbooks.go). Runs use a bare "/api/v0/runs/..." instead.
     */
    private static String location(String playbookId) {
        return SandboxHandler.PLUGIN_PREFIX + "/playbooks/" + playbookId;
    }

    private Reply list(Call c) {
        String teamId = c.query("team_id");
        int page = c.query("page").isEmpty() ? 0 : Integer.parseInt(c.query("page"));
        int perPage = c.query("per_page").isEmpty() || "0".equals(c.query("per_page")) ? 1000
                : Integer.parseInt(c.query("per_page"));
        if (page < 0 || perPage < 0) {
            throw new Rejection(400, "Bad parameter");
        }
        boolean withArchived = "true".equals(c.query("with_archived"));
        String term = c.query("search_term").toLowerCase(Locale.ROOT);
        Comparator<Playbook> order = switch (c.query("sort").toLowerCase(Locale.ROOT)) {
            case "", "title" -> Comparator.comparing(Playbook::title);
            case "stages" -> Comparator.comparingLong(Playbook::numStages);
            case "steps" -> Comparator.comparingLong(Playbook::numSteps);
            case "runs" -> Comparator.comparingLong(Playbook::numRuns);
            case "last_run_at" -> Comparator.comparingLong(Playbook::lastRunAt);
            case "active_runs" -> Comparator.comparingLong(Playbook::activeRuns);
            default -> throw new Rejection(400, "Bad parameter");
        };
        if ("desc".equalsIgnoreCase(c.query("direction"))) {
            order = order.reversed();
        }
        Comparator<Playbook> sorted = order;
        return Reply.ok(state.locked(() -> {
            List<ObjectNode> candidates = state.playbooks().values().stream()
                    .filter(p -> teamId.isEmpty() || p.path("team_id").asText().equals(teamId))
                    .filter(p -> withArchived || p.path("delete_at").asLong() == 0)
                    .filter(p -> term.isEmpty() || p.path("title").asText().toLowerCase(Locale.ROOT).contains(term))
                    .toList();
            List<Playbook> visible = candidates.stream()
                    .filter(p -> access.canViewPlaybook(c.userId(), p.path("id").asText()))
                    .map(playbooks::view).sorted(sorted).toList();
            long total = candidates.size();
            long pageCount = (total + perPage - 1) / perPage;
            List<Playbook> items = visible.stream().skip((long) page * perPage).limit(perPage).toList();
            return new PlaybooksPage(total, pageCount, page + 1 < pageCount, items);
        }));
    }
}
