package com.incidentconsole.timeline.events;

import com.incidentconsole.wire.TimelineEvent;

/**
 * An event's whole text as the timeline shows it: the summary without the server's bold markers, then the details
 * when they are words (system events keep JSON for the web app there; a post's details are its text) — the same rule
 * as the record the retrospective and the report print ({@code report.RunRecordMarkdown}).
 */
public final class EventText {

    private EventText() {
    }

    public static String of(TimelineEvent event) {
        return of(event, "");
    }

    /**
     * With the text of the post an {@code event_from_post} was made from (the server keeps only the summary on the
     * event; {@code ""} when unknown), unless the summary already is that text or the dialog's cut of it.
     */
    public static String of(TimelineEvent event, String postText) {
        String summary = plain(event.summary());
        String post = postText == null ? "" : postText.strip();
        String details = !post.isEmpty() && !post.equals(summary)
                && !(summary.endsWith("...") && post.startsWith(summary.substring(0, summary.length() - 3)))
                ? post : event.details().strip();
        if (details.isEmpty() || details.startsWith("{") || details.equals(summary)) {
            return summary;
        }
        return summary.isEmpty() ? details : summary + "\n" + details;
    }

    /** The server writes summaries in markdown; shown plain rather than with stray asterisks. */
    public static String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }
}
