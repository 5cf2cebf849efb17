package com.incidentconsole.sync;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The one place the connection state changes; listeners hear every change, on the changing thread. */
final class ConnectionStatusHolder {

    private final AtomicReference<ConnectionStatus> current =
            new AtomicReference<>(ConnectionStatus.of(ConnectionState.CONNECTING));
    private final Listeners<ConnectionStatus> listeners = new Listeners<>();

    ConnectionStatus get() {
        return current.get();
    }

    void set(ConnectionStatus status) {
        update(previous -> status);
    }

    /**
     * Changes the status from what it is now: several writers (sign-in, stream, loader) each change
     * their part, and none may undo another's (say, a stale mark) by writing a status built earlier.
     * Listeners are told under the lock, so they hear the changes in the order they were made.
     */
    synchronized void update(UnaryOperator<ConnectionStatus> change) {
        ConnectionStatus previous = current.get();
        ConnectionStatus next = change.apply(previous);
        current.set(next);
        if (!next.equals(previous)) {
            listeners.fire(next);
        }
    }

    Subscription subscribe(Consumer<ConnectionStatus> listener) {
        return listeners.add(listener);
    }
}
