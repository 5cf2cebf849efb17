package com.incidentconsole.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.dbustest.PrivateBus;
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


    @TempDir
    Path dir;

    private PrivateBus bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.close();
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
        bus = PrivateBus.start(dir);
        String address = bus.address();
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
