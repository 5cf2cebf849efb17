package com.incidentconsole.statsview;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a save dialog starts: the user's Documents folder when there is one, else their home. */
final class Folders {

    private Folders() {
    }

    static Path documents() {
        Path home = Path.of(System.getProperty("user.home", "."));
        Path documents = home.resolve("Documents");
        return Files.isDirectory(documents) ? documents : home;
    }
}
