package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.wire.WireJson;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.client.TransportError;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A scripted server for {@link ActionQueue} tests: records every call, answers with queued failures
 * first, and otherwise applies the change to its own copy of the runs (what a real server would hold).
 */
final class FakeTransport implements ActionTransport {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    /** While set, every call fails as if the network were down (calls are still recorded). */
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final Function<String, PlaybookRun> serverRuns;
    private final ServerSide onAccepted;

    interface ServerSide {
        void apply(String runId, UnaryOperator<PlaybookRun> change);
    }

    FakeTransport(Function<String, PlaybookRun> serverRuns, ServerSide onAccepted) {
        this.serverRuns = serverRuns;
        this.onAccepted = onAccepted;
    }

    synchronized FakeTransport failNext(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    /** The network goes down (every call fails with no answer) or comes back. */
    FakeTransport unreachable(boolean down) {
        unreachable.set(down);
        return this;
    }

    static ServerError serverError(int status, String message) {
        return new ServerError(status, "", message, "req1", "PUT", "/plugins/playbooks/api/v0/runs/x", Optional.empty());
    }

    static ServerError rateLimited(Duration retryAfter) {
        return new ServerError(429, "", "limit exceeded", "req2", "PUT", "/plugins/playbooks/api/v0/runs/x",
                Optional.of(retryAfter));
    }

    static TransportError offline() {
        return new TransportError("connection refused", null);
    }

    private synchronized void maybeFail() {
        if (unreachable.get()) {
            throw offline();
        }
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void setItemState(String runId, int checklistIndex, int itemIndex, String newState) {
        calls.add("state " + runId + " " + checklistIndex + "/" + itemIndex + " " + newState);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.withItemState(run, checklistIndex, itemIndex, newState));
    }

    @Override
    public void changeOwner(String runId, String ownerUserId) {
        calls.add("owner " + runId + " " + ownerUserId);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.withOwner(run, ownerUserId));
    }

    @Override
    public void finishRun(String runId) {
        calls.add("finish " + runId);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.finishedBy(run, "u1", System.currentTimeMillis()));
    }

    @Override
    public void restoreRun(String runId) {
        calls.add("restore " + runId);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.restoredBy(run, "u1", System.currentTimeMillis()));
    }

    /**
     * Like the server, a post is recorded as soon as the request arrives; {@link #loseAnswers} then
     * throws as if the answer never came back.
     */
    @Override
    public void postStatusUpdate(String runId, String message, long reminderSeconds, boolean finishRun) {
        calls.add("post " + runId + " " + message + (finishRun ? " +finish" : ""));
        maybeFail();
        posts.add(0, new StatusPostComplete("p" + posts.size(), System.currentTimeMillis(), 0, 0, message, postAuthor));
        if (loseAnswers.get()) {
            throw offline();
        }
    }

    @Override
    public void setStatusBroadcast(String runId, boolean enabled) {
        calls.add("broadcast " + runId + " " + enabled);
        maybeFail();
    }

    @Override
    public void resetReminder(String runId, long seconds) {
        calls.add("reminder " + runId + " " + seconds);
        maybeFail();
        if (loseAnswers.get()) {
            throw offline();
        }
    }

    @Override
    public void requestUpdate(String runId) {
        calls.add("request " + runId);
        maybeFail();
        if (loseAnswers.get()) {
            throw offline();
        }
    }

    @Override
    public List<StatusPostComplete> statusUpdates(String runId) {
        calls.add("status-updates " + runId);
        maybeFail();
        return List.copyOf(posts);
    }

    /** The status posts the server holds, newest first; tests may add one made elsewhere. */
    final List<StatusPostComplete> posts = new CopyOnWriteArrayList<>();
    /** While set, a post is applied but its answer is lost (the client sees no answer). */
    final AtomicBoolean loseAnswers = new AtomicBoolean();
    /** Who the server records as the author of posts made through this transport. */
    volatile String postAuthor = "alex";

    @Override
    public PlaybookRun fetchRun(String runId) {
        calls.add("get " + runId);
        maybeFail();
        return serverRuns.apply(runId);
    }

    // runops (ADR 0025): starts, announcements, participants, following, name and summary.

    /** Runs this server made through {@link #startRun}, newest first; tests may add one made elsewhere. */
    final List<PlaybookRun> started = new CopyOnWriteArrayList<>();
    /** Posts made through {@link #createPost}, newest first. */
    final List<com.incidentconsole.wire.Post> channelPosts = new CopyOnWriteArrayList<>();
    /** Who the server records as the reporter of runs and the author of posts made through this transport. */
    volatile String myUserId = "u-me";

    /** Like the server, the run is made as soon as the request arrives; {@link #loseAnswers} loses the answer. */
    @Override
    public PlaybookRun startRun(com.incidentconsole.wire.RunCreateOptions options) {
        calls.add("start " + options.teamId() + " " + options.name());
        maybeFail();
        PlaybookRun run = TestRunsFactory.ofPlaybook(startedRun("new" + started.size(), options.teamId(),
                options.name(), myUserId, System.currentTimeMillis()), options.playbookId());
        started.add(0, run);
        if (loseAnswers.get()) {
            throw offline();
        }
        return run;
    }

    @Override
    public List<PlaybookRun> newestRuns(String teamId, int count) {
        calls.add("runs " + teamId);
        maybeFail();
        return started.stream().filter(r -> r.teamId().equals(teamId)).limit(count).toList();
    }

    @Override
    public void createPost(String channelId, String message) {
        calls.add("announce " + channelId);
        maybeFail();
        channelPosts.add(0, post("post" + channelPosts.size(), channelId, myUserId, message, System.currentTimeMillis()));
        if (loseAnswers.get()) {
            throw offline();
        }
    }

    @Override
    public List<com.incidentconsole.wire.Post> channelPosts(String channelId, int count) {
        calls.add("posts " + channelId);
        maybeFail();
        return channelPosts.stream().filter(p -> p.channelId().equals(channelId)).limit(count).toList();
    }

    @Override
    public void addParticipant(String runId, String userId) {
        calls.add("participant+ " + runId + " " + userId);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.withParticipants(run, userId, true));
    }

    @Override
    public void removeParticipant(String runId, String userId) {
        calls.add("participant- " + runId + " " + userId);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.withParticipants(run, userId, false));
    }

    @Override
    public void follow(String runId) {
        calls.add("follow " + runId);
        maybeFail();
    }

    @Override
    public void unfollow(String runId) {
        calls.add("unfollow " + runId);
        maybeFail();
    }

    @Override
    public void patchRun(String runId, String name, String summary) {
        calls.add("patch " + runId + " " + name + " " + summary);
        maybeFail();
        onAccepted.apply(runId, run -> TestRunsFactory.patched(run, name, summary));
    }

    static PlaybookRun startedRun(String id, String teamId, String name, String reporter, long createAt) {
        return TestRunsFactory.started(id, teamId, name, reporter, createAt);
    }

    static com.incidentconsole.wire.Post post(String id, String channelId, String userId, String message, long at) {
        return new com.incidentconsole.wire.Post(id, at, at, 0, 0, false, userId, channelId, "", "", message, "", null,
                "", List.of(), "", 0, 0, List.of());
    }

    // --- checklist work (ADR 0024): applied to the run's JSON the way the real server changes it ---

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private final AtomicInteger newIds = new AtomicInteger();

    private void edit(String runId, String call, boolean creates, Consumer<ObjectNode> change) {
        calls.add(call);
        maybeFail();
        onAccepted.apply(runId, run -> {
            ObjectNode tree = MAPPER.valueToTree(run);
            change.accept(tree);
            tree.put("update_at", run.updateAt() + 1);
            return MAPPER.convertValue(tree, PlaybookRun.class);
        });
        if (creates && loseAnswers.get()) {
            throw offline();
        }
    }

    private static ArrayNode items(ObjectNode run, int c) {
        return (ArrayNode) run.withArray("checklists").get(c).withArray("items");
    }

    private static ObjectNode item(ObjectNode run, int c, int i) {
        return (ObjectNode) items(run, c).get(i);
    }

    @Override
    public void setItemAssignee(String runId, int c, int i, String userId) {
        edit(runId, "assignee " + runId + " " + c + "/" + i + " " + userId, false,
                run -> item(run, c, i).put("assignee_id", userId));
    }

    @Override
    public void setItemDueDate(String runId, int c, int i, long dueAt) {
        edit(runId, "due " + runId + " " + c + "/" + i + " " + dueAt, false, run -> item(run, c, i).put("due_date", dueAt));
    }

    @Override
    public void editItem(String runId, int c, int i, String title, String command, String description) {
        edit(runId, "edit " + runId + " " + c + "/" + i + " " + title, false,
                run -> item(run, c, i).put("title", title).put("command", command).put("description", description));
    }

    @Override
    public void deleteItem(String runId, int c, int i) {
        edit(runId, "delete " + runId + " " + c + "/" + i, false, run -> items(run, c).remove(i));
    }

    @Override
    public void moveItem(String runId, int fromC, int fromI, int toC, int toI) {
        edit(runId, "move " + runId + " " + fromC + "/" + fromI + " " + toC + "/" + toI, false, run -> {
            var moved = items(run, fromC).remove(fromI);
            items(run, toC).insert(toI, moved);
        });
    }

    @Override
    public void runItemCommand(String runId, int c, int i) {
        edit(runId, "run " + runId + " " + c + "/" + i, true,
                run -> item(run, c, i).put("command_last_run", System.currentTimeMillis()));
    }

    @Override
    public void addItem(String runId, int c, String title) {
        edit(runId, "add " + runId + " " + c + " " + title, true,
                run -> items(run, c).addObject().put("id", "new" + newIds.incrementAndGet()).put("title", title)
                        .put("state", ""));
    }

    @Override
    public void duplicateItem(String runId, int c, int i) {
        edit(runId, "duplicate " + runId + " " + c + "/" + i, true, run -> {
            ObjectNode copy = item(run, c, i).deepCopy().put("id", "new" + newIds.incrementAndGet());
            items(run, c).insert(i + 1, copy);
        });
    }

    @Override
    public void addChecklist(String runId, String title) {
        edit(runId, "add-checklist " + runId + " " + title, true, run -> run.withArray("checklists").addObject()
                .put("id", "newc" + newIds.incrementAndGet()).put("title", title).putArray("items"));
    }

    @Override
    public void renameChecklist(String runId, int c, String title) {
        edit(runId, "rename-checklist " + runId + " " + c + " " + title, false,
                run -> ((ObjectNode) run.withArray("checklists").get(c)).put("title", title));
    }

    @Override
    public void deleteChecklist(String runId, int c) {
        edit(runId, "delete-checklist " + runId + " " + c, false, run -> run.withArray("checklists").remove(c));
    }

    @Override
    public void moveChecklist(String runId, int from, int to) {
        edit(runId, "move-checklist " + runId + " " + from + " " + to, false, run -> {
            var moved = run.withArray("checklists").remove(from);
            run.withArray("checklists").insert(to, moved);
        });
    }

    @Override
    public void skipChecklist(String runId, int c, boolean skip) {
        edit(runId, "skip-checklist " + runId + " " + c + " " + skip, false,
                run -> items(run, c).forEach(i -> ((ObjectNode) i).put("state", skip ? "skipped" : "")));
    }

    // timeline (issue 16, ADR 0031): posts asked for a time, posts added to the timeline, events deleted

    /** While set, an add to the timeline is applied but its answer is lost. */
    final AtomicBoolean loseTimelineAnswers = new AtomicBoolean();

    @Override
    public com.incidentconsole.wire.Post createPostAt(String channelId, String message, long createAt) {
        calls.add("post-at " + channelId + " " + message);
        maybeFail();
        com.incidentconsole.wire.Post made = post("post" + channelPosts.size(), channelId, myUserId, message,
                System.currentTimeMillis());
        channelPosts.add(0, made);
        if (loseAnswers.get()) {
            throw offline();
        }
        return made;
    }

    @Override
    public void addPostToTimeline(String runId, String userId, String postId, String summary) {
        long at = channelPosts.stream().filter(p -> p.id().equals(postId)).mapToLong(com.incidentconsole.wire.Post::createAt)
                .findFirst().orElse(System.currentTimeMillis());
        edit(runId, "timeline-add " + runId + " " + postId + " " + summary, false, run -> run.withArray("timeline_events")
                .addObject().put("id", "ev" + newIds.incrementAndGet()).put("playbook_run_id", runId)
                .put("event_type", "event_from_post").put("summary", summary).put("post_id", postId)
                .put("creator_user_id", userId).put("event_at", at).put("create_at", System.currentTimeMillis()));
        if (loseTimelineAnswers.get()) {
            throw offline();
        }
    }

    @Override
    public void deleteTimelineEvent(String runId, String eventId) {
        edit(runId, "timeline-delete " + runId + " " + eventId, false, run -> {
            ArrayNode events = run.withArray("timeline_events");
            for (int k = events.size() - 1; k >= 0; k--) {
                if (events.get(k).path("id").asText().equals(eventId)) {
                    events.remove(k); // the real server marks it deleted and no longer lists it
                }
            }
        });
    }
}
