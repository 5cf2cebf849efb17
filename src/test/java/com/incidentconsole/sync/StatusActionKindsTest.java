package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.StatusPostComplete;
import com.incidentconsole.wire.WireJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status-update kinds (issue #15): what each sends, how it is stored and read back, and how each decides after a
 * crash whether its request took effect — never sent twice blind.
 */
class StatusActionKindsTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static final long SENT = 1_700_000_000_000L;

    private final PlaybookRun run = TestRunsFactory.run("run1");
    private final FakeTransport transport = new FakeTransport(id -> run, (id, change) -> { });

    private static PlaybookRun withEvent(PlaybookRun run, String type, String summary, long at, long reminderSeconds) {
        ObjectNode tree = MAPPER.valueToTree(run);
        tree.put("previous_reminder", reminderSeconds * 1_000_000_000L);
        tree.withArray("timeline_events").addObject().put("id", "e1").put("event_type", type).put("summary", summary)
                .put("event_at", at).put("create_at", at);
        return MAPPER.convertValue(tree, PlaybookRun.class);
    }

    private static Action roundTrip(Action action) {
        OutboxEntry entry = new OutboxEntry(1, "c1", action.kind().id(), action.kind().version(), "run", action.runId(),
                action.target().subject(), action.payload(MAPPER).toString(), action.description(),
                OutboxEntry.State.PENDING, "", 0, 0, 0, "", "");
        return ((ActionKinds.Decoded.Readable) ActionKinds.standard().decode(entry, MAPPER)).action();
    }

    @Test
    void anUpdateWithBroadcastOnSwitchesTheRunsSettingFirstThenPosts() {
        PostStatusUpdate post = PostStatusUpdate.of("run1", "All green", Duration.ofMinutes(30), true, false);
        post.send(transport, run);
        assertEquals(List.of("broadcast run1 true", "post run1 All green"), transport.calls);
        assertEquals(1800, post.reminderSeconds());
    }

    @Test
    void anUpdateAsTheRunIsSetTouchesNoSettingAndFinishingSendsNoReminder() {
        PostStatusUpdate post = PostStatusUpdate.of("run1", "Resolved", Duration.ofMinutes(30), false, true);
        post.send(transport, run);
        assertEquals(List.of("post run1 Resolved +finish"), transport.calls, "broadcast off is the run's setting already");
        assertEquals(0, post.reminderSeconds(), "finish_run: the server sets the reminder to 0");
    }

    @Test
    void everyKindReadsBackAsWritten() {
        PostStatusUpdate post = PostStatusUpdate.of("run1", "x", Duration.ofHours(1), true, true);
        assertEquals(post, roundTrip(post));
        assertEquals(ResetReminder.snooze("run1", Duration.ofMinutes(15)), roundTrip(ResetReminder.snooze("run1",
                Duration.ofMinutes(15))));
        assertEquals(new RequestStatusUpdate("run1", "Outage"), roundTrip(new RequestStatusUpdate("run1", "Outage")));
    }

    @Test
    void aVersionOnePostReadsAsBroadcastAsSetAndNotFinishing() {
        OutboxEntry entry = new OutboxEntry(1, "c1", "status_post", 1, "run", "run1", "status-post:k",
                "{\"post_key\":\"k\",\"message\":\"m\",\"reminder_seconds\":60}", "Post", OutboxEntry.State.PENDING,
                "", 0, 0, 0, "", "");
        Action read = ((ActionKinds.Decoded.Readable) ActionKinds.standard().decode(entry, MAPPER)).action();
        assertEquals(new PostStatusUpdate("run1", "k", "m", 60, PostStatusUpdate.Broadcast.AS_SET, false), read);
    }

    @Test
    void aTemplateWithPlaceholdersTheServerRewroteIsUncertainNotResent() {
        PostStatusUpdate post = new PostStatusUpdate("run1", "k", "Update on {SEQ}", 60);
        transport.posts.add(new StatusPostComplete("p1", SENT + 50, 0, 0, "Update on INC-7", "alex"));
        assertEquals(Action.Settlement.UNKNOWN, post.tookEffect(transport, run, SENT, "alex"));
        transport.posts.clear();
        assertEquals(Action.Settlement.NOT_TAKEN, post.tookEffect(transport, run, SENT, "alex"));
    }

    @Test
    void aSnoozeIsFoundByItsTimelineEventAndInterval() {
        ResetReminder snooze = ResetReminder.snooze("run1", Duration.ofMinutes(15));
        assertEquals(Action.Settlement.TOOK_EFFECT, snooze.tookEffect(transport,
                withEvent(run, "status_update_snoozed", "", SENT + 10, 900), SENT, "alex"));
        assertEquals(Action.Settlement.UNKNOWN, snooze.tookEffect(transport,
                withEvent(run, "status_update_snoozed", "", SENT + 10, 3600), SENT, "alex"),
                "snoozed since, but to another interval: someone else's, or mine and changed again");
        assertEquals(Action.Settlement.UNKNOWN, snooze.tookEffect(transport,
                withEvent(run, "status_update_snoozed", "", SENT - 60_000, 900), SENT, "alex"), "clock skew");
        assertEquals(Action.Settlement.NOT_TAKEN, snooze.tookEffect(transport,
                withEvent(run, "status_update_snoozed", "", SENT - 600_000, 900), SENT, "alex"));
        assertThrows(IllegalArgumentException.class, () -> ResetReminder.cadence("run1", Duration.ZERO));
    }

    @Test
    void aRequestIsFoundByItsEventNamingMe() {
        RequestStatusUpdate request = new RequestStatusUpdate("run1", "Outage");
        assertEquals(Action.Settlement.TOOK_EFFECT, request.tookEffect(transport, withEvent(run,
                "status_update_requested", "@alex requested a status update", SENT + 5, 0), SENT, "alex"));
        assertEquals(Action.Settlement.NOT_TAKEN, request.tookEffect(transport, withEvent(run,
                "status_update_requested", "@sam requested a status update", SENT + 5, 0), SENT, "alex"));
        assertEquals(Action.Settlement.UNKNOWN, request.tookEffect(transport, withEvent(run,
                "status_update_requested", "@alex requested a status update", SENT - 30_000, 0), SENT, "alex"));
    }
}
