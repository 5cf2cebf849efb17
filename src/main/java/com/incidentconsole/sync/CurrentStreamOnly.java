package com.incidentconsole.sync;

import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.StreamState;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.WebSocketEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Passes on the reports of one stream only while it is the current one: a stream stopped for sign-in or
 * replaced by "retry now" may still report for a moment. Malformed frames are passed on regardless (log only).
 */
final class CurrentStreamOnly implements EventStream.Listener {

    private final EventStream.Listener target;
    private final IntSupplier currentGeneration;
    private final int generation;

    CurrentStreamOnly(EventStream.Listener target, IntSupplier currentGeneration, int generation) {
        this.target = target;
        this.currentGeneration = currentGeneration;
        this.generation = generation;
    }

    private boolean current() {
        return currentGeneration.getAsInt() == generation;
    }

    @Override
    public void onHello(HelloData hello, boolean newConnectionId) {
        if (current()) {
            target.onHello(hello, newConnectionId);
        }
    }

    @Override
    public void onEvent(WebSocketEvent event) {
        if (current()) {
            target.onEvent(event);
        }
    }

    @Override
    public void onStateChanged(StreamState state, Optional<Duration> nextAttemptIn, Optional<String> reason) {
        if (current()) {
            target.onStateChanged(state, nextAttemptIn, reason);
        }
    }

    @Override
    public void onMalformedFrame(String description) {
        target.onMalformedFrame(description);
    }
}
