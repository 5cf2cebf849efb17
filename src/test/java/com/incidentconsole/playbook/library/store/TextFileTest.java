package com.incidentconsole.playbook.library.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a playbook file fails plainly, quickly and in bounded memory (probe L4). */
class TextFileTest {

    @TempDir
    Path dir;

    @Test
    void utf8TextIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.json"), "{\"title\":\"Größe ✓ 🚒\"}");
        assertEquals("{\"title\":\"Größe ✓ 🚒\"}", TextFile.read(file));
    }

    @Test
    void latin1IsNamedAsNotUtf8WithTheOffset() throws Exception {
        Path file = Files.write(dir.resolve("latin1.json"), "{\"t\":\"Gr\u00f6\u00dfe\"}".getBytes(StandardCharsets.ISO_8859_1));
        TextFile.UnreadableFileException e = assertThrows(TextFile.UnreadableFileException.class,
                () -> TextFile.read(file));
        assertEquals("is not UTF-8 text (byte 0xF6 at offset 8); save it as UTF-8", e.reason());
    }

    @Test
    void utf16AndBinaryAreNotUtf8() throws Exception {
        Path utf16 = Files.write(dir.resolve("u16.json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_16));
        assertTrue(assertThrows(TextFile.UnreadableFileException.class, () -> TextFile.read(utf16)).reason()
                .startsWith("is not UTF-8 text"));
    }

    @Test
    void aByteOrderMarkIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("bom.json"), "\uFEFF{}");
        assertTrue(assertThrows(TextFile.UnreadableFileException.class, () -> TextFile.read(file)).reason()
                .contains("byte-order mark"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFifoIsRefusedInsteadOfBlockingForever() throws Exception {
        Path fifo = dir.resolve("fifo.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        assertTrue(assertThrows(TextFile.UnreadableFileException.class, () -> TextFile.read(fifo)).reason()
                .startsWith("is not a regular file"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aDeviceIsRefusedInsteadOfFillingTheHeap() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertTrue(assertThrows(TextFile.UnreadableFileException.class, () -> TextFile.read(zero)).reason()
                .startsWith("is not a regular file"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aHugeFileIsRefusedByItsSizeBeforeReading() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        assertEquals("is 3.0 GB; files over 64 MB are refused",
                assertThrows(TextFile.UnreadableFileException.class, () -> TextFile.read(huge)).reason());
    }

    @Test
    void aMissingFileAndAFolderSaySo() {
        assertEquals("no such file", assertThrows(TextFile.UnreadableFileException.class,
                () -> TextFile.read(dir.resolve("gone.json"))).reason());
        assertEquals("is a directory", assertThrows(TextFile.UnreadableFileException.class,
                () -> TextFile.read(dir)).reason());
    }
}
