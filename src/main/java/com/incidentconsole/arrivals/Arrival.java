package com.incidentconsole.arrivals;

/** A run started elsewhere, as the screen announces it. */
public record Arrival(String runId, String name, String ownerUserId, long createAt) {
}
