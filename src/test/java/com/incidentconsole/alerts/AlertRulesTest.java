package com.incidentconsole.alerts;

import com.incidentconsole.cadence.UpdateCadence;
import static com.incidentconsole.alerts.RunJson.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every notification rule of ADR 0028, headless: which change, which user, once. */
class AlertRulesTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private static final String ME = "me";
    private static final String BOB = "bob";
    private static final String TEAM = "team-1";

    private final AlertRules rules = new AlertRules(ME, Set.of(TEAM), pb -> pb.equals("pb-followed"), UpdateCadence::nextUpdateDue,
            START);

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private List<Alert> upsert(Instant now, RunJson... runs) {
        return rules.changed(new RunsChange(List.of(runs).stream().map(RunJson::record).toList(), Set.of(), false), now);
    }

    private static List<AlertKind> kinds(List<Alert> alerts) {
        return alerts.stream().map(Alert::kind).toList();
    }

    @Test
    void anUpdateOnARunIOwnIsDueSoonOnceThenOverdueOnceAndNotAgainOnTicksOrChanges() {
        RunJson mine = run("r1", ME, BOB, TEAM, at(0), 15);
        upsert(at(0), mine);
        assertEquals(List.of(), rules.tick(at(9)));
        List<Alert> soon = rules.tick(at(10));
        assertEquals(List.of(AlertKind.DUE_SOON), kinds(soon));
        assertEquals(Optional.of(at(15)), soon.get(0).due());
        assertEquals(List.of(), rules.tick(at(12)));
        assertEquals(List.of(AlertKind.OVERDUE), kinds(rules.tick(at(15))));
        assertEquals(List.of(), rules.tick(at(16)));
        assertEquals(List.of(), rules.tick(at(90)));
        assertEquals(List.of(), upsert(at(91), mine.updatedAt(at(91)).set("summary", "still going")),
                "an unrelated change does not say overdue again");
    }

    @Test
    void aPostGivesANewDueTimeWhichArmsBothAlertsAgain() {
        RunJson mine = run("r1", ME, BOB, TEAM, at(0), 15);
        upsert(at(0), mine);
        rules.tick(at(10));
        rules.tick(at(20));
        // SetNewReminder: last_status_update_at = now, previous_reminder = the chosen reminder.
        assertEquals(List.of(), upsert(at(21), mine.updatedAt(at(21)).set("last_status_update_at", at(21).toEpochMilli())
                .set("previous_reminder", 30 * 60_000_000_000L)));
        assertEquals(List.of(), rules.tick(at(45)));
        assertEquals(List.of(AlertKind.DUE_SOON), kinds(rules.tick(at(46))));
        assertEquals(List.of(AlertKind.OVERDUE), kinds(rules.tick(at(51))));
    }

    @Test
    void aTickThatSkipsTheWindowSaysOverdueOnlyNotBoth() {
        upsert(at(0), run("r1", ME, BOB, TEAM, at(0), 15));
        assertEquals(List.of(AlertKind.OVERDUE), kinds(rules.tick(at(30))));
        assertEquals(List.of(), rules.tick(at(31)));
    }

    @Test
    void nothingForRunsIDoNotOwnFinishedRunsOrRunsWithoutUpdates() {
        upsert(at(0), run("theirs", BOB, BOB, TEAM, at(0), 15),
                run("done", ME, BOB, TEAM, at(0), 15).set("current_status", PlaybookRun.STATUS_FINISHED),
                run("quiet", ME, BOB, TEAM, at(0), 15).set("status_update_enabled", false),
                run("dismissed", ME, BOB, TEAM, at(0), 15).set("previous_reminder", 0));
        assertEquals(List.of(), rules.tick(at(10)));
        assertEquals(List.of(), rules.tick(at(60)));
    }

    @Test
    void whatAFirstLoadShowsAlreadyOverdueOrDueSoonIsNotAnnounced() {
        // A run from before the session, first seen overdue; another in its last five minutes.
        assertEquals(List.of(), upsert(at(0), run("old", ME, BOB, TEAM, at(-120), 60), run("soon", ME, BOB, TEAM, at(-57), 60)));
        assertEquals(List.of(), rules.tick(at(1)));
        assertEquals(List.of(AlertKind.OVERDUE), kinds(rules.tick(at(3))), "the one in its window still becomes overdue");
        assertEquals(List.of(), rules.tick(at(600)));
    }

    @Test
    void aResetIsTakenAsItIsLikeTheFirstLoad() {
        RunJson old = run("old", ME, BOB, TEAM, at(-120), 60).item("i1", "Page", ME, at(5))
                .event("e1", TimelineEvent.STATUS_UPDATE_REQUESTED, at(5), BOB, BOB);
        assertEquals(List.of(), rules.changed(new RunsChange(List.of(old.record()), Set.of(), true), at(6)));
        assertEquals(List.of(), rules.tick(at(7)));
    }

    @Test
    void aTaskAssignedToMeBySomeoneElseIsAnnouncedWithItsTitleAndWho() {
        RunJson r = run("r1", BOB, BOB, TEAM, at(0), 60);
        upsert(at(0), r);
        // SetAssignee: the assignee_changed event's subject is the user who made the change.
        List<Alert> alerts = upsert(at(3), r.item("i1", "Page the DBA", ME, at(3))
                .event("e1", TimelineEvent.ASSIGNEE_CHANGED, at(3), BOB, ""));
        assertEquals(List.of(AlertKind.TASK_ASSIGNED), kinds(alerts));
        assertEquals("Page the DBA", alerts.get(0).detail());
        assertEquals(BOB, alerts.get(0).actorUserId());
        assertEquals(List.of(), upsert(at(4), r.item("i1", "Page the DBA", ME, at(3)).updatedAt(at(4))
                .event("e1", TimelineEvent.ASSIGNEE_CHANGED, at(3), BOB, "")), "still mine is not news");
    }

    @Test
    void aTaskIAssignedToMyselfIsNotAnnounced() {
        RunJson r = run("r1", BOB, BOB, TEAM, at(0), 60);
        upsert(at(0), r);
        assertEquals(List.of(), upsert(at(3), r.item("i1", "Page", ME, at(3))
                .event("e1", TimelineEvent.ASSIGNEE_CHANGED, at(3), ME, "")));
    }

    @Test
    void anAssignmentFromBeforeTheSessionCaughtUpLaterIsNotAnnounced() {
        RunJson r = run("r1", BOB, BOB, TEAM, at(-300), 60);
        upsert(at(0), r);
        assertEquals(List.of(), upsert(at(1), r.item("i1", "Page", ME, at(-30))
                .event("e1", TimelineEvent.ASSIGNEE_CHANGED, at(-30), BOB, "")));
    }

    @Test
    void anUpdateRequestedFromMeAsOwnerIsAnnouncedNotMyOwnNorOnOthersRuns() {
        RunJson mine = run("r1", ME, BOB, TEAM, at(0), 60);
        RunJson theirs = run("r2", BOB, BOB, TEAM, at(0), 60);
        upsert(at(0), mine, theirs);
        List<Alert> alerts = upsert(at(2), mine.event("e1", TimelineEvent.STATUS_UPDATE_REQUESTED, at(2), BOB, BOB),
                theirs.event("e2", TimelineEvent.STATUS_UPDATE_REQUESTED, at(2), "carol", "carol"));
        assertEquals(List.of(AlertKind.UPDATE_REQUESTED), kinds(alerts));
        assertEquals("r1", alerts.get(0).runId());
        assertEquals(BOB, alerts.get(0).actorUserId());
        assertEquals(List.of(), upsert(at(3), mine.event("e1", TimelineEvent.STATUS_UPDATE_REQUESTED, at(2), BOB, BOB)
                .event("e3", TimelineEvent.STATUS_UPDATE_REQUESTED, at(3), ME, ME)), "my own request, and the old one");
    }

    @Test
    void aNewRunInMyTeamsOrAFollowedPlaybookIsAnnouncedUnlessIStartedIt() {
        List<Alert> alerts = upsert(at(1), run("r1", BOB, BOB, TEAM, at(1), 60),
                run("r2", BOB, BOB, "other-team", at(1), 60),
                run("r3", BOB, BOB, "other-team", at(1), 60).set("playbook_id", "pb-followed"),
                run("r4", BOB, ME, TEAM, at(1), 60),
                run("r5", BOB, BOB, TEAM, at(-60), 60));
        assertEquals(List.of("r1", "r3"), alerts.stream().map(Alert::runId).toList());
        assertEquals(List.of(AlertKind.RUN_STARTED, AlertKind.RUN_STARTED), kinds(alerts));
        assertEquals(BOB, alerts.get(0).actorUserId());
    }

    @Test
    void beingMadeOwnerBySomeoneElseIsAnnouncedNotWhenITookItMyself() {
        RunJson a = run("r1", BOB, BOB, TEAM, at(0), 60);
        RunJson b = run("r2", BOB, BOB, TEAM, at(0), 60);
        upsert(at(0), a, b);
        // ChangeOwner: subject the new owner, creator the one who changed it.
        List<Alert> alerts = upsert(at(2), a.set("owner_user_id", ME).event("e1", TimelineEvent.OWNER_CHANGED, at(2), ME, BOB),
                b.set("owner_user_id", ME).event("e2", TimelineEvent.OWNER_CHANGED, at(2), ME, ME));
        assertEquals(List.of(AlertKind.MADE_OWNER), kinds(alerts));
        assertEquals("r1", alerts.get(0).runId());
        assertEquals(BOB, alerts.get(0).actorUserId());
    }

    @Test
    void aNewRunStartedByAnotherWithMeAsOwnerSaysMadeOwner() {
        List<Alert> alerts = upsert(at(1), run("r1", ME, BOB, "other-team", at(1), 60));
        assertEquals(List.of(AlertKind.MADE_OWNER), kinds(alerts));
    }

    @Test
    void becomingOwnerOfAnOverdueRunSaysMadeOwnerNotAlsoALateOverdue() {
        RunJson r = run("r1", BOB, BOB, TEAM, at(0), 15);
        upsert(at(0), r);
        rules.tick(at(20));
        assertEquals(List.of(AlertKind.MADE_OWNER), kinds(upsert(at(21), r.set("owner_user_id", ME)
                .event("e1", TimelineEvent.OWNER_CHANGED, at(21), ME, BOB))));
        assertEquals(List.of(), rules.tick(at(22)));
    }

    @Test
    void theDueTimeComesFromTheInjectedFunction() {
        AlertRules custom = new AlertRules(ME, Set.of(), pb -> false, run -> Optional.of(at(7)), START);
        custom.changed(new RunsChange(List.of(run("r1", ME, BOB, TEAM, at(0), 600).record()), Set.of(), false), at(0));
        assertEquals(List.of(AlertKind.DUE_SOON), kinds(custom.tick(at(2))));
        assertEquals(List.of(AlertKind.OVERDUE), kinds(custom.tick(at(7))));
    }

    @Test
    void aRemovedRunIsForgotten() {
        upsert(at(0), run("r1", ME, BOB, TEAM, at(0), 15));
        rules.changed(new RunsChange(List.of(), Set.of("r1"), false), at(1));
        assertEquals(List.of(), rules.tick(at(20)));
    }
}
