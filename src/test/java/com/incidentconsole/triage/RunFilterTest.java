package com.incidentconsole.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which runs the triage chips let through, as a commander reads them. */
class RunFilterTest {

    static PlaybookRun run(String id, String team, String playbook, String owner, boolean finished, String... participants) {
        return WireJson.newMapper().convertValue(Map.of("id", id, "name", id, "team_id", team, "playbook_id", playbook,
                "owner_user_id", owner, "current_status", finished ? PlaybookRun.STATUS_FINISHED : PlaybookRun.STATUS_IN_PROGRESS,
                "participant_ids", List.of(participants)), PlaybookRun.class);
    }

    private final PlaybookRun mineOwned = run("owned", "t-acme", "pb-ir", "me", false);
    private final PlaybookRun mineJoined = run("joined", "t-ops", "pb-sec", "bob", false, "bob", "me");
    private final PlaybookRun others = run("others", "t-acme", "", "carol", true, "carol");
    private final List<PlaybookRun> all = List.of(mineOwned, mineJoined, others);

    private List<String> through(RunFilter filter) {
        return all.stream().filter(r -> filter.accepts(r, "me", r.name())).map(PlaybookRun::id).toList();
    }

    @Test
    void noChipLetsEverythingThrough() {
        assertEquals(List.of("owned", "joined", "others"), through(RunFilter.NONE));
        assertTrue(RunFilter.NONE.isEmpty());
        assertEquals(0, RunFilter.NONE.activeChips());
    }

    @Test
    void mineIsOwnerOrParticipant() {
        assertEquals(List.of("owned", "joined"), through(RunFilter.NONE.withMine(true)));
    }

    @Test
    void mineWithoutAKnownUserMatchesNothing() {
        assertFalse(RunFilter.NONE.withMine(true).accepts(mineOwned, "", "owned"));
    }

    @Test
    void teamPlaybookOwnerAndStatusEachNarrowAndCombine() {
        assertEquals(List.of("owned", "others"), through(RunFilter.NONE.withTeams(Set.of("t-acme"))));
        assertEquals(List.of("others"), through(RunFilter.NONE.withPlaybooks(Set.of(RunFilter.NO_PLAYBOOK))),
                "a channel checklist has no playbook, and the chip can still pick it");
        assertEquals(List.of("joined", "others"), through(RunFilter.NONE.withOwners(Set.of("bob", "carol"))));
        assertEquals(List.of("others"), through(RunFilter.NONE.withStatus(RunFilter.Status.FINISHED)));
        RunFilter both = RunFilter.NONE.withTeams(Set.of("t-acme")).withStatus(RunFilter.Status.IN_PROGRESS);
        assertEquals(List.of("owned"), through(both));
        assertEquals(2, both.activeChips());
        assertFalse(both.isEmpty());
    }

    @Test
    void textWordsMustAllAppearWhateverTheCase() {
        RunFilter text = RunFilter.NONE.withText("  DB   eu ");
        assertTrue(text.accepts(mineOwned, "me", "Database outage eu-west db"));
        assertFalse(text.accepts(mineOwned, "me", "Database outage us-east"));
        assertFalse(text.isEmpty());
        assertEquals(0, text.activeChips(), "the search text is not a chip");
    }

    @Test
    void togglingAnEntryTicksOrUnticksIt() {
        assertEquals(Set.of("a", "b"), RunFilter.toggled(Set.of("a"), "b"));
        assertEquals(Set.of(), RunFilter.toggled(Set.of("a"), "a"));
    }

    @Test
    void theStatusChipWalksAllInProgressFinishedAndBack() {
        assertEquals(List.of(RunFilter.Status.IN_PROGRESS, RunFilter.Status.FINISHED, RunFilter.Status.ALL),
                Stream.iterate(RunFilter.Status.ALL.next(), RunFilter.Status::next).limit(3).toList());
    }
}
