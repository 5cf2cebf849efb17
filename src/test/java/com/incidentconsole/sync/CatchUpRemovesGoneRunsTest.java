package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.ObjectCache;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14 §7: a run the server no longer shows (deleted, or the user lost access — no event says so)
 * leaves the list and the cached copy at the next catch-up after a reconnect, not only at a full load.
 * If the server cannot say which runs are visible, nothing is dropped.
 */
@BesideOtherTests
class CatchUpRemovesGoneRunsTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(20), Duration.ofSeconds(30));

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(8, 4));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final String key = sandbox.baseUrl().toString();
    private final ObjectCache cache = store.cache(key);
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true,
            MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                    new Credentials.AccessToken(sandbox.control().credentials().token()), mapper),
            mapper, executors, store.outbox(key), Optional.of(cache), Clock.systemUTC(), FAST);

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    @Test
    void aRunDeletedOnTheServerLeavesTheStoreAndTheCacheAtTheCatchUp() {
        PlaybookRun gone = loadedAndCached();
        long catchUpsBefore = catchUps();

        sandbox.control().deleteRun(gone.id());
        sandbox.control().dropSockets();

        await("caught up after the reconnect", () -> catchUps() > catchUpsBefore
                && workspace.connection().state() == ConnectionState.LIVE);
        await("the run left the store", () -> workspace.runs().get(gone.id()).isEmpty());
        await("and its cached copy", () -> !cached(gone.id()));
        assertTrue(workspace.runs().all().size() >= 1, "the other runs stay");
    }

    @Test
    void whenTheServerCannotListTheVisibleRunsNothingIsDropped() {
        PlaybookRun gone = loadedAndCached();
        long catchUpsBefore = catchUps();
        sandbox.control().inject(FaultRule.failNext(1000, "POST", ".*/query", 500, "{\"message\":\"boom\"}"));

        sandbox.control().deleteRun(gone.id());
        sandbox.control().dropSockets();

        await("caught up after the reconnect", () -> catchUps() > catchUpsBefore
                && workspace.connection().state() == ConnectionState.LIVE);
        assertTrue(workspace.runs().get(gone.id()).isPresent(), "a run is not dropped on a guess");
        assertTrue(cached(gone.id()));
    }

    private PlaybookRun loadedAndCached() {
        PlaybookRun target = sandbox.control().runs().stream()
                .filter(r -> sandbox.control().runs().size() > 1).findFirst().orElseThrow();
        await("live and loaded", () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().get(target.id()).isPresent());
        await("cached", () -> cached(target.id()));
        return target;
    }

    private boolean cached(String runId) {
        return cache.all(CacheKeeper.RUNS).stream().anyMatch(e -> e.id().equals(runId));
    }

    private long catchUps() {
        return fixture.exchanges().stream().filter(x -> x.path().endsWith("/runs") && x.query().contains("since=")).count();
    }
}
