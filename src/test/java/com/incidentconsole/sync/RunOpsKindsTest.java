package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The kinds of ADR 0025 on their own: each is stored and read back as it was, and each judges the server
 * the way its effect shows — a start by looking for my run among the team's newest, an announcement by
 * looking for my post in the channel, participation in the run's participants.
 */
class RunOpsKindsTest {

    private static final long SENT_AT = 1_700_000_000_000L;

    private final JsonMapper mapper = WireJson.newMapper();
    private final FakeTransport transport = new FakeTransport(id -> TestRunsFactory.run(id), (id, change) -> { });
    private final StartRun start = StartRun.of("team1", "pb1", "  Acme EU app servers degraded ", "Latency 5x",
            "u-owner", "", "u-me");

    private Action roundTrip(Action action) {
        OutboxEntry entry = new OutboxEntry(1, "c1", action.kind().id(), action.kind().version(),
                action.scope().kind().stored(), action.scope().id(), action.target().subject(),
                action.payload(mapper).toString(), action.description(), OutboxEntry.State.PENDING, "", 0, 0, 0, "",
                "");
        var decoded = ActionKinds.standard().decode(entry, mapper);
        return assertInstanceOf(ActionKinds.Decoded.Readable.class, decoded, decoded.toString()).action();
    }

    @Test
    void everyNewKindIsReadBackAsItWasStored() {
        List<Action> kinds = List.of(start,
                StartRun.of("team1", "", "Checklist only", "", "", "chan1", "u-me"),
                AnnounceRun.of("run1", "chan1", "~town-square", "**Run** started", "u-me"),
                new SetParticipation("run1", "u2", "Priya", true), new SetParticipation("run1", "u2", "Priya", false),
                new SetFollowing("run1", true), new SetFollowing("run1", false),
                new RenameRun("run1", "DB primary down"), new EditSummary("run1", "## Impact\nEU only"));
        for (Action action : kinds) {
            assertEquals(action, roundTrip(action), action.kind().id());
        }
    }

    @Test
    void aStartBelongsToItsTeamNotToARunAndIsNeverResentBlind() {
        assertEquals(new ActionScope(ActionScope.Kind.TEAM, "team1"), roundTrip(start).scope());
        assertEquals("Acme EU app servers degraded", start.name(), "stored as the server keeps it, trimmed");
        assertFalse(start.idempotent());
        assertTrue(start.settledByAcceptance());
        assertInstanceOf(ReplayCheck.Verdict.Send.class, start.judge(null, Optional.empty()));
        assertEquals(PlaybookRun.TYPE_PLAYBOOK, start.options().type());
        assertEquals("", start.options().channelId(), "no channel: the server makes one");
    }

    @Test
    void aStartWithoutANameOrAChecklistWithoutAChannelIsRefusedBeforeItIsQueued() {
        assertThrows(IllegalArgumentException.class, () -> StartRun.of("t", "pb1", "  ", "", "", "", "u-me"));
        assertThrows(IllegalArgumentException.class, () -> StartRun.of("t", "", "Name", "", "", "", "u-me"));
    }

    @Test
    void myRunCreatedAfterTheRequestLeftMeansTheStartTookEffectEvenWhenTheTemplateRenamedIt() {
        transport.started.add(FakeTransport.startedRun("r1", "team1", "INC-0042 - Acme", "u-me", SENT_AT + 300));
        assertEquals(Action.Settlement.TOOK_EFFECT, start.tookEffect(transport, SENT_AT));
    }

    @Test
    void noSuchRunAmongRunsReachingBackBeforeTheRequestMeansNotTaken() {
        transport.started.add(FakeTransport.startedRun("r0", "team1", start.name(), "u-me", SENT_AT - 3_600_000));
        transport.started.add(0, TestRunsFactory.ofPlaybook(
                FakeTransport.startedRun("r1", "team1", start.name(), "u-me", SENT_AT + 10), "pb2"));
        transport.started.add(0, FakeTransport.startedRun("r2", "team1", start.name(), "u-other", SENT_AT + 20));
        transport.started.add(0, FakeTransport.startedRun("r3", "team2", start.name(), "u-me", SENT_AT + 30));
        assertEquals(Action.Settlement.NOT_TAKEN, start.tookEffect(transport, SENT_AT),
                "an old run, another playbook, another reporter, another team: none is this start");
    }

    @Test
    void aRunAMinuteBeforeTheRequestOrAListThatDoesNotReachBackCannotTell() {
        transport.started.add(FakeTransport.startedRun("r1", "team1", start.name(), "u-me", SENT_AT - 60_000));
        assertEquals(Action.Settlement.UNKNOWN, start.tookEffect(transport, SENT_AT), "within the clocks' skew");

        transport.started.clear();
        IntStream.range(0, StartRun.LOOK_BACK).forEach(i -> transport.started.add(
                FakeTransport.startedRun("busy" + i, "team1", "Busy " + i, "u-x", SENT_AT + 1_000 - i)));
        assertEquals(Action.Settlement.UNKNOWN, start.tookEffect(transport, SENT_AT),
                "a hundred runs since the request: mine may be further back");

        transport.started.clear();
        transport.failNext(FakeTransport.serverError(403, "no permission"));
        assertEquals(Action.Settlement.UNKNOWN, start.tookEffect(transport, SENT_AT));
    }

    @Test
    void anAnnouncementIsFoundByMyPostWithItsTextInTheChannel() {
        AnnounceRun announce = AnnounceRun.of("run1", "chan1", "~incidents", "📣 **Checkout down**", "u-me");
        assertEquals(Action.Settlement.NOT_TAKEN, announce.tookEffect(transport, null, SENT_AT, "alex"));

        transport.channelPosts.add(FakeTransport.post("p1", "chan1", "u-other", announce.message(), SENT_AT + 5));
        transport.channelPosts.add(FakeTransport.post("p2", "chan2", "u-me", announce.message(), SENT_AT + 5));
        assertEquals(Action.Settlement.NOT_TAKEN, announce.tookEffect(transport, null, SENT_AT, "alex"),
                "someone else's post, or mine elsewhere, is not it");

        transport.channelPosts.add(0, FakeTransport.post("p3", "chan1", "u-me", announce.message() + "\n", SENT_AT - 30_000));
        assertEquals(Action.Settlement.UNKNOWN, announce.tookEffect(transport, null, SENT_AT, "alex"));

        transport.channelPosts.add(0, FakeTransport.post("p4", "chan1", "u-me", announce.message(), SENT_AT + 40));
        assertEquals(Action.Settlement.TOOK_EFFECT, announce.tookEffect(transport, null, SENT_AT, "alex"));
        assertFalse(announce.idempotent());
        assertInstanceOf(ReplayCheck.Verdict.Send.class,
                announce.judge(TestRunsFactory.finishedBy(TestRunsFactory.run("run1"), "u1", 5), Optional.empty()));
    }

    @Test
    void participationIsDoneWhenTheRunShowsItAndAConflictWhenSomeoneElseChangedIt() {
        PlaybookRun without = TestRunsFactory.run("run1");
        PlaybookRun with = TestRunsFactory.withParticipants(without, "u2", true);
        SetParticipation add = new SetParticipation("run1", "u2", "Priya", true);
        SetParticipation remove = new SetParticipation("run1", "u2", "Priya", false);

        assertEquals(add.target(), remove.target(), "adding and removing one person: the last intent wins");
        assertTrue(add.isSettledIn(with));
        assertFalse(add.isSettledIn(without));
        assertInstanceOf(ReplayCheck.Verdict.Done.class, add.judge(with, Optional.of(ActionBase.of(add, without))));
        assertInstanceOf(ReplayCheck.Verdict.Send.class, add.judge(without, Optional.of(ActionBase.of(add, without))));
        assertInstanceOf(ReplayCheck.Verdict.Send.class,
                remove.judge(with, Optional.of(ActionBase.of(remove, with))));
        assertInstanceOf(ReplayCheck.Verdict.Done.class, remove.judge(without, Optional.of(ActionBase.of(remove, with))),
                "someone else removed them meanwhile: that is what I wanted");
    }

    @Test
    void aRenameBySomeoneElseMeanwhileIsAConflictAndTheServersTrimmedSummarySettlesMine() {
        PlaybookRun run = TestRunsFactory.run("run1");
        RenameRun rename = new RenameRun("run1", "DB primary down");
        PlaybookRun renamedByOther = TestRunsFactory.patched(run, "Checkout: EU only", null);
        assertInstanceOf(ReplayCheck.Verdict.Conflicted.class,
                rename.judge(renamedByOther, Optional.of(ActionBase.of(rename, run))));
        assertTrue(rename.isSettledIn(TestRunsFactory.patched(run, "DB primary down ", null)));

        EditSummary summary = new EditSummary("run1", "EU only\n\n");
        assertTrue(summary.isSettledIn(TestRunsFactory.patched(run, null, "  EU only")));
        assertThrows(IllegalArgumentException.class, () -> new RenameRun("run1", " "));
    }

    @Test
    void followingIsConfirmedByTheAnswerAndNeverConflicts() {
        SetFollowing follow = new SetFollowing("run1", true);
        assertTrue(follow.settledByAcceptance());
        assertEquals(follow.target(), new SetFollowing("run1", false).target());
        follow.send(transport, TestRunsFactory.run("run1"));
        new SetFollowing("run1", false).send(transport, TestRunsFactory.run("run1"));
        assertEquals(List.of("follow run1", "unfollow run1"), transport.calls);
    }
}
