package com.incidentconsole.placement;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * {@code window.properties} in the data folder: the main window's last place. Blocking file work: the
 * caller runs it off the FX thread. A missing, unreadable or nonsensical file is a first start, never
 * an error the user sees — the window then opens centred.
 */
public final class PlacementFile {

    private static final Logger LOG = Logger.getLogger(PlacementFile.class.getName());
    public static final String NAME = "window.properties";

    private final Path file;

    public PlacementFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Optional<WindowPlacement> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            double w = Double.parseDouble(p.getProperty("width"));
            double h = Double.parseDouble(p.getProperty("height"));
            double x = Double.parseDouble(p.getProperty("x"));
            double y = Double.parseDouble(p.getProperty("y"));
            if (!(w >= 200 && h >= 150 && Double.isFinite(x) && Double.isFinite(y) && w < 100_000 && h < 100_000)) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement(new Area(x, y, w, h), Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (IOException | RuntimeException e) {
            LOG.info(() -> "Ignoring the saved window place (" + e.getMessage() + "); the window opens centred");
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved over the old one: a crash mid-write leaves the old place. */
    public void write(WindowPlacement placement) {
        Properties p = new Properties();
        Area b = placement.bounds();
        p.setProperty("x", Double.toString(b.x()));
        p.setProperty("y", Double.toString(b.y()));
        p.setProperty("width", Double.toString(b.width()));
        p.setProperty("height", Double.toString(b.height()));
        p.setProperty("maximized", Boolean.toString(placement.maximized()));
        try {
            Files.createDirectories(file.getParent());
            StringWriter text = new StringWriter();
            p.store(text, "The main window's last place and size");
            Path temp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the window's place in " + file, e);
        }
    }
}
