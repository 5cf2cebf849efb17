package com.incidentconsole.timeline;

import com.incidentconsole.wire.TimelineEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The timeline's rows of the last rebuild, by what they were drawn from (issue 18, the event storm). Every update of
 * the open run brings its whole timeline again, and wrapping and clipping each entry's text grapheme by grapheme was
 * most of the timeline's share of the FX thread; an entry whose event, author, post text, fold and star are as before
 * is the row shown before. Only the last rebuild's entries are kept, so it never outgrows the run shown.
 */
final class RowMemo {

    record Key(TimelineEvent event, String author, String postText, boolean whole, boolean starred) {
    }

    private Map<Key, TimelineRow> last = new HashMap<>();
    private Map<Key, TimelineRow> next = new HashMap<>();

    TimelineRow row(Key key, Supplier<TimelineRow> draw) {
        TimelineRow row = last.get(key);
        if (row == null) {
            row = draw.get();
        }
        next.put(key, row);
        return row;
    }

    /** A rebuild ended: what it drew is what the next one may reuse. */
    void rebuilt() {
        last = next;
        next = new HashMap<>();
    }
}
