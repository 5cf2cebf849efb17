package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A message or retrospective file is read like a playbook file: bounded, plain words, never a hang. */
class OptionFileTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFifoIsABadArgumentNotAHang() throws Exception {
        Path fifo = dir.resolve("message.md");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptionFile.read("--message-file", fifo));
        assertEquals("--message-file " + fifo + ": is not a regular file (a pipe, socket or device); give the path "
                + "of a file", e.getMessage());
    }

    @Test
    void latin1IsNamedAsNotUtf8() throws Exception {
        Path file = Files.write(dir.resolve("retro.md"), "Gr\u00f6\u00dfe".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OptionFile.read("--file", file));
        assertEquals("--file " + file + ": is not UTF-8 text (byte 0xF6 at offset 2); save it as UTF-8", e.getMessage());
    }

    @Test
    void utf8TextIsReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.md"), "Mitigated ✓");
        assertEquals("Mitigated ✓", OptionFile.read("--file", file));
    }
}
