package com.incidentconsole.app;

import com.incidentconsole.datafolder.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The icon fonts' temporary copies (probe L11). Ikonli loads its fonts with {@code Font.loadFont(jar:…)}, and JavaFX
 * copies a font that is not a plain file to {@code <tmp>/+JXF<random>.tmp} (1.3 MB for Material Design, 1.2 KB for
 * ikonli's own), deleted by a shutdown hook: a {@code kill -9} leaves them for good. So the fonts are loaded at
 * start, the copies this process made are written down in the data folder, and the next start on that folder —
 * which holds the folder's lock, so the one that made them is gone — deletes them. Other JavaFX apps' copies in the
 * same temp folder are never touched.
 */
final class FontTempFiles {

    static final String RECORD = "font-temp-files.txt";
    private static final Logger LOG = Logger.getLogger(FontTempFiles.class.getName());
    private static final String PREFIX = "+JXF";

    private FontTempFiles() {
    }

    /**
     * On a daemon thread (temp folder listing, a 1.3 MB copy): the startup screen has no icon, so this is done well
     * before the workspace shows its first one.
     */
    static void cleanThenRecordInBackground(Path dataDir) {
        Thread.ofPlatform().daemon().name("Icon font copies").start(() -> cleanThenRecord(dataDir));
    }

    /**
     * Deletes the copies a killed earlier start left, then loads the icon fonts and records this start's copies.
     * Only for the holder of the data folder's lock: the start that wrote the record is gone then.
     */
    static void cleanThenRecord(Path dataDir) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path record = dataDir.resolve(RECORD);
        removeRecorded(record, temp);
        Set<Path> before = copies(temp);
        new FontIcon("mdi2a-alert-circle");
        List<Path> mine = new ArrayList<>(copies(temp));
        mine.removeAll(before);
        try {
            Files.deleteIfExists(record);
            if (!mine.isEmpty()) {
                // Complete or absent, never half-written: a kill may come at any moment.
                Path partial = record.resolveSibling(RECORD + ".partial");
                Files.deleteIfExists(partial);
                PrivateFiles.write(partial, String.join("\n", mine.stream().map(Path::toString).toList())
                        .getBytes(StandardCharsets.UTF_8));
                Files.move(partial, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.fine(() -> "Could not record the icon fonts' temporary copies: " + e.getMessage());
        }
    }

    private static void removeRecorded(Path record, Path temp) {
        if (!Files.isRegularFile(record)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                Path copy = Path.of(line.strip());
                // Only what this app wrote down, and only font copies in the temp folder: never a path from elsewhere.
                if (copy.getParent() != null && copy.getParent().equals(temp)
                        && copy.getFileName().toString().startsWith(PREFIX) && Files.deleteIfExists(copy)) {
                    LOG.info(() -> "Removed " + copy + ", an icon font copy left by a killed earlier start");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Could not remove the recorded icon font copies: " + e.getMessage());
        }
    }

    private static Set<Path> copies(Path temp) {
        try (Stream<Path> files = Files.list(temp)) {
            return new HashSet<>(files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".tmp")).toList());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
