package com.incidentconsole.datafolder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders {@code 0700} and files {@code 0600}, whatever the umask: given at creation and set again right after
 * (creation modes are reduced by the umask, never widened, so the second step only matters for a folder or file
 * made by an older build). Where the file system has no POSIX permissions (Windows), the folder under the user's
 * profile is already private and nothing is done.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (its parents with the usual permissions) and makes it owner-only. */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        boolean posix = posix(absolute.getParent() == null ? absolute : absolute.getParent());
        if (!Files.isDirectory(absolute)) {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            try {
                if (posix) {
                    Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectory(absolute);
                }
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(absolute)) {
                    throw raced;
                }
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(absolute, FOLDER);
        }
        return absolute;
    }

    /** Creates {@code file} empty unless it exists, and makes it owner-only. */
    public static Path file(Path file) throws IOException {
        boolean posix = posix(file.toAbsolutePath().getParent());
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // kept as it is, only its permissions are tightened below
        }
        restrict(file);
        return file;
    }

    /** Makes an existing file owner-only; a missing one is left missing. */
    public static void restrict(Path file) throws IOException {
        if (Files.isRegularFile(file) && posix(file.toAbsolutePath().getParent())) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Writes {@code bytes} to a new owner-only file; fails if it exists. */
    public static Path write(Path file, byte[] bytes) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        Files.write(file, bytes);
        restrict(file);
        return file;
    }

    private static boolean posix(Path existing) {
        Path probe = existing;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe != null && Files.getFileAttributeView(probe, PosixFileAttributeView.class) != null;
    }
}
