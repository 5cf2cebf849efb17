package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.WireJson;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retrospective and timeline kinds (issue 16): stored form, settlement, replay judgement, at-most-once. */
class RetrospectiveKindsTest {

    private final JsonMapper mapper = WireJson.newMapper();

    private PlaybookRun run(String retro, long publishedAt, boolean canceled, boolean enabled, String events) {
        try {
            return mapper.readValue("""
                    {"id":"r1","current_status":"Finished","retrospective":%s,"retrospective_published_at":%d,
                     "retrospective_was_canceled":%b,"retrospective_enabled":%b,
                     "metrics_data":[{"metric_config_id":"m1","value":60000}],"timeline_events":[%s]}
                    """.formatted(mapper.writeValueAsString(retro), publishedAt, canceled, enabled, events),
                    PlaybookRun.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Action roundTrip(Action action) {
        ActionKinds kinds = ActionKinds.standard();
        OutboxEntry entry = new OutboxEntry(1, "c", action.kind().id(), action.kind().version(), OutboxEntry.RUN_SCOPE,
                action.runId(), action.target().subject(), action.payload(mapper).toString(), "",
                OutboxEntry.State.values()[0], "", 0, 0, 0, "", "");
        ActionKinds.Decoded decoded = kinds.decode(entry, mapper);
        return assertInstanceOf(ActionKinds.Decoded.Readable.class, decoded, decoded.toString()).action();
    }

    @Test
    void everyKindIsStandardAndReadsBackAsWritten() {
        List<Action> actions = List.of(
                new SaveRetrospective("r1", "text", List.of(new RunMetricData("m1", 5L), new RunMetricData("m2", null))),
                new PublishRetrospective("r1", "k1", "text", List.of(new RunMetricData("m1", 5L)), 77),
                new CancelRetrospective("r1", "k2", 77), new SetRetrospectiveEnabled("r1", false),
                new DeleteTimelineEvent("r1", "e1", "Failover"));
        for (Action action : actions) {
            assertEquals(action, roundTrip(action));
        }
    }

    @Test
    void aSaveIsSettledByTextAndMetricsAndRefusedWhenTheServerTextMoved() {
        SaveRetrospective save = new SaveRetrospective("r1", "mine", List.of(new RunMetricData("m1", 60000L)));
        assertTrue(save.idempotent());
        assertTrue(save.isSettledIn(run("mine", 0, false, true, "")));
        assertFalse(save.isSettledIn(run("other", 0, false, true, "")));
        ActionBase seen = ActionBase.of(save, run("base", 0, false, true, ""));
        assertInstanceOf(ReplayCheck.Verdict.Send.class, save.judge(run("base", 0, false, true, ""), Optional.of(seen)));
        assertInstanceOf(ReplayCheck.Verdict.Conflicted.class,
                save.judge(run("colleague", 0, false, true, ""), Optional.of(seen)), "someone wrote meanwhile");
        assertInstanceOf(ReplayCheck.Verdict.Done.class, save.judge(run("mine", 0, false, true, ""), Optional.of(seen)));
    }

    @Test
    void aPublishIsNeverResentBlindTheServersPublishedTimeDecides() {
        PublishRetrospective publish = new PublishRetrospective("r1", "k", "mine", List.of(), 100);
        assertFalse(publish.idempotent());
        assertEquals(Action.Settlement.NOT_TAKEN, publish.tookEffect(null, run("mine", 100, false, true, ""), 0, "me"),
                "the published time has not moved: no request arrived");
        assertEquals(Action.Settlement.TOOK_EFFECT, publish.tookEffect(null, run("mine", 200, false, true, ""), 0, "me"));
        assertEquals(Action.Settlement.UNKNOWN, publish.tookEffect(null, run("theirs", 200, false, true, ""), 0, "me"),
                "someone else published since: whether mine arrived cannot be told");
        assertFalse(publish.isSettledIn(run("mine", 100, false, true, "")), "an earlier publish of the same text");
        assertFalse(new PublishRetrospective("r1", "a", "t", List.of(), 0).target()
                .equals(new PublishRetrospective("r1", "b", "t", List.of(), 0).target()), "two publishes, two targets");
    }

    @Test
    void noRetrospectiveIsJudgedByThePublishedTimeToo() {
        CancelRetrospective cancel = new CancelRetrospective("r1", "k", 100);
        assertFalse(cancel.idempotent());
        assertEquals(Action.Settlement.TOOK_EFFECT, cancel.tookEffect(null,
                run("No retrospective for this run.", 150, true, true, ""), 0, "me"));
        assertEquals(Action.Settlement.NOT_TAKEN, cancel.tookEffect(null, run("x", 100, false, true, ""), 0, "me"));
        assertInstanceOf(ReplayCheck.Verdict.Conflicted.class, cancel.judge(run("x", 150, false, true, ""),
                Optional.empty()), "published by someone since: the user decides");
    }

    @Test
    void theSwitchAndTheDeleteAreSettledByWhatTheRunShows() {
        assertTrue(new SetRetrospectiveEnabled("r1", false).isSettledIn(run("", 0, false, false, "")));
        assertFalse(new SetRetrospectiveEnabled("r1", false).isSettledIn(run("", 0, false, true, "")));
        DeleteTimelineEvent delete = new DeleteTimelineEvent("r1", "e1", "x");
        assertFalse(delete.isSettledIn(run("", 0, false, true, "{\"id\":\"e1\",\"delete_at\":0}")));
        assertTrue(delete.isSettledIn(run("", 0, false, true, "{\"id\":\"e1\",\"delete_at\":5}")));
        assertTrue(delete.isSettledIn(run("", 0, false, true, "")));
    }
}
