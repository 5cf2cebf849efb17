package com.incidentconsole.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * TLS in front of a plain loopback server, the way a reverse proxy terminates HTTPS in front of Mattermost:
 * bytes pass through unchanged, so REST and the WebSocket upgrade both work over it. Lets the TLS tests use the
 * real sandbox without giving the sandbox a TLS mode of its own.
 */
public final class TlsFrontDoor implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TlsFrontDoor(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on 127.0.0.1 (any free port) with {@code tls}, forwarding each connection to {@code targetPort}. */
    public static TlsFrontDoor start(SSLContext tls, int targetPort) throws IOException {
        ServerSocket listener = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TlsFrontDoor door = new TlsFrontDoor(listener, targetPort);
        Thread accept = new Thread(door::acceptLoop, "tls-front-door");
        accept.setDaemon(true);
        accept.start();
        return door;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    /** Copies one direction until either side ends; a failed handshake simply ends the connection. */
    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The peer went away or the handshake was refused: close both ends below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-front-door-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(TlsFrontDoor::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
