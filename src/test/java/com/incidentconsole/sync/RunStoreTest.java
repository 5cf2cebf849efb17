package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.uitest.TestRuns;
import com.incidentconsole.wire.PlaybookRun;
import org.junit.jupiter.api.Test;

/** Which version of a run the console keeps when the stream and REST answers disagree on its age. */
class RunStoreTest {

    private final RunStore store = new RunStore();
    private final PlaybookRun base = TestRuns.run(new TestRuns.RunSpec("run-1", "Outage").createdAt(1));

    private String owner() {
        return store.get("run-1").orElseThrow().ownerUserId();
    }

    @Test
    void aLaterEventWinsEvenWithAnOlderUpdateAtAsTheRealServerSendsAfterATimelinePost() {
        // AddPostToTimeline publishes update_at 30 without storing it; the delete after it reads back 20.
        assertTrue(store.applyStreamed(TestRuns.withOwner(base, "u-added-post", 30)));
        assertTrue(store.applyStreamed(TestRuns.withOwner(base, "u-after-delete", 20)));
        assertEquals("u-after-delete", owner(), "the stream's order is the server's order");
    }

    @Test
    void aQueuedEventOlderThanARestAnswerAlreadyHeldIsIgnored() {
        store.upsert(TestRuns.withOwner(base, "u-from-catch-up", 50));
        assertFalse(store.applyStreamed(TestRuns.withOwner(base, "u-queued-before", 40)));
        assertEquals("u-from-catch-up", owner());
        assertTrue(store.applyStreamed(TestRuns.withOwner(base, "u-next-event", 60)));
        assertTrue(store.applyStreamed(TestRuns.withOwner(base, "u-event-after-that", 55)),
                "once the held version is the stream's, the stream's order decides again");
        assertEquals("u-event-after-that", owner());
    }

    @Test
    void aLateRestAnswerStillCannotUndoANewerEvent() {
        store.applyStreamed(TestRuns.withOwner(base, "u-event", 50));
        store.upsert(TestRuns.withOwner(base, "u-late-answer", 40));
        assertEquals("u-event", owner());
    }
}
