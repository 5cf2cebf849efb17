package com.incidentconsole.sandbox.ws;

import com.incidentconsole.sandbox.fault.FaultPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One logical Mattermost WebSocket connection (a {@code connection_id}): it outlives its sockets so
 * that a client can resume it. Keeps the per-connection {@code seq}, the dead queue of the last
 * 128 events sent, and — while no socket is attached — the send queue of events not yet numbered,
 * as {@code web_conn.go} does ({@code WebConn.send}, cap {@code sendQueueSize = 256}; numbering
 * happens in {@code writePump}). All methods synchronise on the connection.
 */
final class WsConnection {

    static final int DEAD_QUEUE_SIZE = 128;
    /** {@code sendQueueSize} in {@code web_conn.go}: the hub closes a connection whose queue is full. */
    static final int SEND_QUEUE_SIZE = 256;

    /** An event frame already numbered and encoded. */
    record Sent(long seq, String text) {
    }

    private String id;
    private final String userId;
    private final Deque<Sent> deadQueue = new ArrayDeque<>();
    private final Deque<String> outgoing = new ArrayDeque<>();
    /** Events published while no socket was attached, in order, waiting for a resume to number them. */
    private final Deque<java.util.function.LongFunction<String>> queued = new ArrayDeque<>();
    private boolean writing;
    private long nextSeq;
    private long sentOnSocket;
    private Session session;
    private long inactiveSince;
    /** Real time (not the sandbox clock): liveness is about the socket, not the simulated world. */
    private long lastPongNanos = System.nanoTime();

    WsConnection(String id, String userId) {
        this.id = id;
        this.userId = userId;
    }

    synchronized String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    synchronized boolean isActive() {
        return session != null;
    }

    synchronized long inactiveSince() {
        return inactiveSince;
    }

    synchronized void attach(Session newSession) {
        this.session = newSession;
        // A new socket has nothing in flight; whatever the old one still held is in the dead queue.
        writing = false;
        outgoing.clear();
        this.sentOnSocket = 0;
        this.lastPongNanos = System.nanoTime();
    }

    synchronized void pong() {
        lastPongNanos = System.nanoTime();
    }

    synchronized void detach(Session closed, long now) {
        if (session == closed) {
            session = null;
            inactiveSince = now;
        }
    }

    /**
     * Numbers and sends one event; the frame text is built by {@code encoder} from the seq. Without a
     * socket the event waits in the send queue, as the real hub keeps broadcasting to inactive
     * connections ({@code web_hub.go} {@code Hub.Start}, {@code case msg := <-h.broadcast}).
     *
     * @return false when the send queue is full: the hub must close and forget this connection
     *         (the {@code default:} branch of that {@code select}, {@code closeAndRemoveConn})
     */
    synchronized boolean send(java.util.function.LongFunction<String> encoder, FaultPlan faults) {
        if (session == null) {
            if (queued.size() >= SEND_QUEUE_SIZE) {
                return false;
            }
            queued.addLast(encoder);
            return true;
        }
        deliver(encoder, faults);
        return true;
    }

    /** Drains what was queued while away; runs after the dead-queue replay, so seq continues from it. */
    synchronized void drainQueued(FaultPlan faults) {
        while (session != null && !queued.isEmpty()) {
            deliver(queued.pollFirst(), faults);
        }
    }

    private void deliver(java.util.function.LongFunction<String> encoder, FaultPlan faults) {
        long seq = nextSeq++;
        String text = encoder.apply(seq);
        remember(new Sent(seq, text));
        sentOnSocket++;
        switch (faults.onEvent(sentOnSocket)) {
            case DELIVER -> write(text);
            case LOSE -> {
                // The seq is used up and the event sits in the dead queue, so a resume can recover it.
            }
            case MALFORMED -> write("{\"event\": \"posted\", \"data\": {\"post\": ");
            case DELIVER_THEN_DROP -> {
                Session current = session;
                current.sendText(text, Callback.from(() -> current.close(1001, "sandbox fault: dropped",
                        Callback.NOOP), t -> current.disconnect()));
            }
        }
    }

    /** A response to a client action: no seq, not remembered. */
    synchronized void reply(String text) {
        if (session != null) {
            write(text);
        }
    }

    /**
     * Applies {@code sequence_number} of a resume (§1.7 step 5). Returns true when the dead queue
     * could fill the gap (events replayed, or nothing missed); false when the client lost events for good.
     */
    synchronized boolean resumeFrom(long sequenceNumber) {
        if (sequenceNumber == 0) {
            nextSeq = 0;
            return true;
        }
        List<Sent> replay = deadQueue.stream().filter(s -> s.seq() >= sequenceNumber).toList();
        if (!replay.isEmpty() && replay.get(0).seq() == sequenceNumber) {
            for (Sent s : replay) {
                write(s.text());
            }
            nextSeq = replay.get(replay.size() - 1).seq() + 1;
            return true;
        }
        if (!deadQueue.isEmpty() && deadQueue.peekLast().seq() == sequenceNumber - 1) {
            nextSeq = sequenceNumber;
            return true;
        }
        return false;
    }

    /**
     * After an unrecoverable gap: a new identity, seq from 0 again, nothing to replay. The send queue
     * is kept: {@code writePump} sends the new hello and then keeps draining {@code wc.send}.
     */
    synchronized void renew(String newId) {
        id = newId;
        deadQueue.clear();
        nextSeq = 0;
    }

    synchronized void closeSocket(int code, String reason) {
        if (session != null) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    /** Pings the socket, or drops it when no Pong came for {@code pongWaitNanos} (Mattermost: 100 s). */
    synchronized void ping(long pongWaitNanos) {
        if (session == null) {
            return;
        }
        if (System.nanoTime() - lastPongNanos > pongWaitNanos) {
            session.disconnect();
        } else {
            session.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /**
     * Frames go out one at a time, in order: a WebSocket session takes one pending write, and a
     * frame refused because another was still in flight would vanish silently (a replay of several
     * events lost all but the first).
     */
    private void write(String text) {
        outgoing.addLast(text);
        if (!writing) {
            writeNext();
        }
    }

    private synchronized void writeNext() {
        String text = outgoing.pollFirst();
        if (text == null || session == null) {
            writing = false;
            outgoing.clear();
            return;
        }
        writing = true;
        Session on = session;
        on.sendText(text, Callback.from(() -> wrote(on), failure -> failed(on)));
    }

    /*
     * A write's callback may come after its socket was replaced by a resume (a close under load lags). It
     * must then leave the new socket's queue alone: clearing it, or starting a second write beside the new
     * socket's own, lost the replay of a resume (the flaky ResumeQueueTest, "no frame within 30 s").
     */
    private synchronized void wrote(Session on) {
        if (on == session) {
            writeNext();
        }
    }

    private synchronized void failed(Session on) {
        if (on == session) {
            writing = false;
            outgoing.clear();
        }
    }

    private void remember(Sent sent) {
        if (deadQueue.size() == DEAD_QUEUE_SIZE) {
            deadQueue.removeFirst();
        }
        deadQueue.addLast(sent);
    }
}
