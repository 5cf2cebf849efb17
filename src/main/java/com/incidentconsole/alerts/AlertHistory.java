package com.incidentconsole.alerts;

import com.incidentconsole.sync.Subscription;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What this session was told, newest first, bounded: the history panel's list, including what do-not-disturb
 * held back. Written on the alerts thread, read from any; listeners run on the writer's thread.
 */
public final class AlertHistory {

    /** One notice and whether it popped up; {@code shown} is false when do-not-disturb held it back. */
    public record Entry(Notice notice, Instant at, boolean shown) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();

    public AlertHistory(int capacity) {
        this.capacity = capacity;
    }

    public void add(Entry entry) {
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > capacity) {
                entries.removeLast();
            }
        }
        listeners.forEach(l -> l.accept(entry));
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public Subscription subscribe(Consumer<Entry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
