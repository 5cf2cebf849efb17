package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One failed request of the first load (probe H1, M3) must not leave the console empty: it is retried by itself
 * (as soon as the server's Retry-After allows), at once on "retry now", and what is missing is said meanwhile. The
 * stream's retry delay here is a minute, and every wait at most ten seconds, so only the intended path can pass.
 */
@BesideOtherTests
class LoadRecoveryTest {

    private static final StreamSettings PATIENT = new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ZERO, Duration.ofSeconds(30));
    private static final String RUNS = "/plugins/playbooks/api/v0/runs";
    private static final String PLAYBOOKS = "/plugins/playbooks/api/v0/playbooks";

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(8, 20));
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final List<ConnectionStatus> seen = new CopyOnWriteArrayList<>();
    private final List<PlaybookRun> visible = connect().runs().listAll(RunQuery.all());
    private ServerWorkspace workspace;

    @AfterEach
    void tearDown() {
        if (workspace != null) {
            workspace.close();
        }
        executors.close();
        store.close();
        fixture.close();
    }

    private ServerWorkspace follow(StreamSettings settings) {
        workspace = ServerWorkspace.follow("Sandbox", true, connect(), mapper, executors, store.outbox("sandbox"),
                Clock.systemUTC(), settings);
        workspace.subscribeConnection(seen::add);
        return workspace;
    }

    @Test
    void aRateLimitedFirstRunsPageIsRetriedAfterRetryAfterAndEverythingLoads() {
        fixture.control().inject(FaultRule.rateLimit(1, "GET", RUNS, Duration.ofSeconds(1)));
        follow(PATIENT);

        await("every run loaded and live, well before the stream's minute of backoff", this::everythingLoaded,
                () -> workspace.runs().size() + " of " + visible.size() + " runs, " + workspace.connection());
        assertTrue(seen.stream().anyMatch(s -> s.state() == ConnectionState.INCOMPLETE
                        && s.gap().filter(LoadGap::rateLimited).flatMap(LoadGap::runs).isPresent()),
                "the 429 was said on the way, with the runs as what is missing: " + seen);
        assertTrue(workspace.connection().gap().isEmpty(), "nothing said missing once loaded");
    }

    @Test
    void aPlaybookTheServerAnswers500ForCostsThatPlaybookOnly() {
        String bad = visible.stream().map(PlaybookRun::playbookId).filter(id -> !id.isEmpty()).findFirst().orElseThrow();
        // A broken playbook breaks the list of its team's playbooks too, as it did for the probe (M6).
        fixture.control().inject(FaultRule.errorRatio(1.0, "GET", PLAYBOOKS));
        fixture.control().inject(FaultRule.errorRatio(1.0, "GET", PLAYBOOKS + "/" + bad));
        follow(PATIENT);

        await("the incomplete load is said", () -> workspace.connection().state() == ConnectionState.INCOMPLETE,
                () -> workspace.connection().toString());
        assertEquals(visible.size(), workspace.runs().size(), "every run loaded");
        Set<String> others = visible.stream().map(PlaybookRun::playbookId)
                .filter(id -> !id.isEmpty() && !id.equals(bad)).collect(Collectors.toSet());
        others.forEach(id -> assertTrue(workspace.playbooks().get(id).isPresent(), "playbook " + id + " loaded"));
        LoadGap gap = workspace.connection().gap().orElseThrow();
        assertEquals(List.of(bad), gap.missingPlaybooks().stream().map(LoadGap.MissingPlaybook::id).toList(),
                "the missing one is named");
        assertEquals(500, gap.status());
        assertTrue(gap.runs().isEmpty(), "the runs are not said to be missing");
    }

    @Test
    void retryNowLoadsWhatFailedAtOnceInsteadOfAfterTheBackoff() {
        fixture.control().inject(FaultRule.failNext(1, "GET", RUNS, 503, "upstream unavailable"));
        follow(PATIENT);
        await("the failed load waits a long time for its retry", () -> {
            ConnectionStatus status = workspace.connection();
            return status.state() == ConnectionState.INCOMPLETE && status.nextAttemptAt()
                    .filter(at -> at.isAfter(Instant.now().plusSeconds(2))).isPresent();
        }, () -> workspace.connection().toString());
        assertTrue(workspace.runs().size() < visible.size());

        workspace.retryNow();

        await("loaded at once", this::everythingLoaded, () -> workspace.connection().toString());
    }

    @Test
    void aMalformedFrameInPlaceOfTheHelloReconnectsAndLoads() {
        fixture.control().inject(FaultRule.malformedFrame());
        follow(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO,
                Duration.ofSeconds(30)));

        await("live with every run after a reconnect", this::everythingLoaded, () -> workspace.connection().toString());
    }

    @Test
    void noHelloWithinTheTimeoutReconnectsAndLoads() {
        fixture.control().inject(FaultRule.loseEvents(1)); // the first connection's hello
        follow(new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ZERO,
                Duration.ofSeconds(30)).withHelloTimeout(Duration.ofMillis(500)));

        await("live with every run after a reconnect", this::everythingLoaded, () -> workspace.connection().toString());
    }

    @Test
    void aFailedCatchUpFromTheCacheKeepsTheCopyMarkedSaysWhyAndCatchesUpByItself(@TempDir Path dir) {
        StreamSettings quick = new StreamSettings(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(30));
        try (LocalStore first = LocalStore.open(dir.resolve("store.db"));
             ServerWorkspace filling = ServerWorkspace.follow("Sandbox", true, connect(), mapper, executors,
                     first.outbox("sandbox"), Optional.of(first.cache("sandbox")), Clock.systemUTC(), quick)) {
            await("the cache is filled", () -> filling.runs().size() == visible.size()
                    && filling.connection().state() == ConnectionState.LIVE);
        }
        fixture.control().inject(FaultRule.failNext(2, "GET", RUNS, 500, "{\"error\":\"database is locked\"}"));

        try (LocalStore again = LocalStore.open(dir.resolve("store.db"))) {
            workspace = ServerWorkspace.follow("Sandbox", true, connect(), mapper, executors, again.outbox("sandbox"),
                    Optional.of(again.cache("sandbox")), Clock.systemUTC(), quick);
            workspace.subscribeConnection(seen::add);
            assertEquals(visible.size(), workspace.runs().size(), "the cached copy shows at once");

            await("caught up and confirmed by itself", this::everythingLoaded, () -> workspace.connection().toString());
            assertTrue(seen.stream().anyMatch(s -> s.state() == ConnectionState.INCOMPLETE && s.isStale()
                            && s.gap().filter(g -> g.onlyChanges() && g.status() == 500).isPresent()),
                    "meanwhile the copy stayed marked and the status said the catch-up failed: " + seen);
            workspace.close();
            workspace = null;
        }
    }

    private boolean everythingLoaded() {
        ConnectionStatus status = workspace.connection();
        return workspace.runs().size() == visible.size() && status.state() == ConnectionState.LIVE && !status.isStale();
    }

    private MattermostConnection connect() {
        return MattermostConnection.open(new ServerAddress(fixture.baseUrl()),
                new Credentials.AccessToken(fixture.control().tokenFor(fixture.control().defaultUser().username())),
                mapper);
    }
}
