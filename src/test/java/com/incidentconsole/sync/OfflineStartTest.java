package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.Fault;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5's offline start, end to end against the sandbox: a first session fills the cache; the
 * next starts with the server down, shows the cache at once, queues actions; when the server comes
 * back (a sandbox started on the same port, with the same seed) it signs in, loads only what changed
 * since the cache, replays the outbox, and the stale mark goes.
 */
@BesideOtherTests
class OfflineStartTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(20), Duration.ofSeconds(30));
    private static final String RUNS_PATH = "/plugins/playbooks/api/v0/runs";

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxOptions seeded = SandboxFixture.small().withPort(0).withRuns(6, 10);

    @Test
    void theNextStartShowsTheCacheWithoutTheServerAndCatchesUpWhenItReturns() {
        int port;
        Map<String, PlaybookRun> firstSession;
        try (SandboxFixture server = SandboxFixture.start(seeded)) {
            port = server.baseUrl().getPort();
            firstSession = fillTheCache(port, password());
        }

        try (LocalStore store = LocalStore.open(dir.resolve("store.db")); SyncExecutors executors = SyncExecutors.create();
             ServerWorkspace workspace = follow(port, password(), store, executors)) {
            // At once, with nothing listening on the port.
            assertTrue(workspace.ready().isDone(), "ready from the cache, without waiting for the network");
            assertEquals(SeedGenerator.DEFAULT_USERNAME, workspace.me().username());
            assertFalse(workspace.teams().isEmpty(), "the teams come from the cache too");
            assertEquals(firstSession, byId(workspace.runs().all()), "the runs of the last session");
            assertTrue(workspace.connection().isStale(), "marked as not confirmed by the server");
            await("the sign-in is retried", () -> workspace.connection().state() == ConnectionState.RECONNECTING
                    && workspace.connection().nextAttemptAt().isPresent());

            PlaybookRun run = myRunWithOpenItem(firstSession, workspace.me().id());
            ChecklistItem item = firstOpenItem(run);
            ActionTarget target = ActionTarget.item(run.id(), item.id());
            workspace.commands().setItemState(run.id(), item.id(), ChecklistItem.CLOSED);
            assertEquals(PendingAction.Status.PENDING, workspace.pending().get(target).orElseThrow().status(),
                    "the action shows as pending at once");
            await("the action is in the durable outbox", () -> store.outbox(key(port)).entries().size() == 1);

            // The server comes back; until the colleague's change is in, it refuses sign-ins (as a
            // restarting server does), so that the change is one the console must catch up with.
            try (SandboxFixture server = SandboxFixture.start(seeded.withPort(port))) {
                server.control().inject(new FaultRule(Fault.FAIL_REQUESTS, "POST", Pattern.compile(".*/users/login"),
                        -1, 503, "", 1.0, null, 0));
                PlaybookRun changed = otherActiveRun(firstSession, run.id(), workspace.me().id());
                User colleague = server.control().users().stream()
                        .filter(u -> !u.id().equals(workspace.me().id()) && !u.id().equals(changed.ownerUserId())
                                && changed.participantIds().contains(u.id()))
                        .findFirst().orElseThrow();
                MattermostConnection.open(new ServerAddress(server.baseUrl()),
                        new Credentials.AccessToken(server.control().tokenFor(colleague.username())), mapper)
                        .runs().changeOwner(changed.id(), colleague.id());
                server.control().faults().clear();

                await("the queued tick reached the server", () -> serverItemState(server, run.id(), item.id())
                        .equals(ChecklistItem.CLOSED), () -> workspace.connection() + " " + workspace.pending().all());
                await("live and confirmed", () -> workspace.connection().state() == ConnectionState.LIVE
                        && !workspace.connection().isStale(), () -> workspace.connection().toString());
                await("the action settled", () -> workspace.pending().get(target).isEmpty());
                assertEquals(colleague.id(), workspace.runs().get(changed.id()).orElseThrow().ownerUserId(),
                        "the change made while the console was away was caught up");
                List<ExchangeObserver.Exchange> runLists = server.exchanges().stream()
                        .filter(x -> x.method().equals("GET") && x.path().equals(RUNS_PATH)).toList();
                assertFalse(runLists.isEmpty());
                assertTrue(runLists.stream().allMatch(x -> x.query().contains("since=")),
                        "only what changed since the cache is loaded: " + runLists.stream().map(x -> x.query()).toList());
            }
        }
    }

    @Test
    void withNothingCachedTheWorkspaceWaitsVisiblyAndOpensWhenTheServerAnswers() throws IOException {
        int port = freePort();
        try (LocalStore store = LocalStore.open(dir.resolve("store.db")); SyncExecutors executors = SyncExecutors.create();
             ServerWorkspace workspace = follow(port, password(), store, executors)) {
            await("retrying, with the next attempt's time", () -> workspace.connection().state()
                    == ConnectionState.RECONNECTING && workspace.connection().nextAttemptAt().isPresent());
            assertFalse(workspace.ready().isDone(), "nothing to show yet: no cache, no server");
            assertTrue(workspace.connection().detail().contains("users/login"),
                    "says what failed: " + workspace.connection().detail());

            try (SandboxFixture server = SandboxFixture.start(seeded.withPort(port))) {
                assertEquals(SeedGenerator.DEFAULT_USERNAME, workspace.ready().join().me().username());
                int visible = MattermostConnection.open(address(port), password(), mapper).runs()
                        .listAll(RunQuery.all()).size();
                await("everything loaded and live", () -> workspace.runs().size() == visible
                        && workspace.connection().state() == ConnectionState.LIVE);
                assertFalse(workspace.connection().isStale(), "nothing was shown from a cache, nothing is stale");
            }
        }
    }

    @Test
    void refusedCredentialsStopTheRetriesAndSaySo() {
        try (SandboxFixture server = SandboxFixture.start(seeded)) {
            int port = server.baseUrl().getPort();
            fillTheCache(port, password());
            Credentials wrong = new Credentials.Password(SeedGenerator.DEFAULT_USERNAME, "not-the-password");

            // With a cache: the window still shows it, and says why it is not live.
            long before = logins(server); // before following: its one attempt may come at once
            try (LocalStore store = LocalStore.open(dir.resolve("store.db"));
                 SyncExecutors executors = SyncExecutors.create();
                 ServerWorkspace workspace = follow(port, wrong, store, executors)) {
                await("refused", () -> workspace.connection().state() == ConnectionState.SIGN_IN_REFUSED);
                assertTrue(workspace.connection().detail().contains("(401)"), workspace.connection().detail());
                assertTrue(workspace.connection().isStale(), "the cached runs stay, marked stale");
                assertFalse(workspace.runs().all().isEmpty());
                assertEquals(before + 1, logins(server), "one attempt");
                // Absence of a retry can only be shown by waiting past when it would have come
                // (FAST retries within 220 ms); no condition to wait for exists.
                LockSupport.parkNanos(Duration.ofMillis(600).toNanos());
                assertEquals(before + 1, logins(server), "the same credentials are not tried again");
            }

            // Without a cache: the start itself fails, with the server's reason.
            try (LocalStore empty = LocalStore.open(dir.resolve("empty.db"));
                 SyncExecutors executors = SyncExecutors.create();
                 ServerWorkspace workspace = follow(port, wrong, empty, executors)) {
                CompletionException failure = assertThrows(CompletionException.class,
                        () -> workspace.ready().join());
                SignInRefused refused = assertInstanceOf(SignInRefused.class, failure.getCause());
                assertEquals(401, refused.status());
                assertFalse(refused.getMessage().contains("not-the-password"));
            }
        }
    }

    @Test
    void aLostConnectionMarksTheDataStaleUntilTheNextLoadCompletes() {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db")); SyncExecutors executors = SyncExecutors.create()) {
            SandboxFixture server = SandboxFixture.start(seeded);
            int port = server.baseUrl().getPort();
            // A real server keeps its tokens across a restart; the restarted sandbox is told to accept this one.
            Credentials token = new Credentials.AccessToken(server.control().tokenFor(SeedGenerator.DEFAULT_USERNAME));
            try (ServerWorkspace workspace = follow(port, token, store, executors)) {
                await("live", () -> workspace.connection().state() == ConnectionState.LIVE
                        && !workspace.connection().isStale());
                Instant beforeTheLoss = Instant.now();
                server.close();

                await("marked stale while reconnecting", () -> workspace.connection().state()
                        == ConnectionState.RECONNECTING && workspace.connection().isStale());
                Instant asOf = workspace.connection().dataAsOf().orElseThrow();
                assertFalse(asOf.isBefore(beforeTheLoss), "stale from the moment the connection was lost: " + asOf);

                try (SandboxFixture again = SandboxFixture.start(seeded.withPort(port))) {
                    again.control().restoreToken(SeedGenerator.DEFAULT_USERNAME,
                            ((Credentials.AccessToken) token).token());
                    await("caught up and confirmed", () -> workspace.connection().state() == ConnectionState.LIVE
                            && !workspace.connection().isStale(), () -> workspace.connection().toString());
                }
            }
        }
    }

    @Test
    void anotherUserOnTheSameServerDoesNotKeepTheFirstUsersRuns() {
        try (SandboxFixture server = SandboxFixture.start(seeded)) {
            int port = server.baseUrl().getPort();
            Map<String, PlaybookRun> alexs = fillTheCache(port, password());
            Credentials other = server.control().users().stream()
                    .filter(u -> !u.isBot() && !u.username().equals(SeedGenerator.DEFAULT_USERNAME))
                    .map(u -> (Credentials) new Credentials.Password(u.username(), SeedGenerator.PASSWORD))
                    .filter(c -> !visibleTo(port, c).equals(alexs.keySet()))
                    .findFirst().orElseThrow();

            try (LocalStore store = LocalStore.open(dir.resolve("store.db"));
                 SyncExecutors executors = SyncExecutors.create();
                 ServerWorkspace workspace = follow(port, other, store, executors)) {
                await("loaded for the other user", () -> workspace.connection().state() == ConnectionState.LIVE
                        && !workspace.connection().isStale());
                assertEquals(visibleTo(port, other), byId(workspace.runs().all()).keySet(),
                        "exactly what the signed-in user may see, nothing left from the cache");
            }
        }
    }

    /** A whole first session: signs in, loads everything, and closes (which notes "current as of now"). */
    private Map<String, PlaybookRun> fillTheCache(int port, Credentials credentials) {
        try (LocalStore store = LocalStore.open(dir.resolve("store.db")); SyncExecutors executors = SyncExecutors.create();
             ServerWorkspace workspace = follow(port, credentials, store, executors)) {
            int visible = MattermostConnection.open(address(port), credentials, mapper).runs()
                    .listAll(RunQuery.all()).size();
            await("first session loaded", () -> workspace.connection().state() == ConnectionState.LIVE
                    && workspace.runs().size() == visible && !workspace.teams().isEmpty());
            return byId(workspace.runs().all());
        }
    }

    private ServerWorkspace follow(int port, Credentials credentials, LocalStore store, SyncExecutors executors) {
        return ServerWorkspace.follow("chat.example.com", false, MattermostConnection.create(address(port),
                credentials, mapper), mapper, executors, store.outbox(key(port)), Optional.of(store.cache(key(port))),
                Clock.systemUTC(), FAST);
    }

    private java.util.Set<String> visibleTo(int port, Credentials credentials) {
        return MattermostConnection.open(address(port), credentials, mapper).runs().listAll(RunQuery.all()).stream()
                .map(PlaybookRun::id).collect(Collectors.toSet());
    }

    private static Credentials password() {
        return new Credentials.Password(SeedGenerator.DEFAULT_USERNAME, SeedGenerator.PASSWORD);
    }

    private static ServerAddress address(int port) {
        return ServerAddress.of("http://127.0.0.1:" + port);
    }

    private static String key(int port) {
        return address(port).baseUrl().toString();
    }

    private static long logins(SandboxFixture server) {
        return server.exchanges().stream().filter(x -> x.path().endsWith("/users/login")).count();
    }

    private static Map<String, PlaybookRun> byId(List<PlaybookRun> runs) {
        return runs.stream().collect(Collectors.toMap(PlaybookRun::id, r -> r));
    }

    private static PlaybookRun myRunWithOpenItem(Map<String, PlaybookRun> runs, String me) {
        return runs.values().stream().filter(r -> !r.isFinished() && r.participantIds().contains(me))
                .filter(r -> r.checklists().stream().anyMatch(c -> c.items().stream()
                        .anyMatch(i -> i.state().equals(ChecklistItem.OPEN))))
                .findFirst().orElseThrow();
    }

    private static ChecklistItem firstOpenItem(PlaybookRun run) {
        return run.checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.state().equals(ChecklistItem.OPEN)).findFirst().orElseThrow();
    }

    /** An ongoing run with a participant who is neither its owner nor me: someone to change the owner. */
    private static PlaybookRun otherActiveRun(Map<String, PlaybookRun> runs, String notThis, String me) {
        return runs.values().stream().filter(r -> !r.isFinished() && !r.id().equals(notThis))
                .filter(r -> r.participantIds().stream().anyMatch(id -> !id.equals(me) && !id.equals(r.ownerUserId())))
                .findFirst().orElseThrow();
    }

    private static String serverItemState(SandboxFixture server, String runId, String itemId) {
        return server.control().run(runId).orElseThrow().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow().state();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
