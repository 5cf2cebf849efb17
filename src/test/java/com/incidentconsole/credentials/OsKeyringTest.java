package com.incidentconsole.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real keyring path on Linux, where desktops differ most: no session bus, a bus without a Secret Service
 * (a minimal window manager, WSL, a container) and a bus with one. It must answer quickly and leave no thread
 * behind that would keep the JVM from exiting.
 */
class OsKeyringTest {

    private static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");

    @TempDir
    Path dir;

    private Process bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.destroy();
        }
    }

    @Test
    void withoutASessionBusTheKeyringIsUnavailableAtOnceWithTheReason() {
        long start = System.nanoTime();
        OsKeyring.Probe probe = OsKeyring.connect("Linux", name -> null);

        assertEquals(Optional.empty(), probe.store());
        assertTrue(probe.why().contains("DBUS_SESSION_BUS_ADDRESS is not set"), probe.why());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2_000);
    }

    @Test
    void aBusWithoutASecretServiceIsToldApartFromOneWithItAndNoThreadIsLeft() throws Exception {
        assumeTrue(Files.isExecutable(DBUS_DAEMON), "needs dbus-daemon (Debian package dbus-daemon)");
        String address = startPrivateBus();
        int before = dbusThreadsKeepingTheJvmAlive();

        long start = System.nanoTime();
        OsKeyring.Probe probe = OsKeyring.connect("Linux", name -> "DBUS_SESSION_BUS_ADDRESS".equals(name) ? address : null);
        assertEquals(Optional.empty(), probe.store());
        assertTrue(probe.why().startsWith("no Secret Service on the D-Bus session bus"), probe.why());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5_000, "answers quickly");
        awaitNoMoreThan(before);

        // Someone takes the Secret Service's name: now the check says go ahead (java-keyring takes over from here).
        try (DBusConnection provider = DBusConnectionBuilder.forAddress(address).withShared(false).build()) {
            provider.requestBusName("org.freedesktop.secrets");
            assertEquals(Optional.empty(), OsKeyring.secretServiceMissing(address));
        }
        assertTrue(OsKeyring.secretServiceMissing("unix:path=" + dir.resolve("no-bus-here")).orElseThrow()
                .startsWith("the D-Bus session bus does not answer"));
    }

    /** A bus of our own with no service files, so nothing on the test machine can be activated into it. */
    private String startPrivateBus() throws IOException {
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
        bus = new ProcessBuilder(DBUS_DAEMON.toString(), "--config-file=" + config, "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        assumeTrue(address != null && address.startsWith("unix:"), "dbus-daemon did not start: " + address);
        return address.strip();
    }

    private static int dbusThreadsKeepingTheJvmAlive() {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("DBus")).toList();
        return threads.size();
    }

    private static void awaitNoMoreThan(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (dbusThreadsKeepingTheJvmAlive() > count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(dbusThreadsKeepingTheJvmAlive() + " non-daemon D-Bus threads left running");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
