package com.incidentconsole.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A list of listeners where one failing listener cannot stop the others or the state change. */
final class Listeners<T> {

    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    Subscription add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void fire(T value) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener failed; the state change itself stands", e);
            }
        }
    }
}
