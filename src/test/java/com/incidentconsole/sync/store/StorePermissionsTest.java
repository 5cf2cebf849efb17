package com.incidentconsole.sync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store holds incident data and unsent actions: owner-only like the credentials (probe L10), whatever the
 * umask, for a new store and for one an older build left readable.
 */
class StorePermissionsTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewStoreAndItsWalAndShmAreOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path folder = dir.resolve("share").resolve("incident-console");
        try (LocalStore store = LocalStore.open(folder.resolve("store.db"))) {
            store.outbox("s").append("item_state", "r", "i", "{}", "d", 1L);
            assertEquals("rwx------", mode(folder));
            assertEquals("rw-------", mode(folder.resolve("store.db")));
            assertEquals("rw-------", mode(folder.resolve("store.db-wal")));
            assertEquals("rw-------", mode(folder.resolve("store.db-shm")));
        }
    }

    @Test
    void aStoreAnOlderBuildLeftReadableIsMadeOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path folder = dir.resolve("incident-console");
        try (LocalStore store = LocalStore.open(folder.resolve("store.db"))) {
            store.outbox("s").append("item_state", "r", "i", "{}", "d", 1L);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(folder.resolve("store.db"), PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalStore store = LocalStore.open(folder.resolve("store.db"))) {
            assertEquals(1, store.pendingActions());
            assertEquals("rwx------", mode(folder));
            assertEquals("rw-------", mode(folder.resolve("store.db")));
            assertEquals("rw-------", mode(folder.resolve("store.db-wal")));
        }
    }
}
