package com.incidentconsole.timeline.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.entry.BadEntry;
import com.incidentconsole.entry.ManualTimelineEntry;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineFilterTest {

    private static TimelineEvent event(String type, String summary, String details) {
        return new TimelineEvent("e1", "r1", 1, 0, 1, type, summary, details, "", "", "u1");
    }

    @Test
    void everyPartMustHold() {
        TimelineEvent post = event(TimelineEvent.EVENT_FROM_POST, "Failover **started**", "Replica in eu-west-2");
        TimelineFilter byType = TimelineFilter.ALL.withType(TimelineEvent.EVENT_FROM_POST);
        assertTrue(byType.matches(post, "From a post", "Sam Lee", false));
        assertFalse(byType.withStarredOnly(true).matches(post, "From a post", "Sam Lee", false));
        assertTrue(byType.withText("EU-WEST").matches(post, "From a post", "Sam Lee", false), "the details count");
        assertTrue(byType.withText("started").matches(post, "From a post", "Sam Lee", false), "bold markers ignored");
        assertTrue(byType.withText("sam").matches(post, "From a post", "Sam Lee", false), "the author counts");
        assertFalse(TimelineFilter.ALL.withType(TimelineEvent.STATUS_UPDATED).matches(post, "From a post", "Sam", true));
        assertTrue(TimelineFilter.ALL.withText("  ").isAll(), "blank text filters nothing");
    }

    @Test
    void systemDetailsAreJsonAndNotShownAsText() {
        assertEquals("Owner changed", EventText.of(event(TimelineEvent.OWNER_CHANGED, "Owner changed", "{\"a\":1}")));
        assertEquals("Title\nLine two", EventText.of(event(TimelineEvent.EVENT_FROM_POST, "Title", "Line two")));
    }

    @Test
    void aManualEntryPostsItsDetailsOrItsSummaryAndKnowsWhetherItsTimeWasKept() {
        Instant at = Instant.parse("2026-12-01T14:05:00Z");
        ManualTimelineEntry entry = new ManualTimelineEntry(" Comms sent ", "", Optional.of(at));
        assertEquals("Comms sent", entry.postMessage());
        assertEquals(at.toEpochMilli(), entry.askedCreateAt());
        assertTrue(entry.datedAsAsked(at.toEpochMilli() + 30_000));
        assertFalse(entry.datedAsAsked(at.toEpochMilli() + 3_600_000), "dated now: the user is not a system admin");
        assertEquals("The page", new ManualTimelineEntry("Comms", "The page", Optional.empty()).postMessage());
        assertThrows(BadEntry.class, () -> new ManualTimelineEntry(" ", "x", Optional.empty()));
    }
}
