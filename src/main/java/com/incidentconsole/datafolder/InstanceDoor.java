package com.incidentconsole.datafolder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a second start reaches the running one: a socket on 127.0.0.1 only, on a port the OS picks, written with a
 * random cookie to {@value #FILE} in the (owner-only) data folder. Only someone who can read that file — the same
 * user — can knock; another local user's process cannot make the console do anything.
 *
 * <p>A knock is {@code cookie}, then the second start's arguments (Base64, one a line), then an empty line; the
 * answer is {@code OK}. Nothing else is accepted, and a connection that says nothing is dropped after a second.
 */
public final class InstanceDoor implements AutoCloseable {

    static final String FILE = "instance.door";
    private static final Logger LOG = Logger.getLogger(InstanceDoor.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final int MAX_LINES = 256;
    private static final int MAX_LINE = 64 * 1024;

    private final ServerSocket server;
    private final String cookie;
    private final Consumer<List<String>> onKnock;
    private final Path file;

    private InstanceDoor(ServerSocket server, String cookie, Path file, Consumer<List<String>> onKnock) {
        this.server = server;
        this.cookie = cookie;
        this.file = file;
        this.onKnock = onKnock;
    }

    /**
     * Opens the door of the process that holds {@code lock}; {@code onKnock} hears each second start's arguments,
     * on the door's own thread.
     */
    public static InstanceDoor open(InstanceLock lock, Consumer<List<String>> onKnock) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String cookie = HexFormat.of().formatHex(secret);
            Path file = lock.folder().resolve(FILE);
            Path temp = lock.folder().resolve(FILE + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(temp);
            PrivateFiles.write(temp, (server.getLocalPort() + " " + cookie + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            InstanceDoor door = new InstanceDoor(server, cookie, file, onKnock);
            Thread.ofPlatform().daemon().name("Instance door").start(door::serve);
            return door;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the single-instance door: " + e.getMessage(), e);
        }
    }

    /**
     * Asks the process whose door is in {@code dataDir} to come forward with {@code args}.
     *
     * @return whether it answered
     */
    public static boolean knock(Path dataDir, List<String> args, Duration timeout) {
        String[] address;
        try {
            address = Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8).strip().split(" ");
        } catch (IOException e) {
            return false;
        }
        if (address.length != 2) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(address[0])),
                    (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder knock = new StringBuilder(address[1]).append('\n');
            for (String arg : args) {
                knock.append(Base64.getEncoder().encodeToString(arg.getBytes(StandardCharsets.UTF_8))).append('\n');
            }
            knock.append('\n');
            OutputStream out = socket.getOutputStream();
            out.write(knock.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return "OK".equals(in.readLine());
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout((int) PATIENCE.toMillis());
                List<String> args = read(socket);
                if (args != null) {
                    socket.getOutputStream().write("OK\n".getBytes(StandardCharsets.UTF_8));
                    onKnock.accept(args);
                }
            } catch (SocketException closed) {
                if (server.isClosed()) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Ignored a bad knock on the single-instance door", e);
            }
        }
    }

    /** The arguments of a knock with the right cookie; null for anything else. */
    private List<String> read(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8),
                MAX_LINE);
        String given = in.readLine();
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                cookie.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (args.size() == MAX_LINES || line.length() > MAX_LINE) {
                return null;
            }
            args.add(new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8));
        }
        return args;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale door file only makes the next knock fail, and the next start replaces it
        }
    }
}
