package com.incidentconsole.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which store changes are a run started elsewhere, and which are not news. */
class ArrivalDetectorTest {

    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final long T = NOW.toEpochMilli();

    private static PlaybookRun run(String id, long createAt, String reporter, boolean finished) {
        return WireJson.newMapper().convertValue(Map.of("id", id, "name", "Run " + id, "owner_user_id", "u-owner",
                "reporter_user_id", reporter, "create_at", createAt,
                "current_status", finished ? PlaybookRun.STATUS_FINISHED : PlaybookRun.STATUS_IN_PROGRESS), PlaybookRun.class);
    }

    private static List<RunsChange> upsert(PlaybookRun... runs) {
        return List.of(new RunsChange(List.of(runs), Set.of(), false));
    }

    private final ArrivalDetector detector = new ArrivalDetector("me");

    @Test
    void theFirstLoadIsNotNewsEvenWithRecentRuns() {
        assertEquals(Optional.empty(), detector.apply(upsert(run("a", T - 60_000, "bob", false)), NOW));
    }

    @Test
    void aRunStartedElsewhereAfterTheFirstLoadIs() {
        detector.reset(List.of(run("old", T - 86_400_000, "bob", false)));
        Optional<Arrival> news = detector.apply(upsert(run("new", T - 5_000, "bob", false)), NOW);
        assertEquals(Optional.of(new Arrival("new", "Run new", "u-owner", T - 5_000)), news);
    }

    @Test
    void myOwnStartOldRunsFinishedRunsAndUpdatesAreNot() {
        detector.reset(List.of(run("known", T - 60_000, "bob", false)));
        assertEquals(Optional.empty(), detector.apply(upsert(run("mine", T - 1_000, "me", false)), NOW), "I started it");
        assertEquals(Optional.empty(), detector.apply(upsert(run("caught-up", T - 7_200_000, "bob", false)), NOW),
                "an old run a catch-up or a new permission brings");
        assertEquals(Optional.empty(), detector.apply(upsert(run("done", T - 1_000, "bob", true)), NOW));
        assertEquals(Optional.empty(), detector.apply(upsert(run("known", T - 60_000, "bob", false)), NOW),
                "a change to a run already held");
    }

    @Test
    void ofSeveralAtOnceTheNewestIsAnnouncedAndEachOnlyOnce() {
        detector.reset(List.of(run("known", T - 60_000, "bob", false)));
        Optional<Arrival> news = detector.apply(upsert(run("x", T - 20_000, "bob", false),
                run("y", T - 2_000, "carol", false)), NOW);
        assertEquals("y", news.orElseThrow().runId());
        assertEquals(Optional.empty(), detector.apply(upsert(run("y", T - 2_000, "carol", false)), NOW));
    }

    @Test
    void aRunRemovedAndSharedAgainLaterIsNewsAgain() {
        detector.reset(List.of(run("known", T - 60_000, "bob", false), run("r", T - 30_000, "bob", false)));
        detector.apply(List.of(new RunsChange(List.of(), Set.of("r"), false)), NOW);
        assertEquals("r", detector.apply(upsert(run("r", T - 30_000, "bob", false)), NOW).orElseThrow().runId());
    }
}
