package com.incidentconsole.sync;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The one place the connection state changes; listeners hear every change, on the changing thread. */
final class ConnectionStatusHolder {

    private final AtomicReference<ConnectionStatus> current =
            new AtomicReference<>(ConnectionStatus.of(ConnectionState.CONNECTING));
    private final Listeners<ConnectionStatus> listeners = new Listeners<>();

    ConnectionStatus get() {
        return current.get();
    }

    void set(ConnectionStatus status) {
        ConnectionStatus previous = current.getAndSet(status);
        if (!status.equals(previous)) {
            listeners.fire(status);
        }
    }

    Subscription subscribe(Consumer<ConnectionStatus> listener) {
        return listeners.add(listener);
    }
}
