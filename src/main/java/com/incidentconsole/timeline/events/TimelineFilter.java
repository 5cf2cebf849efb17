package com.incidentconsole.timeline.events;

import com.incidentconsole.wire.TimelineEvent;
import java.util.Locale;

/**
 * Which events the timeline lists: of one type (or all), containing a text (in the summary, the details, the type's
 * name or the author's, any case), starred only or all. Every part must hold.
 *
 * @param eventType {@code ""} for every type
 * @param text {@code ""} for any text
 */
public record TimelineFilter(String eventType, String text, boolean starredOnly) {

    public static final TimelineFilter ALL = new TimelineFilter("", "", false);

    public TimelineFilter {
        eventType = eventType == null ? "" : eventType;
        text = text == null ? "" : text.strip();
    }

    public boolean isAll() {
        return eventType.isEmpty() && text.isEmpty() && !starredOnly;
    }

    public TimelineFilter withType(String type) {
        return new TimelineFilter(type, text, starredOnly);
    }

    public TimelineFilter withText(String words) {
        return new TimelineFilter(eventType, words, starredOnly);
    }

    public TimelineFilter withStarredOnly(boolean on) {
        return new TimelineFilter(eventType, text, on);
    }

    public boolean matches(TimelineEvent event, String typeLabel, String author, boolean starred) {
        return matches(event, EventText.of(event), typeLabel, author, starred);
    }

    /**
     * @param text the event's whole text as shown ({@link EventText})
     * @param typeLabel the event type in words
     * @param author who did it, in words
     */
    public boolean matches(TimelineEvent event, String text, String typeLabel, String author, boolean starred) {
        if (starredOnly && !starred) {
            return false;
        }
        if (!eventType.isEmpty() && !eventType.equals(event.eventType())) {
            return false;
        }
        if (this.text.isEmpty()) {
            return true;
        }
        String needle = this.text.toLowerCase(Locale.ROOT);
        return text.toLowerCase(Locale.ROOT).contains(needle)
                || typeLabel.toLowerCase(Locale.ROOT).contains(needle)
                || author.toLowerCase(Locale.ROOT).contains(needle);
    }
}
