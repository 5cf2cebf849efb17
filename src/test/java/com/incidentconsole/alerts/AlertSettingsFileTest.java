package com.incidentconsole.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsWhatTheNextStartReads() throws Exception {
        AlertSettingsFile file = new AlertSettingsFile(dir.resolve("data"));
        AlertSettings chosen = AlertSettings.defaults().withEnabled(AlertKind.RUN_STARTED, false)
                .withSound(AlertKind.TASK_ASSIGNED, true).withDoNotDisturb(true);
        file.save(chosen);
        assertEquals(chosen, new AlertSettingsFile(dir.resolve("data")).load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertFalse(Files.exists(file.path().resolveSibling(AlertSettingsFile.NAME + ".tmp")));
    }

    @Test
    void aMissingOrGarbledFileGivesTheDefaultsAndKeepsWhatItCanRead() throws Exception {
        assertEquals(AlertSettings.defaults(), new AlertSettingsFile(dir).load());
        Files.writeString(dir.resolve(AlertSettingsFile.NAME), "overdue.sound=false\n\\u12\u0000garbage=\n");
        AlertSettings read = new AlertSettingsFile(dir).load();
        assertTrue(read.of(AlertKind.OVERDUE).enabled());
    }
}
