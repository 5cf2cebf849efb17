package com.incidentconsole.sandbox;

import com.incidentconsole.sandbox.fault.FaultPlan;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sandbox.http.RateLimiter;
import com.incidentconsole.sandbox.kernel.SandboxClock;
import com.incidentconsole.sandbox.runs.RunPublisher;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The test-facing side of a sandbox: who to sign in as, read-only views of the state, the fault
 * plan and the clock. Nothing here is reachable over HTTP, so tests cannot confuse it with the API.
 */
public final class SandboxControl {

    private final SandboxState state;
    private final FaultPlan faults;
    private final EventHub hub;
    private final URI baseUrl;
    private final java.util.concurrent.atomic.AtomicBoolean incremental;
    private final RateLimiter limiter;
    private final RunPublisher publisher; // storm (issue 18)

    SandboxControl(SandboxState state, FaultPlan faults, EventHub hub, URI baseUrl,
                   java.util.concurrent.atomic.AtomicBoolean incremental, RateLimiter limiter, RunPublisher publisher) {
        this.limiter = limiter;
        this.publisher = publisher;
        this.state = state;
        this.faults = faults;
        this.hub = hub;
        this.baseUrl = baseUrl;
        this.incremental = incremental;
    }

    /** The default user ({@value SeedGenerator#DEFAULT_USERNAME} / {@value SeedGenerator#PASSWORD}) with a fresh PAT. */
    public Credentials credentials() {
        return new Credentials(baseUrl.toString(), SeedGenerator.DEFAULT_USERNAME, SeedGenerator.PASSWORD,
                tokenFor(SeedGenerator.DEFAULT_USERNAME));
    }

    /** A new personal access token for any seeded user (e.g. a second participant or an outsider). */
    public String tokenFor(String username) {
        return state.locked(() -> {
            User user = state.directory().userByLogin(username)
                    .orElseThrow(() -> new NoSuchElementException("no user " + username));
            String token = state.tokens().next();
            state.directory().addAccessToken(token, user.id());
            return token;
        });
    }

    /**
     * Accepts again a personal access token minted by an earlier start of a sandbox: the real server keeps its
     * tokens in the database, so they outlive a restart (server/channels/app/user_access_token.go:
     * createSessionForUserAccessToken looks the token up with Store().UserAccessToken().GetByToken), while each
     * sandbox start begins with an empty directory. Tests that restart a server use this to keep signing in.
     */
    public void restoreToken(String username, String token) {
        state.locked(() -> {
            User user = state.directory().userByLogin(username)
                    .orElseThrow(() -> new NoSuchElementException("no user " + username));
            state.directory().addAccessToken(token, user.id());
            return null;
        });
    }

    /** Invalidates a session or personal access token, as a logout elsewhere or an admin would. */
    public void revokeToken(String token) {
        state.locked(() -> state.directory().revokeToken(token));
    }

    public List<User> users() {
        return state.locked(() -> state.directory().users());
    }

    public User user(String username) {
        return state.locked(() -> state.directory().userByLogin(username).orElseThrow());
    }

    public User defaultUser() {
        return state.locked(() -> state.directory().user(state.defaultUserId()).orElseThrow());
    }

    /** Whether the user is in the team (lets tests pick an outsider). */
    public boolean isTeamMember(String teamId, String userId) {
        return state.locked(() -> state.directory().isTeamMember(teamId, userId));
    }

    public Optional<PlaybookRun> run(String id) {
        return state.locked(() -> state.run(id).map(RunEntity::toWire));
    }

    /**
     * runlist: the run is gone, as when an administrator removes it from the database — the real server
     * has no route for it and sends no event, so a client only notices when a load no longer returns it.
     */
    public boolean deleteRun(String id) {
        return state.locked(() -> state.runs().remove(id) != null);
    }

    public List<PlaybookRun> runs() {
        return state.locked(() -> state.runs().values().stream().map(RunEntity::toWire).toList());
    }

    public FaultPlan faults() {
        return faults;
    }

    /** Arms one fault; see {@link FaultRule}'s factories. */
    public SandboxControl inject(FaultRule rule) {
        faults.add(rule);
        return this;
    }

    /** Flips the plugin setting {@code EnableIncrementalUpdates} at runtime, as an admin could. */
    public void setIncrementalUpdates(boolean on) {
        incremental.set(on);
    }

    /**
     * Turns on core's rate limiter as an admin would ({@code RateLimitSettings}, mattermost-core.md
     * §2.4; off by default, real defaults 10/s with a burst of 100): every HTTP reply then carries
     * {@code X-Ratelimit-*}, and a request over the limit gets 429 {@code limit exceeded} with
     * {@code Retry-After}. Buckets refill with the sandbox clock. Starts with empty buckets.
     */
    public void enableRateLimit(int perSec, int maxBurst, boolean varyByUser) {
        limiter.configure(new RateLimiter.Settings(perSec, maxBurst, varyByUser));
    }

    public void disableRateLimit() {
        limiter.configure(null);
    }

    public SandboxClock clock() {
        return state.clock();
    }

    /** Number of live WebSocket connections; tests wait on it instead of sleeping. */
    public int liveSockets() {
        return hub.liveConnections();
    }

    /** Closes every WebSocket (code 1001), keeping the connections resumable. */
    public void dropSockets() {
        hub.dropAll();
    }

    // storm (issue 18): the event-storm benchmark changes runs as fast as a busy server would, with no HTTP between.
    /**
     * Changes a run under the state lock, as a plugin handler does, then sends the event the real service sends after
     * it ({@code sendPlaybookRunObjectUpdatedWS}): the whole run, or only the delta with incremental updates on.
     */
    public void changeRun(String id, Consumer<RunEntity> change) {
        state.locked(() -> {
            RunEntity run = state.run(id).orElseThrow(() -> new NoSuchElementException("no run " + id));
            PlaybookRun before = run.toWire();
            change.accept(run);
            publisher.runUpdated(before, run);
        });
    }
}
