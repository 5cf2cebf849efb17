package com.incidentconsole.playbook.editor;

import com.incidentconsole.playbook.library.store.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Autosaved drafts, {@code .incident-console/drafts/<file>} in the library, so a crash or a flat battery on a
 * plane never loses more than the last keystroke. A draft is deleted once its file is saved. Blocking I/O:
 * call it from the background executor only.
 */
final class DraftStore {

    private static final String DRAFTS = ".incident-console/drafts";

    private final Path folder;

    DraftStore(Path libraryFolder) {
        this.folder = libraryFolder.resolve(DRAFTS);
    }

    void write(String name, String text) throws IOException {
        AtomicWrite.replace(folder.resolve(name), text);
    }

    /** The draft text when a draft exists that is newer than the file itself (or the file is gone). */
    Optional<String> newerThan(String name, Path file) throws IOException {
        Path draft = folder.resolve(name);
        if (!Files.isRegularFile(draft)) {
            return Optional.empty();
        }
        boolean newer = !Files.exists(file)
                || Files.getLastModifiedTime(draft).compareTo(Files.getLastModifiedTime(file)) >= 0;
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        boolean differs = !Files.exists(file) || !text.equals(Files.readString(file, StandardCharsets.UTF_8));
        return newer && differs ? Optional.of(text) : Optional.empty();
    }

    void delete(String name) throws IOException {
        Files.deleteIfExists(folder.resolve(name));
    }
}
