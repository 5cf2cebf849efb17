package com.incidentconsole.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A manual timeline event as the user gives it (the CLI's {@code timeline add} and the console's "add an event"),
 * and what the real server can make of it: it adds events only from posts (api/playbook_runs.go:
 * addToTimelineDialog), so the details (or the summary) are posted to the run's channel and that post is added
 * with the summary; the time asked for is the post's {@code create_at}, which the server keeps only for a system
 * admin (api4/post.go createPost) and otherwise replaces by now. One home for these rules so both agree.
 *
 * @param at when it happened, empty for now
 */
public record ManualTimelineEntry(String summary, String details, Optional<Instant> at) {

    /** The event time the server keeps only within this of the one asked for counts as kept. */
    public static final Duration KEPT_WITHIN = Duration.ofSeconds(60);

    public ManualTimelineEntry {
        summary = summary == null ? "" : summary.strip();
        details = details == null ? "" : details.strip();
        at = at == null ? Optional.empty() : at;
        if (summary.isEmpty()) {
            throw new BadEntry("the summary must not be empty");
        }
    }

    /** The post's text: the details, or the summary when there are none. */
    public String postMessage() {
        return details.isEmpty() ? summary : details;
    }

    /** The {@code create_at} asked for the post, epoch ms; 0 asks for none (the server dates it now). */
    public long askedCreateAt() {
        return at.map(Instant::toEpochMilli).orElse(0L);
    }

    /** Whether the server dated the event as asked (always, when no time was asked for). */
    public boolean datedAsAsked(long eventAt) {
        return at.map(asked -> Duration.between(asked, Instant.ofEpochMilli(eventAt)).abs()
                .compareTo(KEPT_WITHIN) <= 0).orElse(true);
    }
}
