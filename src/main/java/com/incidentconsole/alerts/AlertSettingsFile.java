package com.incidentconsole.alerts;

import com.incidentconsole.datafolder.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings in the data folder, {@code notifications.properties}: a file a person can read and fix. Written
 * to a temporary file and moved over the old one, so a crash mid-write leaves the old settings, never half. A
 * missing or unreadable file gives the defaults (logged), never a failed start. Disk work: call it off the FX
 * thread.
 */
public final class AlertSettingsFile {

    public static final String NAME = "notifications.properties";
    private static final Logger LOG = Logger.getLogger(AlertSettingsFile.class.getName());
    private static final String DND = "doNotDisturb";

    private final Path file;

    public AlertSettingsFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    public AlertSettings load() {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException missing) {
            return AlertSettings.defaults();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Could not read " + file + "; using the default notification settings", e);
            return AlertSettings.defaults();
        }
        AlertSettings defaults = AlertSettings.defaults();
        Map<AlertKind, AlertSettings.KindSetting> kinds = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            AlertSettings.KindSetting d = defaults.of(kind);
            kinds.put(kind, new AlertSettings.KindSetting(flag(props, key(kind, "enabled"), d.enabled()),
                    flag(props, key(kind, "sound"), d.sound())));
        }
        return new AlertSettings(kinds, flag(props, DND, false));
    }

    public void save(AlertSettings settings) {
        StringWriter text = new StringWriter();
        text.append("# Incident Console notification settings (written by the app; true or false)\n");
        for (AlertKind kind : AlertKind.values()) {
            text.append(key(kind, "enabled")).append('=').append(String.valueOf(settings.of(kind).enabled())).append('\n');
            text.append(key(kind, "sound")).append('=').append(String.valueOf(settings.of(kind).sound())).append('\n');
        }
        text.append(DND).append('=').append(String.valueOf(settings.doNotDisturb())).append('\n');
        try {
            PrivateFiles.folder(file.getParent());
            Path temp = file.resolveSibling(NAME + ".tmp");
            Files.deleteIfExists(temp);
            PrivateFiles.write(temp, text.toString().getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the notification settings to " + file, e);
        }
    }

    private static String key(AlertKind kind, String what) {
        return kind.name().toLowerCase(Locale.ROOT) + "." + what;
    }

    private static boolean flag(Properties props, String key, boolean otherwise) {
        String value = props.getProperty(key);
        return value == null ? otherwise : Boolean.parseBoolean(value.strip());
    }
}
