package com.incidentconsole.sync;

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
    public void postStatusUpdate(String runId, String message, long reminderSeconds) {
        calls.add("post " + runId + " " + message);
        maybeFail();
        posts.add(0, new StatusPostComplete("p" + posts.size(), System.currentTimeMillis(), 0, 0, message, postAuthor));
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
}
