package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a failed load owes is never narrowed by merging it with the next connection's load; retries wait as asked. */
class LoadPlanTest {

    @Test
    void mergingKeepsEveryPartAndTheWidestAskForRuns() {
        LoadPlan owedCatchUp = LoadPlan.catchUp(false, 1_000);
        LoadPlan laterCatchUp = LoadPlan.catchUp(true, 9_000);

        LoadPlan merged = laterCatchUp.and(owedCatchUp);
        assertEquals(OptionalLong.of(1_000), merged.runsSince(), "the earlier since: runs changed in between still load");
        assertTrue(merged.playbooks() && merged.runs());

        assertEquals(OptionalLong.empty(), owedCatchUp.and(LoadPlan.everything()).runsSince(), "all beats since");
        assertEquals(LoadPlan.everything(), LoadPlan.everything().and(owedCatchUp));
        assertEquals(owedCatchUp, owedCatchUp.and(LoadPlan.NOTHING));
        assertEquals(new LoadPlan(true, true, OptionalLong.of(1_000), true),
                owedCatchUp.and(LoadPlan.PLAYBOOKS).and(LoadPlan.PEOPLE));
        assertTrue(LoadPlan.NOTHING.and(LoadPlan.NOTHING).isEmpty());
    }

    @Test
    void aRetryWaitsWhatTheServerAskedCappedOtherwiseTheBackoff() {
        Backoff backoff = new Backoff(Duration.ofSeconds(3), Duration.ofMinutes(2), Duration.ZERO, new SplittableRandom(1));

        assertEquals(Duration.ofSeconds(1), backoff.delay(5, Optional.of(Duration.ofSeconds(1))),
                "Retry-After wins over a longer backoff");
        assertEquals(Duration.ofSeconds(30), backoff.delay(1, Optional.of(Duration.ofSeconds(30))),
                "and over a shorter one: earlier would only earn another 429");
        assertEquals(Duration.ofMinutes(2), backoff.delay(1, Optional.of(Duration.ofHours(5))), "capped");
        assertEquals(Duration.ofSeconds(3), backoff.delay(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(12), backoff.delay(3, Optional.empty()), "grows without one");
    }
}
