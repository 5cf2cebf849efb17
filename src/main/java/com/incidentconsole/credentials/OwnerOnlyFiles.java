package com.incidentconsole.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files only their owner can read, made so from the first byte: the permissions are given when the file is
 * created (POSIX {@code 0600}, or on Windows an ACL granting the owner alone), never by a chmod afterwards that
 * would leave a moment in which the umask's defaults apply. Where the file system offers neither, it refuses.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final FileSystem fileSystem;
    private final Set<String> views;

    OwnerOnlyFiles(FileSystem fileSystem) {
        this(fileSystem, fileSystem.supportedFileAttributeViews());
    }

    /** {@code views}: the attribute views to rely on; tests pass fewer than the file system has. */
    OwnerOnlyFiles(FileSystem fileSystem, Set<String> views) {
        this.fileSystem = fileSystem;
        this.views = Set.copyOf(views);
    }

    /** Creates {@code dir} (owner-only) and its parents (with the usual permissions) unless it exists. */
    void createDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(dir, attributes(dir, true));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new CredentialException(dir + " exists but is not a folder; move it away and sign in again.", e);
            }
        } catch (IOException e) {
            throw new CredentialException("Cannot create the folder " + dir + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ").", e);
        }
    }

    /** Writes a new file; fails if one is there already (two processes creating a key must not both win). */
    void createNew(Path file, byte[] bytes) throws FileAlreadyExistsException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes(file, false))) {
            write(channel, bytes);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new CredentialException("Cannot write " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").", e);
        }
    }

    /** Replaces {@code file} atomically: readers see the old bytes or the new, never half of them. */
    void replace(Path file, byte[] bytes) {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            createNew(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CredentialException("Cannot replace " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The move went through or the temp file was never made; a leftover holds only ciphertext.
            }
        }
    }

    /**
     * Refuses a file others can read, as ssh does with a private key: it was copied or chmod-ed by hand, and
     * using it silently would pretend a protection that is gone. (ACL file systems are trusted as created.)
     */
    void requirePrivate(Path file) {
        if (!views.contains("posix")) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new CredentialException(file + " can be read by other users ("
                        + PosixFilePermissions.toString(permissions) + "), so it is not used. Make it private with: "
                        + "chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new CredentialException("Cannot check the permissions of " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private FileAttribute<?> attributes(Path target, boolean directory) throws IOException {
        if (views.contains("posix")) {
            return PosixFilePermissions.asFileAttribute(directory ? DIRECTORY : FILE);
        }
        if (views.contains("acl")) {
            UserPrincipal owner = fileSystem.getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            AclEntry entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(directory ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                            : EnumSet.noneOf(AclEntryFlag.class))
                    .build();
            return new FileAttribute<List<AclEntry>>() {
                @Override
                public String name() {
                    return "acl:acl";
                }

                @Override
                public List<AclEntry> value() {
                    return List.of(entry);
                }
            };
        }
        throw new CredentialException("Cannot keep " + target + " private: its file system has neither POSIX "
                + "permissions nor ACLs. Use the OS keyring, or give the token in INCIDENT_CONSOLE_TOKEN instead.");
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }
}
