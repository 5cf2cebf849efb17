package com.incidentconsole.timeline;

import com.incidentconsole.text.DisplayText;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The open run's timeline, oldest first so the newest event sits at the bottom like a chat. FX thread only. */
public final class TimelineViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");
    /** A timeline entry is a few lines in a narrow column; the tooltip holds more. */
    private static final int SUMMARY_LINES = 3;
    private static final int SUMMARY = 300;
    private static final int FULL_LINES = 40;
    private static final int FULL_SUMMARY = 2_000;
    private static final int PERSON = 80;
    private static final int TYPE = 60;

    private final ResourceBundle bundle;
    private final Function<String, String> userNames;
    private final ZoneId zone;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    /**
     * storm (issue 18): the open run's every update brings its whole timeline again; an entry already shown is not
     * formatted again while its event and its author's name are the same. Holds the shown run's entries only.
     */
    private Map<TimelineEvent, Shown> formatted = new HashMap<>();

    private record Shown(String authorName, TimelineRow row) {
    }

    public TimelineViewModel(ResourceBundle bundle, Function<String, String> userNames, ZoneId zone) {
        this.bundle = bundle;
        this.userNames = userNames;
        this.zone = zone;
    }

    public ObservableList<TimelineRow> rows() {
        return rowsView;
    }

    public void show(PlaybookRun run) {
        if (run == null) {
            rows.clear();
            return;
        }
        Map<TimelineEvent, Shown> next = new HashMap<>();
        List<TimelineRow> fresh = run.timelineEvents().stream()
                .filter(e -> e.deleteAt() == 0)
                .sorted(Comparator.comparingLong(TimelineEvent::eventAt))
                .map(e -> cached(e, next))
                .toList();
        formatted = next;
        if (fresh.equals(rows)) {
            return;
        }
        // A new entry at the end (the usual case) is added, not the whole list replaced: the list view then
        // measures one more cell instead of every one it shows.
        if (fresh.size() > rows.size() && fresh.subList(0, rows.size()).equals(rows)) {
            rows.addAll(fresh.subList(rows.size(), fresh.size()));
        } else {
            rows.setAll(fresh);
        }
    }

    private TimelineRow cached(TimelineEvent event, Map<TimelineEvent, Shown> next) {
        String authorId = event.creatorUserId().isEmpty() ? event.subjectUserId() : event.creatorUserId();
        String authorName = authorId.isEmpty() ? "" : userNames.apply(authorId);
        Shown shown = formatted.get(event);
        if (shown == null || !java.util.Objects.equals(shown.authorName(), authorName)) {
            shown = new Shown(authorName, row(event));
        }
        next.put(event, shown);
        return shown.row();
    }

    TimelineRow row(TimelineEvent event) {
        String authorId = event.creatorUserId().isEmpty() ? event.subjectUserId() : event.creatorUserId();
        String plain = plain(event.summary());
        DisplayText.Clip shown = DisplayText.paragraph(plain, SUMMARY_LINES, SUMMARY);
        return new TimelineRow(event.id(), event.eventType(), typeLabel(event.eventType()),
                TIME.format(Instant.ofEpochMilli(event.eventAt()).atZone(zone)),
                authorId.isEmpty() ? "" : DisplayText.line(userNames.apply(authorId), PERSON), shown.text(),
                shown.clipped() ? DisplayText.paragraph(plain, FULL_LINES, FULL_SUMMARY).text() : shown.text());
    }

    /** A readable label for every type the server records; unknown future types still read as words. */
    String typeLabel(String eventType) {
        try {
            return bundle.getString("timeline.type." + eventType);
        } catch (MissingResourceException unknown) {
            String words = DisplayText.line(eventType.replace('_', ' '), TYPE);
            return words.isEmpty() ? bundle.getString("timeline.type.unknown")
                    : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }
    }

    /** The server writes summaries in markdown; a label shows them plain rather than with stray asterisks. */
    static String plain(String markdown) {
        return markdown.replace("**", "").replace("__", "").strip();
    }
}
