package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next start shows the last known runs before the server answers. */
class CacheKeeperTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JsonMapper mapper = WireJson.newMapper();

    @Test
    void runsSeenInOneSessionAreThereAtTheStartOfTheNext() {
        Path file = dir.resolve("store.db");
        PlaybookRun ticked = TestRunsFactory.withItemState(TestRunsFactory.run("run1"), 0, 1, ChecklistItem.CLOSED);
        try (LocalStore local = LocalStore.open(file)) {
            WorkspaceState session = WorkspaceState.empty();
            CacheKeeper keeper = new CacheKeeper(local.cache("https://chat.example.com"), session, mapper, Runnable::run,
                    CLOCK);
            keeper.follow();
            session.runs().upsert(List.of(TestRunsFactory.run("run1"), TestRunsFactory.run("run2")));
            session.runs().upsert(ticked);
            session.runs().remove("run2");
        }

        try (LocalStore local = LocalStore.open(file)) {
            WorkspaceState next = WorkspaceState.empty();
            int restored = new CacheKeeper(local.cache("https://chat.example.com"), next, mapper, Runnable::run, CLOCK)
                    .restore().runs();

            assertEquals(1, restored, "the removed run stays removed");
            assertEquals(ticked, next.runs().get("run1").orElseThrow(), "the newest version of the run");
            assertTrue(new CacheKeeper(local.cache("https://other.example.com"), WorkspaceState.empty(), mapper,
                    Runnable::run, CLOCK).restore().isEmpty(), "each server has its own cache");
        }
    }

    @Test
    void whoIsSignedInTheirTeamsAndHowCurrentTheDataWasSurviveARestart() {
        Path file = dir.resolve("store.db");
        User alice = new User("u1", 0, 5, 0, "alice", "", "", "Alice", "Archer", "", "", "", false);
        Team sre = new Team("t1", 0, 1, 0, "SRE", "sre", "", "", "O", true);
        Team support = new Team("t2", 0, 1, 0, "Support", "support", "", "", "O", true);
        try (LocalStore local = LocalStore.open(file)) {
            WorkspaceState session = WorkspaceState.empty();
            CacheKeeper keeper = new CacheKeeper(local.cache("https://chat.example.com"), session, mapper, Runnable::run,
                    CLOCK);
            keeper.follow();
            session.identity().me(alice);
            session.identity().teams(List.of(sre, support));
            session.identity().teams(List.of(support));
            session.status().set(ConnectionStatus.of(ConnectionState.LIVE));
            keeper.fullLoadCompleted(NOW.minusSeconds(3600));
        }

        try (LocalStore local = LocalStore.open(file)) {
            WorkspaceState next = WorkspaceState.empty();
            CacheKeeper.Restored restored = new CacheKeeper(local.cache("https://chat.example.com"), next, mapper,
                    Runnable::run, CLOCK).restore();

            assertEquals(alice, next.identity().me().orElseThrow());
            assertEquals(List.of(support), next.identity().teams(), "a team left is not kept");
            assertEquals(Optional.of(NOW), restored.dataAsOf(), "current as of the last moment it was live");
            assertEquals(Optional.of(NOW.minusSeconds(3600)), restored.fullLoadAt());
        }
    }

    @Test
    void dataNeverConfirmedLiveIsDatedByItsNewestChange() {
        Path file = dir.resolve("store.db");
        try (LocalStore local = LocalStore.open(file)) {
            WorkspaceState session = WorkspaceState.empty();
            new CacheKeeper(local.cache("https://chat.example.com"), session, mapper, Runnable::run, CLOCK).follow();
            session.runs().upsert(TestRunsFactory.run("run1"));
        }
        try (LocalStore local = LocalStore.open(file)) {
            CacheKeeper.Restored restored = new CacheKeeper(local.cache("https://chat.example.com"),
                    WorkspaceState.empty(), mapper, Runnable::run, CLOCK).restore();
            assertEquals(Optional.of(Instant.ofEpochMilli(1000)), restored.dataAsOf(),
                    "without a confirmed time, the newest update_at it holds (a cache of an older build)");
        }
    }
}
