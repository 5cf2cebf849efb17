package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When the data on screen counts as confirmed, and what a new connection loads. */
class DataFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");
    private final ConnectionStatus syncing = ConnectionStatus.of(ConnectionState.SYNCING);

    @Test
    void theFirstConnectionLoadsEverythingAndLaterOnesCatchUpOnceTheRunsAreWhole() {
        DataFreshness freshness = new DataFreshness(false);
        assertEquals(LoadPlan.everything(), freshness.planForNewConnection(1_000));

        assertFalse(freshness.loaded(LoadPlan.everything(), LoadPlan.everything().withoutPlaybooks().withoutPeople()),
                "runs owed: not whole");
        assertEquals(LoadPlan.everything(), freshness.planForNewConnection(1_000), "so the next one loads all again");

        assertTrue(freshness.loaded(LoadPlan.everything(), LoadPlan.PEOPLE), "people owed, runs whole");
        assertEquals(new LoadPlan(false, true, OptionalLong.of(1_000), false), freshness.planForNewConnection(1_000));
    }

    @Test
    void aStartFromARecentCacheCatchesUpIncludingTeamsAndPlaybooksUntilTheyLoad() {
        DataFreshness freshness = new DataFreshness(true);
        assertEquals(LoadPlan.catchUp(true, 5), freshness.planForNewConnection(5));
        freshness.loaded(LoadPlan.catchUp(true, 5), LoadPlan.PLAYBOOKS);
        assertTrue(freshness.planForNewConnection(5).playbooks(), "their list failed: still asked for");
        freshness.loaded(LoadPlan.catchUp(true, 5), LoadPlan.NOTHING);
        assertFalse(freshness.planForNewConnection(5).playbooks());
        freshness.discardBaseline();
        assertEquals(LoadPlan.everything(), freshness.planForNewConnection(5));
    }

    @Test
    void dataIsConfirmedOnlyByRunsLoadedWithTheStreamLiveAndIsACopyFromThenOnWhenTheServerGoes() {
        DataFreshness freshness = new DataFreshness(false);
        assertFalse(freshness.markStale(syncing, NOW).isStale(), "nothing was ever confirmed: nothing to call old");
        ConnectionStatus cached = syncing.staleSince(NOW.minusSeconds(60));

        assertTrue(freshness.onLive(cached).isStale(), "LIVE alone confirms nothing");
        assertTrue(freshness.runsLoaded(cached, false).isStale(), "runs loaded before LIVE: not yet");
        assertFalse(freshness.onLive(cached).isStale(), "LIVE then confirms that load");
        assertEquals(NOW, freshness.markStale(ConnectionStatus.of(ConnectionState.RECONNECTING), NOW).dataAsOf()
                .orElseThrow(), "confirmed once: losing the server makes it a copy as of now");

        freshness.runsLoaded(cached, false);
        freshness.newConnection();
        assertTrue(freshness.onLive(cached).isStale(), "a load of an earlier connection does not count for this one");
        freshness.runsLoaded(cached, false);
        freshness.streamLeftLive();
        assertTrue(freshness.onLive(cached).isStale(), "nor across a drop");
        assertFalse(freshness.runsLoaded(cached, true).isStale());
    }
}
