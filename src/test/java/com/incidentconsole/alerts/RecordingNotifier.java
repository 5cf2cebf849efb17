package com.incidentconsole.alerts;

import java.util.ArrayList;
import java.util.List;

/** The fake delivery: what would have been shown, in order. Thread-safe, since the desk may run on its thread. */
public final class RecordingNotifier implements Notifier {

    private final List<Notice> shown = new ArrayList<>();

    @Override
    public synchronized void show(Notice notice) {
        shown.add(notice);
    }

    public synchronized List<Notice> shown() {
        return List.copyOf(shown);
    }

    public synchronized List<AlertKind> kinds() {
        return shown.stream().map(n -> n.alert().kind()).toList();
    }
}
