package com.incidentconsole.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunQueryTest {

    @Test
    void encodesEveryFilterWithTheServersParameterNames() {
        RunQuery q = RunQuery.all()
                .team("t1")
                .statuses("InProgress", "Finished")
                .owner("me")
                .participant("u2")
                .participantOrFollower("me")
                .search("db outage")
                .playbook("pb")
                .channel("ch")
                .since(1_700_000_000_000L)
                .types("playbook", "channelChecklist")
                .omitEnded()
                .sort("last_status_update_at", "desc")
                .page(2, 25);

        assertEquals(List.of(
                Map.entry("team_id", "t1"),
                Map.entry("statuses", "InProgress"),
                Map.entry("statuses", "Finished"),
                Map.entry("owner_user_id", "me"),
                Map.entry("participant_id", "u2"),
                Map.entry("participant_or_follower_id", "me"),
                Map.entry("search_term", "db outage"),
                Map.entry("playbook_id", "pb"),
                Map.entry("channel_id", "ch"),
                Map.entry("since", "1700000000000"),
                Map.entry("types", "playbook"),
                Map.entry("types", "channelChecklist"),
                Map.entry("omit_ended", "true"),
                Map.entry("sort", "last_status_update_at"),
                Map.entry("direction", "desc"),
                Map.entry("page", "2"),
                Map.entry("per_page", "25")), q.parameters());
    }

    @Test
    void anEmptyQueryLetsTheServerDefaultsApply() {
        assertEquals(List.of(), RunQuery.all().parameters());
    }

    @Test
    void withersLeaveTheOriginalUntouched() {
        RunQuery base = RunQuery.all().team("t1");
        RunQuery mine = base.owner("me");
        assertEquals("", base.ownerUserId());
        assertEquals("me", mine.ownerUserId());
        assertEquals("t1", mine.teamId());
    }

    @Test
    void rejectsNegativePaging() {
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().page(-1, 10));
    }
}
