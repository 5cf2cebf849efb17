package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.RunMetadata;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Playbook runs ({@code /plugins/playbooks/api/v0/runs}); checklist edits live in {@link ChecklistApi}. */
public final class RunsApi {

    private final Rest rest;

    RunsApi(Rest rest) {
        this.rest = rest;
    }

    private static String run(String id) {
        return Rest.PLUGIN + "/runs/" + Rest.seg(id);
    }

    public RunsPage list(RunQuery query) {
        return rest.get(Rest.PLUGIN + "/runs", query.parameters(), rest.type(RunsPage.class));
    }

    /**
     * Every page from {@code query.page()} on, following {@code has_more}. Runs created while paging
     * can shift pages, so a caller that needs exactness dedupes by id (the store does).
     */
    public List<PlaybookRun> listAll(RunQuery query) {
        int perPage = query.perPage() > 0 ? query.perPage() : RunQuery.DEFAULT_PAGE_SIZE;
        List<PlaybookRun> all = new ArrayList<>();
        int page = query.page();
        while (true) {
            RunsPage result = list(query.page(page, perPage));
            all.addAll(result.items());
            // An empty page with has_more would loop forever on a misbehaving server.
            if (!result.hasMore() || result.items().isEmpty()) {
                return List.copyOf(all);
            }
            page++;
        }
    }

    /**
     * As {@link #listAll}, each run exactly as the server sent it (every field, also those {@link PlaybookRun}
     * does not model): for output that promises "the server's JSON".
     */
    public List<ObjectNode> listAllDocuments(RunQuery query) {
        int perPage = query.perPage() > 0 ? query.perPage() : RunQuery.DEFAULT_PAGE_SIZE;
        List<ObjectNode> all = new ArrayList<>();
        for (int page = query.page(); ; page++) {
            JsonNode result = rest.get(Rest.PLUGIN + "/runs", query.page(page, perPage).parameters(),
                    rest.type(ObjectNode.class));
            JsonNode items = result.path("items");
            items.forEach(item -> {
                if (item instanceof ObjectNode run) {
                    all.add(run);
                }
            });
            if (!result.path("has_more").asBoolean(false) || items.isEmpty()) {
                return List.copyOf(all);
            }
        }
    }

    /** The run exactly as the server sent it. */
    public ObjectNode getDocument(String id) {
        return rest.get(run(id), rest.type(ObjectNode.class));
    }

    /** The status updates exactly as the server sent them, newest first. */
    public JsonNode statusUpdatesDocument(String id) {
        return rest.get(run(id) + "/status-updates", rest.type(JsonNode.class));
    }

    public PlaybookRun get(String id) {
        return rest.get(run(id), rest.type(PlaybookRun.class));
    }

    /** Answers 201 with the full run; the server also sends {@code playbook_run_created} to the run channel. */
    public PlaybookRun create(RunCreateOptions options) {
        return rest.call("POST", Rest.PLUGIN + "/runs", List.of(), new Rest.Once(options), rest.type(PlaybookRun.class));
    }

    /** Renames and/or sets the summary; a {@code null} argument leaves that field unchanged. */
    public PlaybookRun patch(String id, String name, String summary) {
        return rest.call("PATCH", run(id), List.of(), new RunRequests.RunPatch(name, summary),
                rest.type(PlaybookRun.class));
    }

    public void finish(String id) {
        rest.send("PUT", run(id) + "/finish", null);
    }

    public void restore(String id) {
        rest.send("PUT", run(id) + "/restore", null);
    }

    public void changeOwner(String id, String userId) {
        rest.send("POST", run(id) + "/owner", new RunRequests.OwnerChange(userId));
    }

    /** Newest first. */
    public List<StatusPostComplete> statusUpdates(String id) {
        return rest.get(run(id) + "/status-updates", rest.listOf(StatusPostComplete.class));
    }

    /**
     * {@code reminderSeconds} must be > 0 unless {@code finishRun}. The server answers {@code {"status":"OK"}}
     * without the post's id: the new entry of the run's {@code status_posts} is it. Sent at most once.
     */
    public void postStatusUpdate(String id, String message, long reminderSeconds, boolean finishRun) {
        rest.send("POST", run(id) + "/status",
                new Rest.Once(new RunRequests.StatusUpdate(message, reminderSeconds, finishRun)));
    }

    /**
     * Restarts the reminder: the next update is due {@code seconds} from now, the bot's reminder post goes, a
     * {@code status_update_snoozed} event is added (api/playbook_runs.go reminderReset → ResetReminder). Sent at
     * most once: a repeat adds a second event.
     */
    public void resetReminder(String id, long seconds) {
        rest.send("POST", run(id) + "/reminder", new Rest.Once(new RunRequests.Reminder(seconds)));
    }

    /** Posts a request message to the run's channel; sent at most once. */
    public void requestUpdate(String id) {
        rest.send("POST", run(id) + "/request-update", new Rest.Once(null));
    }

    /**
     * Whether status updates are also posted to the run's broadcast channels. The real server has no REST
     * route for it, only the GraphQL {@code updateRun} mutation (api/graphql_root_run.go: UpdateRun), which
     * answers 200 with {@code errors} when it refuses.
     */
    public void setStatusBroadcast(String id, boolean enabled) {
        mutate("UpdateRun", "mutation UpdateRun($id: String!, $updates: RunUpdates!) "
                + "{ updateRun(id: $id, updates: $updates) }",
                Map.of("id", id, "updates", Map.of("statusUpdateBroadcastChannelsEnabled", enabled)));
    }

    // runops (ADR 0025): participants, as the web app changes them — GraphQL only, the server has no REST route.

    /**
     * Adds people to the run's participants ({@code addRunParticipants}, api/graphql_root_run.go
     * AddRunParticipants): also to its channel when the run says so. Adding a participant again changes nothing.
     */
    public void addParticipants(String id, List<String> userIds) {
        mutate("AddRunParticipants", "mutation AddRunParticipants($runID: String!, $userIDs: [String!]!) "
                + "{ addRunParticipants(runID: $runID, userIDs: $userIDs, forceAddToChannel: false) }",
                Map.of("runID", id, "userIDs", List.copyOf(userIds)));
    }

    /** Removes people from the participants ({@code removeRunParticipants}); they stop following it too. */
    public void removeParticipants(String id, List<String> userIds) {
        mutate("RemoveRunParticipants", "mutation RemoveRunParticipants($runID: String!, $userIDs: [String!]!) "
                + "{ removeRunParticipants(runID: $runID, userIDs: $userIDs) }",
                Map.of("runID", id, "userIDs", List.copyOf(userIds)));
    }

    /** A GraphQL mutation; the server answers 200 with {@code errors} when it refuses, made a {@link ServerError} here. */
    private void mutate(String operation, String query, Map<String, Object> variables) {
        Map<String, Object> body = Map.of("operationName", operation, "query", query, "variables", variables);
        JsonNode answer = rest.call("POST", Rest.PLUGIN + "/query", List.of(), body, rest.type(JsonNode.class));
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new ServerError(200, "", errors.get(0).path("message").asText("GraphQL error"), "", "POST",
                    Rest.PLUGIN + "/query", Optional.empty());
        }
    }

    /**
     * Adds {@code postId} to the run's timeline as an {@code event_from_post} event dated by the post, the only
     * way the real server offers to add an event (api/playbook_runs.go: addToTimelineDialog, an interactive
     * dialog submission; {@code userId} must be the caller's). Answers 200 with no body; sent at most once.
     */
    public void addPostToTimeline(String runId, String userId, String postId, String summary) {
        Map<String, Object> submission = Map.of("playbook_run", runId, "summary", summary);
        String state = rest.mapper().createObjectNode().put("post_id", postId).toString();
        Map<String, Object> body = Map.of("user_id", userId, "callback_id", "", "state", state,
                "submission", submission, "cancelled", false);
        rest.send("POST", Rest.PLUGIN + "/runs/add-to-timeline-dialog", new Rest.Once(body));
    }

    public RunMetadata metadata(String id) {
        return rest.get(run(id) + "/metadata", rest.type(RunMetadata.class));
    }

    public List<String> followers(String id) {
        return rest.get(run(id) + "/followers", rest.listOf(String.class));
    }

    public void follow(String id) {
        rest.send("PUT", run(id) + "/followers", null);
    }

    public void unfollow(String id) {
        rest.send("DELETE", run(id) + "/followers", null);
    }

    public void saveRetrospective(String id, String text, List<RunMetricData> metrics) {
        rest.send("POST", run(id) + "/retrospective", new RunRequests.Retrospective(text, List.copyOf(metrics)));
    }

    public void publishRetrospective(String id, String text, List<RunMetricData> metrics) {
        // Once: publishing posts to the channel, so a lost answer must not be resent by the HTTP client.
        rest.send("POST", run(id) + "/retrospective/publish",
                new Rest.Once(new RunRequests.Retrospective(text, List.copyOf(metrics))));
    }

    public void deleteTimelineEvent(String id, String eventId) {
        rest.send("DELETE", run(id) + "/timeline/" + Rest.seg(eventId), null);
    }

    // runlist: which runs the user can still see, cheaply, for a catch-up to drop the ones gone.
    /**
     * The ids of every run the user can see, or empty when the server could not list them in one answer
     * (more than its page of 10000). REST has no id-only listing; the GraphQL {@code runs} query
     * (api/graphql_root_run.go: Runs) with only {@code id} selected is a few bytes a run, where the REST
     * list is a whole run with its timeline. Without {@code first} the server answers "everything"
     * (10000); a bigger list is not paged here, as runs deleted while paging would shift pages and look gone.
     */
    public Optional<java.util.Set<String>> visibleRunIds() {
        Map<String, Object> body = Map.of("operationName", "VisibleRunIds",
                "query", "query VisibleRunIds { runs { totalCount edges { node { id } } pageInfo { hasNextPage } } }",
                "variables", Map.of());
        JsonNode answer = rest.call("POST", Rest.PLUGIN + "/query", List.of(), body, rest.type(JsonNode.class));
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new ServerError(200, "", errors.get(0).path("message").asText("GraphQL error"), "", "POST",
                    Rest.PLUGIN + "/query", Optional.empty());
        }
        JsonNode runs = answer.path("data").path("runs");
        if (!runs.path("edges").isArray() || runs.path("pageInfo").path("hasNextPage").asBoolean(true)) {
            return Optional.empty();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        runs.path("edges").forEach(edge -> ids.add(edge.path("node").path("id").asText()));
        return Optional.of(ids);
    }

    // retro (issue 16): the retrospective's cancel and switch, as the web app's buttons call them.

    /** {@code POST /runs/{id}/no-retrospective-button}: "No retrospective for this run.", published and canceled. */
    public void cancelRetrospective(String id) {
        rest.send("POST", run(id) + "/no-retrospective-button", new Rest.Once(null));
    }

    /** {@code PUT /runs/{id}/retrospective-enabled}; the same value again is a no-op on the server. */
    public void setRetrospectiveEnabled(String id, boolean enabled) {
        rest.send("PUT", run(id) + "/retrospective-enabled", java.util.Map.of("retrospective_enabled", enabled));
    }
}
