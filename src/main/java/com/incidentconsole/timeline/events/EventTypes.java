package com.incidentconsole.timeline.events;

import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.TimelineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The event types the server records (app/playbook_run.go, the {@code timelineEventType} constants) in the user's
 * words, from the messages bundle ({@code timeline.type.*}); a type a newer server adds still reads as words.
 */
public final class EventTypes {

    private static final int TYPE = 60;

    private final ResourceBundle bundle;

    public EventTypes(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public String label(String eventType) {
        try {
            return bundle.getString("timeline.type." + eventType);
        } catch (MissingResourceException unknown) {
            String words = DisplayText.line(eventType.replace('_', ' '), TYPE);
            return words.isEmpty() ? bundle.getString("timeline.type.unknown")
                    : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }
    }

    /** A type and how many of the events have it. */
    public record Count(String eventType, String label, int count) {
    }

    /** The types present in {@code events}, in the order they first happened, with their counts. */
    public List<Count> present(Collection<TimelineEvent> events) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.stream().sorted(java.util.Comparator.comparingLong(TimelineEvent::eventAt))
                .forEach(e -> counts.merge(e.eventType(), 1, Integer::sum));
        List<Count> out = new ArrayList<>();
        counts.forEach((type, n) -> out.add(new Count(type, label(type), n)));
        return out;
    }
}
