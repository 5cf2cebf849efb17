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
}
