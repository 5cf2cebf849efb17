package com.incidentconsole.paths;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the app keeps its files, per the platform's convention: XDG on Linux
 * ({@code $XDG_DATA_HOME/incident-console}), Application Support on macOS, %APPDATA% on Windows.
 * {@code -Dincident.console.home=DIR} overrides it (tests, portable installs).
 */
public record AppPaths(Path dataDir) {

    public static AppPaths forCurrentUser() {
        Optional<String> override = Optional.ofNullable(System.getProperty("incident.console.home"));
        if (override.isPresent()) {
            return new AppPaths(Path.of(override.get()));
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new AppPaths(Path.of(home, "Library", "Application Support", "Incident Console"));
        }
        if (os.contains("win")) {
            String appData = Optional.ofNullable(System.getenv("APPDATA")).orElse(home);
            return new AppPaths(Path.of(appData, "Incident Console"));
        }
        String xdg = Optional.ofNullable(System.getenv("XDG_DATA_HOME")).filter(s -> !s.isBlank())
                .orElse(Path.of(home, ".local", "share").toString());
        return new AppPaths(Path.of(xdg, "incident-console"));
    }

    public Path store() {
        return dataDir.resolve("store.db");
    }
}
