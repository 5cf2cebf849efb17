package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A scriptable stand-in for Mattermost's socket: tests send exact frames and watch what the client does.
 * {@link #silenceable()} puts a TCP relay in front that can {@linkplain #goSilent() go silent}.
 */
final class FakeSocketServer extends WebSocketServer {

    record Opened(WebSocket conn, String resource, String authorization) {
    }

    final BlockingQueue<Opened> opened = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ObjectMapper json = new ObjectMapper();
    volatile boolean answerPings = true;
    private Relay relay;

    FakeSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    /** A server reached through a relay, so that {@link #goSilent()} works. Call {@link #begin()} next. */
    static FakeSocketServer silenceable() {
        FakeSocketServer server = new FakeSocketServer();
        server.relay = new Relay();
        return server;
    }

    FakeSocketServer begin() throws InterruptedException {
        start();
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("fake socket server did not start");
        }
        if (relay != null) {
            relay.forwardTo(getPort());
        }
        return this;
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + (relay == null ? getPort() : relay.port()) + "/api/v4/websocket");
    }

    /**
     * Every connection open now stops carrying anything, either way, yet stays open: as if the
     * server froze or a NAT box forgot the mapping. No close, no reset; pings, and even the
     * client's close frame, go unanswered. Connections made afterwards work normally.
     */
    void goSilent() {
        if (relay == null) {
            throw new IllegalStateException("only a silenceable() server can go silent");
        }
        relay.silenceOpenLinks();
    }

    @Override
    public void stop(int timeout) throws InterruptedException {
        if (relay != null) {
            relay.close();
        }
        super.stop(timeout);
    }

    Opened nextConnection() throws InterruptedException {
        Opened next = opened.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("client did not connect");
        }
        return next;
    }

    static String hello(String connectionId) {
        return "{\"event\":\"hello\",\"data\":{\"server_version\":\"10.11.0\",\"connection_id\":\"" + connectionId
                + "\"},\"broadcast\":{\"user_id\":\"u1\"},\"seq\":0}\n";
    }

    static String event(String name, long seq) {
        return "{\"event\":\"" + name + "\",\"data\":{\"payload\":\"{}\"},\"broadcast\":{\"channel_id\":\"c\"},\"seq\":"
                + seq + "}\n";
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        opened.add(new Opened(conn, handshake.getResourceDescriptor(), handshake.getFieldValue("Authorization")));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            JsonNode request = json.readTree(message);
            received.add(request);
            if (answerPings && "ping".equals(request.path("action").asText())) {
                conn.send("{\"status\":\"OK\",\"seq_reply\":" + request.path("seq").asLong()
                        + ",\"data\":{\"text\":\"pong\"}}");
            }
        } catch (Exception e) {
            throw new IllegalStateException("client sent non-JSON", e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        closeCodes.add(code);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // Resets by a closing client are expected in these tests.
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /** Byte pumps between a client and the server; per connection, a switch that swallows everything. */
    private static final class Relay {

        private final ServerSocket listener;
        private final List<Link> links = new CopyOnWriteArrayList<>();

        Relay() {
            try {
                listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return listener.getLocalPort();
        }

        void forwardTo(int serverPort) {
            daemon("relay-accept", () -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                        Link link = new Link(client, server);
                        links.add(link);
                        daemon("relay-up", () -> link.pump(client, server));
                        daemon("relay-down", () -> link.pump(server, client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        void silenceOpenLinks() {
            links.forEach(link -> link.silent = true);
        }

        void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            links.forEach(Link::close);
        }

        private static void daemon(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
        }
    }

    private static final class Link {

        private final Socket client;
        private final Socket server;
        volatile boolean silent;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Copies until end of stream; a silent link reads and drops, and passes no end of stream on either. */
        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                // Not try-with-resources: closing a socket's stream closes the socket, both ways.
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (!silent) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
                if (!silent) {
                    to.shutdownOutput();
                }
            } catch (IOException gone) {
                if (!silent) {
                    close();
                }
            }
        }

        void close() {
            try {
                client.close();
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
