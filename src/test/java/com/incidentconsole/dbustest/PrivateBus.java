package com.incidentconsole.dbustest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A D-Bus session bus of the test's own: a {@code dbus-daemon} with no service files, so nothing on the test machine
 * can be activated into it and the developer's own session is never touched. Tests that need it are skipped, with
 * the reason, where the daemon is not installed.
 *
 * <pre>{@code try (PrivateBus bus = PrivateBus.start(tempDir)) { ... bus.address() ... }}</pre>
 */
public final class PrivateBus implements AutoCloseable {

    private static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");

    private final Process daemon;
    private final String address;

    private PrivateBus(Process daemon, String address) {
        this.daemon = daemon;
        this.address = address;
    }

    /** Starts the daemon listening on a socket in {@code dir}; the test is skipped when it cannot start. */
    public static PrivateBus start(Path dir) throws IOException {
        assumeTrue(Files.isExecutable(DBUS_DAEMON), "needs dbus-daemon (Debian package dbus-daemon)");
        Path config = Files.writeString(dir.resolve("bus.conf"), """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus")));
        Process daemon = new ProcessBuilder(DBUS_DAEMON.toString(), "--config-file=" + config, "--nofork",
                "--print-address=1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        if (address == null || !address.startsWith("unix:")) {
            daemon.destroy();
            assumeTrue(false, "dbus-daemon did not start: " + address);
        }
        return new PrivateBus(daemon, address.strip());
    }

    /** The bus address, as {@code DBUS_SESSION_BUS_ADDRESS} would give it. */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        daemon.destroy();
    }
}
