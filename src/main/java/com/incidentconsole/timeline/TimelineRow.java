package com.incidentconsole.timeline;

/**
 * One timeline entry in words: what happened, when, who did it, and the server's summary without
 * markdown, cut to a few lines; {@code fullSummary} is the longer (still bounded) text for the tooltip.
 */
public record TimelineRow(String id, String eventType, String typeLabel, String time, String author, String summary,
                          String fullSummary) {

    /** An entry whose summary is short enough to show whole. */
    public TimelineRow(String id, String eventType, String typeLabel, String time, String author, String summary) {
        this(id, eventType, typeLabel, time, author, summary, summary);
    }
}
