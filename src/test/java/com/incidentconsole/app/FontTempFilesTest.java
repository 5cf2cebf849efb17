package com.incidentconsole.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.Main;
import com.incidentconsole.datafolder.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe L11: the icon fonts' {@code +JXF*.tmp} copies that a {@code kill -9} leaves in the temp folder are removed
 * by the next start on the same data folder, and a JavaFX copy the app did not make is left alone.
 */
class FontTempFilesTest {

    @TempDir
    Path dir;

    private ChildJvm app(Path data, Path temp) throws Exception {
        return ChildJvm.start(dir, List.of("-Dincident.console.home=" + data, "-Djava.io.tmpdir=" + temp,
                        "-Dincident.console.credentials=file", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dprism.order=sw", "-Djava.awt.headless=true"),
                Map.of("DISPLAY", ":0", "INCIDENT_CONSOLE_TOKEN", "not-a-real-token"), Main.class.getName(),
                "--server", "http://127.0.0.1:9");
    }

    @Test
    void theFontCopiesOfAKilledStartAreRemovedByTheNextStart() throws Exception {
        Path data = dir.resolve("data");
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path foreign = Files.writeString(temp.resolve("+JXF123456789.tmp"), "another JavaFX app's font");
        Path record = data.resolve(FontTempFiles.RECORD);

        ChildJvm first = app(data, temp);
        List<Path> copies;
        try {
            await("the first start recorded its font copies", first, () -> Files.isRegularFile(record));
            copies = Files.readAllLines(record).stream().map(Path::of).toList();
            assertFalse(copies.isEmpty());
            assertTrue(copies.stream().allMatch(Files::exists), copies.toString());
        } finally {
            first.kill();
        }
        assertTrue(copies.stream().allMatch(Files::exists), "kill -9 leaves them: no shutdown hook ran");

        ChildJvm next = app(data, temp);
        try {
            await("the next start removed them", next, () -> copies.stream().noneMatch(Files::exists));
            await("and recorded its own", next, () -> {
                try (Stream<Path> files = Files.list(temp)) {
                    return files.filter(p -> p.getFileName().toString().startsWith("+JXF")).count() >= 3;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            next.kill();
        }
        assertTrue(Files.exists(foreign), "a copy the app did not make is never touched");
    }

    private static void await(String what, ChildJvm child, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !child.process().isAlive()) {
                throw new AssertionError("Timed out waiting for: " + what + "; child stderr: " + child.err());
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
