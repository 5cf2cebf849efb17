package com.incidentconsole.alerts;

import com.incidentconsole.sync.RunsChange;
import com.incidentconsole.sync.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * From decisions to notices: the {@link AlertRules} decide, the {@link Debounce} merges bursts, the settings drop
 * what the user turned off, the {@link AlertHistory} records, and the {@link Notifier} shows — unless
 * do-not-disturb holds it back. Synchronous and clock-driven, so tests call {@link #changed} and {@link #tick}
 * by hand; {@link AlertLoop} gives it its thread in the app.
 */
public final class AlertDesk {

    private static final Logger LOG = Logger.getLogger(AlertDesk.class.getName());

    private final AlertRules rules;
    private final Debounce debounce;
    private final AlertText text;
    private final AlertHistory history;
    private final Notifier notifier;
    private final Supplier<Instant> clock;
    private final List<Consumer<AlertSettings>> settingsListeners = new CopyOnWriteArrayList<>();
    private volatile AlertSettings settings = AlertSettings.defaults();

    public AlertDesk(AlertRules rules, Debounce debounce, AlertText text, AlertHistory history, Notifier notifier,
            Supplier<Instant> clock) {
        this.rules = Objects.requireNonNull(rules);
        this.debounce = Objects.requireNonNull(debounce);
        this.text = Objects.requireNonNull(text);
        this.history = Objects.requireNonNull(history);
        this.notifier = Objects.requireNonNull(notifier);
        this.clock = Objects.requireNonNull(clock);
    }

    public synchronized void changed(RunsChange change) {
        Instant now = clock.get();
        debounce.offer(rules.changed(change, now), now);
        deliver(now);
    }

    /** The time-based rules and the end of debounce windows: call every second or so. */
    public synchronized void tick() {
        Instant now = clock.get();
        debounce.offer(rules.tick(now), now);
        deliver(now);
    }

    public AlertHistory history() {
        return history;
    }

    public AlertText text() {
        return text;
    }

    public AlertSettings settings() {
        return settings;
    }

    /** Changes the settings from any thread; listeners (the file, the panel) hear the new value. */
    public void update(UnaryOperator<AlertSettings> change) {
        AlertSettings now;
        synchronized (settingsListeners) {
            now = change.apply(settings);
            settings = now;
        }
        AlertSettings told = now;
        settingsListeners.forEach(l -> l.accept(told));
    }

    /** The settings read from disk at start: taken without telling the file to write them back. */
    void loaded(AlertSettings fromDisk, Consumer<AlertSettings> except) {
        synchronized (settingsListeners) {
            settings = fromDisk;
        }
        settingsListeners.stream().filter(l -> l != except).forEach(l -> l.accept(fromDisk));
    }

    public Subscription onSettings(Consumer<AlertSettings> listener) {
        settingsListeners.add(listener);
        return () -> settingsListeners.remove(listener);
    }

    private void deliver(Instant now) {
        AlertSettings current = settings;
        for (Alert alert : debounce.release(now)) {
            AlertSettings.KindSetting kind = current.of(alert.kind());
            if (!kind.enabled()) {
                continue;
            }
            Notice notice = text.notice(alert, kind.sound());
            boolean show = !current.doNotDisturb();
            history.add(new AlertHistory.Entry(notice, now, show));
            if (show) {
                try {
                    notifier.show(notice);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A notifier failed; the notice is in the history", e);
                }
            }
        }
    }
}
