package com.incidentconsole.client;

import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.WebSocketEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An {@link EventStream.Listener} that queues what it hears, so tests can wait with timeouts instead of sleeping. */
final class Recorder implements EventStream.Listener {

    record Hello(HelloData data, boolean newConnectionId) {
    }

    final BlockingQueue<Hello> hellos = new LinkedBlockingQueue<>();
    final BlockingQueue<WebSocketEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<StreamState> states = new LinkedBlockingQueue<>();
    final BlockingQueue<String> malformed = new LinkedBlockingQueue<>();
    final BlockingQueue<String> reasons = new LinkedBlockingQueue<>();
    /** Everything in arrival order, to check that hello comes before events. */
    final BlockingQueue<String> log = new LinkedBlockingQueue<>();
    volatile Thread callbackThread;
    /** Set instead of thrown: the stream swallows listener exceptions by design. */
    volatile boolean sawTwoThreads;

    @Override
    public void onHello(HelloData hello, boolean newConnectionId) {
        note("hello " + (newConnectionId ? "new" : "resumed"));
        hellos.add(new Hello(hello, newConnectionId));
    }

    @Override
    public void onEvent(WebSocketEvent event) {
        note("event " + event.seq());
        events.add(event);
    }

    @Override
    public void onStateChanged(StreamState state, Optional<Duration> nextAttemptIn, Optional<String> reason) {
        note("state " + state);
        reason.ifPresent(reasons::add);
        states.add(state);
    }

    @Override
    public void onMalformedFrame(String description) {
        note("malformed");
        malformed.add(description);
    }

    private void note(String what) {
        Thread current = Thread.currentThread();
        if (callbackThread == null) {
            callbackThread = current;
        } else if (callbackThread != current) {
            sawTwoThreads = true;
        }
        log.add(what);
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(5, TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("nothing arrived within 5 s");
        }
        return value;
    }

    /** Waits for {@code wanted}, skipping other states on the way. */
    void awaitState(StreamState wanted) throws InterruptedException {
        while (next(states) != wanted) {
            // keep skipping
        }
    }
}
