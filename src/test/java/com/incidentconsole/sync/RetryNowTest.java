package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Retry now": while the console waits a minute for its next attempt, asking makes it try at once — the sign-in
 * at start, and the event stream after a lost connection. The retry delay here is a minute and the wait for the
 * outcome at most ten seconds, so only an attempt made on request can pass.
 */
@BesideOtherTests
class RetryNowTest {

    /** A minute between attempts, no jitter. */
    private static final StreamSettings PATIENT = new StreamSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ZERO, Duration.ofSeconds(30));

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxOptions seeded = SandboxFixture.small().withPort(0).withRuns(4, 4);

    @Test
    void retryNowSignsInAndReconnectsAtOnceInsteadOfAfterTheBackoff() {
        int port;
        String token;
        // A real server keeps its tokens across a restart; each sandbox start is told to accept this one again.
        try (SandboxFixture first = SandboxFixture.start(seeded)) {
            port = first.baseUrl().getPort();
            token = first.control().tokenFor(SeedGenerator.DEFAULT_USERNAME);
        }
        ServerAddress address = ServerAddress.of("http://127.0.0.1:" + port);
        String key = address.baseUrl().toString();
        try (LocalStore store = LocalStore.open(dir.resolve("store.db")); SyncExecutors executors = SyncExecutors.create();
             ServerWorkspace workspace = ServerWorkspace.follow("chat.example.com", false,
                     MattermostConnection.create(address, new Credentials.AccessToken(token), mapper), mapper, executors,
                     store.outbox(key), Optional.of(store.cache(key)), Clock.systemUTC(), PATIENT)) {
            await("waiting a long time for the next sign-in attempt", () -> waitsLong(workspace));

            try (SandboxFixture back = SandboxFixture.start(seeded.withPort(port))) {
                back.control().restoreToken(SeedGenerator.DEFAULT_USERNAME, token);
                assertFalse(workspace.ready().isDone(), "not signed in before asking");
                workspace.retryNow();
                await("signed in and live at once", () -> workspace.connection().state() == ConnectionState.LIVE,
                        () -> workspace.connection().toString());
            }

            await("the lost connection waits a long time for its next attempt", () -> waitsLong(workspace),
                    () -> workspace.connection().toString());
            try (SandboxFixture again = SandboxFixture.start(seeded.withPort(port))) {
                again.control().restoreToken(SeedGenerator.DEFAULT_USERNAME, token);
                workspace.retryNow();
                await("reconnected and caught up at once", () -> workspace.connection().state() == ConnectionState.LIVE
                        && !workspace.connection().isStale(), () -> workspace.connection().toString());
                assertTrue(again.control().liveSockets() > 0, "the event stream is connected to the server that is back");
            }
        }
    }

    private static boolean waitsLong(ServerWorkspace workspace) {
        ConnectionStatus status = workspace.connection();
        return status.state() == ConnectionState.RECONNECTING && status.nextAttemptAt()
                .filter(at -> at.isAfter(Instant.now().plusSeconds(30))).isPresent();
    }
}
