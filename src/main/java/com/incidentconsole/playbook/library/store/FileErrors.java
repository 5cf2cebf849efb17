package com.incidentconsole.playbook.library.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Words for a failed file operation. Java's own messages are a bare path ("cannot write: /lib/.f.json1436.tmp"
 * said nothing about a read-only folder), so the exception's type is turned into the cause a user can act on.
 */
public final class FileErrors {

    private FileErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof TextFile.UnreadableFileException unreadable) {
            return unreadable.reason();
        }
        String detail = e instanceof FileSystemException fs && fs.getReason() != null ? ": " + fs.getReason() : "";
        if (e instanceof AccessDeniedException) {
            return "permission denied" + (detail.isEmpty() ? " (the file or its folder is not writable)" : detail);
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT).contains("no space")
                    ? "the disk is full" : fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
