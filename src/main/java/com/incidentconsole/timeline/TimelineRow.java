package com.incidentconsole.timeline;

/** One timeline entry in words: what happened, when, who did it, and the server's summary without markdown. */
public record TimelineRow(String id, String eventType, String typeLabel, String time, String author, String summary) {
}
