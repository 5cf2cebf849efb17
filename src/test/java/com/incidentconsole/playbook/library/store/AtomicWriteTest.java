package com.incidentconsole.playbook.library.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rewrite keeps the file what it was: a link, its mode, its owner, its other names (probe M5, L11). */
class AtomicWriteTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetIsTheFileRewritten() throws Exception {
        Path target = Files.writeString(dir.resolve("t.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("l.json"), Path.of("t.json"));

        AtomicWrite.replace(link, "new");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void theModeIsKept() throws Exception {
        Path file = Files.writeString(dir.resolve("shared.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicWrite.replace(file, "new");

        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileIsNotMadePrivateLikeATempFile() throws Exception {
        Path file = dir.resolve("new.json");
        AtomicWrite.replace(file, "x");
        Path sibling = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(sibling), Files.getPosixFilePermissions(file),
                "created with the umask's mode, as any other new file");
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("ro.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));

        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> AtomicWrite.replace(file, "new"));

        assertTrue(refused.getReason().contains("read-only"), refused.getReason());
        assertEquals("old", Files.readString(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aHardLinkedFileStaysOneFileUnderBothNames() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "old");
        Path other = Files.createLink(dir.resolve("b.json"), file);

        AtomicWrite.replace(file, "new");

        assertEquals("new", Files.readString(other));
        assertTrue(Files.isSameFile(file, other));
    }

    @Test
    void theOwnerIsKeptWhenRootRewritesSomeoneElsesFile() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = Files.writeString(dir.resolve("theirs.json"), "old");
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);

        AtomicWrite.replace(file, "new");

        assertEquals(nobody, Files.getOwner(file));
    }

    @Test
    void leftoversOfAKilledWriteInThisNamingAreRemovedOnlyWhenOld() throws Exception {
        Path old = Files.writeString(dir.resolve(".sev1.json.0123456789abcdef.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(600)));
        Path fresh = Files.writeString(dir.resolve(".sev2.json.fedcba9876543210.tmp"), "in progress");
        Path unrelated = Files.writeString(dir.resolve(".notes.tmp"), "mine");
        Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minusSeconds(600)));

        assertEquals(1, AtomicWriteLeftovers.clean(dir));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh), "a write another process may still be doing is left alone");
        assertTrue(Files.exists(unrelated), "only this writer's own naming is touched");
    }

    @Test
    void aReplaceLeavesNoTemporaryFileBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "old");
        AtomicWrite.replace(file, "new");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
