package com.incidentconsole.alerts;

/**
 * Where a notice is shown: the desktop's notification service, the app window, a recording in tests. Called on
 * the alerts thread, never the FX thread; an implementation that needs the FX thread hops there itself. A failure
 * is the notifier's own to report (logged); it must not throw, so one broken notifier cannot silence another.
 */
public interface Notifier extends AutoCloseable {

    void show(Notice notice);

    /** Releases what the notifier holds (a bus connection); nothing by default. */
    @Override
    default void close() {
    }
}
