package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5 for a session that ends while the app runs (token revoked, session expired): whatever the user did is
 * either on the server or visibly waiting to get there — never failed because the session ended — and signing in
 * again continues the same workspace.
 */
class SessionEndedTest {

    private static final StreamSettings FAST = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(20), Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxOptions seeded = SandboxFixture.small().withPort(0).withRuns(6, 10);

    @Test
    void aTickMadeAfterTheServerEndedTheSessionWaitsAndReachesTheServerOnceAfterSigningInAgain() {
        try (SandboxFixture server = SandboxFixture.start(seeded);
             LocalStore store = LocalStore.open(dir.resolve("store.db"));
             SyncExecutors executors = SyncExecutors.create()) {
            String token = server.control().tokenFor(SeedGenerator.DEFAULT_USERNAME);
            ServerAddress address = new ServerAddress(server.baseUrl());
            try (MattermostConnection connection = MattermostConnection.create(address,
                    new Credentials.AccessToken(token), mapper);
                 ServerWorkspace workspace = follow(connection, store, executors, address)) {
                await("live", () -> workspace.connection().state() == ConnectionState.LIVE
                        && !workspace.connection().isStale(), () -> workspace.connection().toString());
                PlaybookRun run = myRunWithOpenItems(workspace);
                List<ChecklistItem> open = openItems(run);
                ChecklistItem first = open.get(0);
                ChecklistItem second = open.get(1);

                server.control().revokeToken(token);
                workspace.commands().setItemState(run.id(), first.id(), ChecklistItem.CLOSED);

                await("signed out, said plainly", () -> workspace.connection().state()
                        == ConnectionState.SIGN_IN_REFUSED, () -> workspace.connection().toString());
                assertEquals(ServerWorkspace.SIGNED_OUT, workspace.connection().detail());
                assertTrue(workspace.connection().isStale(), "the data is no longer confirmed");
                ActionTarget firstTarget = ActionTarget.item(run.id(), first.id());
                await("the tick waits for sign-in", () -> workspace.pending().get(firstTarget)
                        .map(p -> p.error().equals(ActionQueue.WAITING_FOR_SIGN_IN)).orElse(false),
                        () -> workspace.pending().all().toString());
                assertEquals(PendingAction.Status.PENDING, workspace.pending().get(firstTarget).orElseThrow().status(),
                        "pending, not failed: the session ended, the server did not refuse the tick");

                // A second tick while signed out: kept, in order, and nothing goes out with the refused token.
                int requestsWhileSignedOut = server.exchanges().size();
                workspace.commands().setItemState(run.id(), second.id(), ChecklistItem.CLOSED);
                ActionTarget secondTarget = ActionTarget.item(run.id(), second.id());
                await("both ticks are in the outbox, pending", () -> outbox(store, address).size() == 2
                        && outbox(store, address).stream().allMatch(e -> e.state() == OutboxEntry.State.PENDING)
                        && workspace.pending().get(secondTarget).map(p -> p.error()
                                .equals(ActionQueue.WAITING_FOR_SIGN_IN)).orElse(false),
                        () -> outbox(store, address).toString());
                workspace.retryNow(); // signed out: retrying the refused session would not help, and does not try
                assertEquals(requestsWhileSignedOut, server.exchanges().size(), "nothing sent while signed out");
                assertEquals(ChecklistItem.OPEN, serverItemState(server, run.id(), first.id()));

                try (MattermostConnection signedIn = MattermostConnection.open(address, new Credentials.Password(
                        SeedGenerator.DEFAULT_USERNAME, SeedGenerator.PASSWORD), mapper)) {
                    workspace.signInAgain(signedIn);
                }

                await("both ticks reached the server", () -> serverItemState(server, run.id(), first.id())
                        .equals(ChecklistItem.CLOSED) && serverItemState(server, run.id(), second.id())
                        .equals(ChecklistItem.CLOSED), () -> workspace.pending().all().toString());
                await("live again, the stale mark cleared, nothing waiting", () -> workspace.connection().state()
                        == ConnectionState.LIVE && !workspace.connection().isStale()
                        && workspace.pending().all().isEmpty() && outbox(store, address).isEmpty(),
                        () -> workspace.connection() + " " + workspace.pending().all());
                List<ExchangeObserver.Exchange> accepted = server.exchanges().stream()
                        .filter(x -> x.method().equals("PUT") && x.path().endsWith("/state") && x.status() == 200)
                        .toList();
                assertEquals(2, accepted.size(), "each tick reached the server exactly once: " + accepted);
                assertTrue(accepted.get(0).requestBody().length() > 0);
                assertTrue(server.exchanges().stream().anyMatch(x -> x.path().endsWith("/runs")
                        && x.query().contains("since=")), "caught up with what changed while signed out");
            }
        }
    }

    @Test
    void aRevokedSessionIsNoticedByTheEventStreamAlone() {
        try (SandboxFixture server = SandboxFixture.start(seeded);
             LocalStore store = LocalStore.open(dir.resolve("store.db"));
             SyncExecutors executors = SyncExecutors.create()) {
            String token = server.control().tokenFor(SeedGenerator.DEFAULT_USERNAME);
            ServerAddress address = new ServerAddress(server.baseUrl());
            try (MattermostConnection connection = MattermostConnection.create(address,
                    new Credentials.AccessToken(token), mapper);
                 ServerWorkspace workspace = follow(connection, store, executors, address)) {
                await("live", () -> workspace.connection().state() == ConnectionState.LIVE);

                server.control().revokeToken(token);
                server.control().dropSockets();

                await("signed out, not reconnecting forever", () -> workspace.connection().state()
                        == ConnectionState.SIGN_IN_REFUSED, () -> workspace.connection().toString());
                await("the stream stopped", () -> server.control().liveSockets() == 0);
            }
        }
    }

    @Test
    void signingInAgainAsSomeoneElseIsRefusedAndKeepsTheWork() {
        try (SandboxFixture server = SandboxFixture.start(seeded);
             LocalStore store = LocalStore.open(dir.resolve("store.db"));
             SyncExecutors executors = SyncExecutors.create()) {
            String token = server.control().tokenFor(SeedGenerator.DEFAULT_USERNAME);
            ServerAddress address = new ServerAddress(server.baseUrl());
            try (MattermostConnection connection = MattermostConnection.create(address,
                    new Credentials.AccessToken(token), mapper);
                 ServerWorkspace workspace = follow(connection, store, executors, address)) {
                await("live", () -> workspace.connection().state() == ConnectionState.LIVE);
                server.control().revokeToken(token);
                PlaybookRun run = myRunWithOpenItems(workspace);
                workspace.commands().setItemState(run.id(), openItems(run).get(0).id(), ChecklistItem.CLOSED);
                await("signed out", () -> workspace.connection().state() == ConnectionState.SIGN_IN_REFUSED);

                User other = server.control().users().stream()
                        .filter(u -> !u.isBot() && !u.username().equals(SeedGenerator.DEFAULT_USERNAME))
                        .findFirst().orElseThrow();
                try (MattermostConnection someoneElse = MattermostConnection.open(address,
                        new Credentials.AccessToken(server.control().tokenFor(other.username())), mapper)) {
                    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                            () -> workspace.signInAgain(someoneElse));
                    assertTrue(refused.getMessage().contains(SeedGenerator.DEFAULT_USERNAME), refused.getMessage());
                }
                assertTrue(workspace.isSignedOut(), "still waiting for the right user");
                assertEquals(1, outbox(store, address).size(), "the tick is kept");
            }
        }
    }

    private ServerWorkspace follow(MattermostConnection connection, LocalStore store, SyncExecutors executors,
                                   ServerAddress address) {
        String key = address.baseUrl().toString();
        return ServerWorkspace.follow("chat.example.com", false, connection, mapper, executors, store.outbox(key),
                Optional.of(store.cache(key)), Clock.systemUTC(), FAST);
    }

    private static List<OutboxEntry> outbox(LocalStore store, ServerAddress address) {
        return store.outbox(address.baseUrl().toString()).entries();
    }

    private static PlaybookRun myRunWithOpenItems(ServerWorkspace workspace) {
        String me = workspace.me().id();
        return workspace.runs().all().stream().filter(r -> !r.isFinished() && r.participantIds().contains(me))
                .filter(r -> openItems(r).size() >= 2).findFirst().orElseThrow();
    }

    private static List<ChecklistItem> openItems(PlaybookRun run) {
        return run.checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.state().equals(ChecklistItem.OPEN)).toList();
    }

    private static String serverItemState(SandboxFixture server, String runId, String itemId) {
        return server.control().run(runId).orElseThrow().checklists().stream().flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow().state();
    }
}
