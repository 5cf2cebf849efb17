package com.incidentconsole.uitest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback pass-through to a server that a test can cut and restore, as a network going down and
 * coming back: while cut, every open connection is dropped and new ones are closed at once, so the
 * console sees no answer (not an HTTP error). The server keeps its state meanwhile, which a restarted
 * sandbox would not.
 */
public final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile boolean closed;

    private CuttableLink(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on 127.0.0.1 (any free port), forwarding each connection to {@code targetPort}. */
    public static CuttableLink to(int targetPort) throws IOException {
        CuttableLink link = new CuttableLink(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        Thread accept = new Thread(link::acceptLoop, "cuttable-link");
        accept.setDaemon(true);
        accept.start();
        return link;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The network goes down: every connection drops, and none gets through until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(CuttableLink::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
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

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away (or the link was cut): close both ends below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cuttable-link-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        open.forEach(CuttableLink::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
