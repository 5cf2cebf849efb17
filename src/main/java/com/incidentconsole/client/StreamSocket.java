package com.incidentconsole.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The only subclass of Java-WebSocket's client: one instance per connection attempt. It does no
 * work itself, it hands every callback to the {@link EventStream}'s own thread. That keeps
 * reconnects out of Java-WebSocket's callbacks (where they throw) and lets the stream ignore
 * late callbacks of a socket it has already given up, by identity.
 */
final class StreamSocket extends WebSocketClient {

    private static final Logger LOG = Logger.getLogger(StreamSocket.class.getName());
    /**
     * Java-WebSocket traces whole frames and the upgrade request at TRACE (JUL FINEST): the
     * {@code Authorization} header and the {@code authentication_challenge} token would land in any
     * log captured with logging turned up for a bug report. Capped at INFO (the library logs through
     * slf4j-jdk14 into JUL); held here because JUL keeps loggers only weakly.
     */
    private static final Logger LIBRARY_LOG = capLibraryLogging();

    private static Logger capLibraryLogging() {
        Logger library = Logger.getLogger("org.java_websocket");
        library.setLevel(Level.INFO);
        return library;
    }

    /** What the stream wants to hear; always called on Java-WebSocket's thread, so it must only enqueue. */
    interface Callbacks {
        void opened(StreamSocket socket);

        void text(StreamSocket socket, String text);

        void binary(StreamSocket socket, int bytes);

        void closed(StreamSocket socket, int code, String reason, boolean byServer);

        void failed(StreamSocket socket, Exception error);
    }

    private final Callbacks callbacks;

    StreamSocket(URI uri, Map<String, String> headers, int connectTimeoutMillis, Callbacks callbacks) {
        super(uri, new TextFrameDraft(), headers, connectTimeoutMillis);
        this.callbacks = callbacks;
        // Liveness is the stream's application-level ping; Java-WebSocket still answers server pings.
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        guard(() -> callbacks.opened(this));
    }

    @Override
    public void onMessage(String message) {
        guard(() -> callbacks.text(this, message));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        guard(() -> callbacks.binary(this, bytes.remaining()));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        guard(() -> callbacks.closed(this, code, reason == null ? "" : reason, remote));
    }

    @Override
    public void onError(Exception ex) {
        guard(() -> callbacks.failed(this, ex));
    }

    /** Nothing may escape into Java-WebSocket's read thread: it would tear the connection down. */
    private static void guard(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event stream callback failed", e);
        }
    }

    @Override
    public String toString() {
        // The URI carries connection_id and sequence_number only; the token travels in a header.
        return "StreamSocket[" + getURI() + "]";
    }
}
