package com.incidentconsole.datafolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per data folder (probe M1), and a crash never leaves the folder locked. */
class InstanceLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsRefusedWithThePidOfTheFirstAndACrashedFirstDoesNotBlockTheNext() throws Exception {
        Path data = dir.resolve("data");
        ChildJvm first = ChildJvm.start(dir, List.of(), Map.of(), LockHolder.class.getName(), data.toString());
        try {
            first.expect("LOCKED", Duration.ofSeconds(30));

            InstanceLock.AlreadyRunning refused = assertThrows(InstanceLock.AlreadyRunning.class,
                    () -> InstanceLock.acquire(data));
            assertEquals(first.pid(), refused.pid().orElseThrow());
            assertTrue(refused.getMessage().startsWith("Incident Console is already running with this data folder (pid "
                    + first.pid()), refused.getMessage());
        } finally {
            first.kill();
        }
        // kill -9: no shutdown hook ran, the lock file is still there, but the OS released the lock.
        assertTrue(Files.exists(data.resolve(InstanceLock.FILE)));
        try (InstanceLock next = InstanceLock.acquire(data)) {
            assertEquals(data.toAbsolutePath(), next.folder());
            assertEquals(String.valueOf(ProcessHandle.current().pid()),
                    Files.readString(data.resolve(InstanceLock.FILE)).strip());
        }
    }

    @Test
    void theLockFileAndTheDoorAreOwnerOnly() throws Exception {
        Path data = dir.resolve("fresh");
        try (InstanceLock lock = InstanceLock.acquire(data); InstanceDoor door = InstanceDoor.open(lock, args -> { })) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve(InstanceLock.FILE))));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve(InstanceDoor.FILE))));
        }
    }

    @Test
    void theDoorPassesTheArgumentsOfAKnockWithTheCookieAndIgnoresAnyOther() throws Exception {
        List<List<String>> knocks = new CopyOnWriteArrayList<>();
        try (InstanceLock lock = InstanceLock.acquire(dir); InstanceDoor door = InstanceDoor.open(lock, knocks::add)) {
            int port = Integer.parseInt(Files.readString(dir.resolve(InstanceDoor.FILE)).split(" ")[0]);
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = stranger.getOutputStream();
                out.write("0123456789abcdef\nLS1zZXJ2ZXI=\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals(-1, stranger.getInputStream().read(), "a wrong cookie gets no answer");
            }
            assertTrue(InstanceDoor.knock(dir, List.of("--server", "https://chat.example.com/a b\nc"),
                    Duration.ofSeconds(3)));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (knocks.isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            assertEquals(List.of(List.of("--server", "https://chat.example.com/a b\nc")), knocks);
        }
        assertFalse(InstanceDoor.knock(dir, List.of(), Duration.ofSeconds(1)), "a closed door does not answer");
    }
}
