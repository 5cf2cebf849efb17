package com.incidentconsole.client;

import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.RunMetadata;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.RunRequests;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.StatusPostComplete;
import java.util.ArrayList;
import java.util.List;

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

    public PlaybookRun get(String id) {
        return rest.get(run(id), rest.type(PlaybookRun.class));
    }

    /** Answers 201 with the full run; the server also sends {@code playbook_run_created} to the run channel. */
    public PlaybookRun create(RunCreateOptions options) {
        return rest.call("POST", Rest.PLUGIN + "/runs", List.of(), options, rest.type(PlaybookRun.class));
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

    /** {@code reminderSeconds} must be > 0 unless {@code finishRun}. */
    public void postStatusUpdate(String id, String message, long reminderSeconds, boolean finishRun) {
        rest.send("POST", run(id) + "/status", new RunRequests.StatusUpdate(message, reminderSeconds, finishRun));
    }

    public void requestUpdate(String id) {
        rest.send("POST", run(id) + "/request-update", null);
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
        rest.send("POST", run(id) + "/retrospective/publish",
                new RunRequests.Retrospective(text, List.copyOf(metrics)));
    }

    public void deleteTimelineEvent(String id, String eventId) {
        rest.send("DELETE", run(id) + "/timeline/" + Rest.seg(eventId), null);
    }
}
