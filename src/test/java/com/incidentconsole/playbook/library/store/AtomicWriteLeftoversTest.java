package com.incidentconsole.playbook.library.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.datafolder.ChildJvm;
import com.incidentconsole.playbook.library.PlaybookParser;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files of writes killed half-way ({@code kill -9} during fmt or autosave) go at the next run (probe L11). */
class AtomicWriteLeftoversTest {

    @TempDir
    Path dir;

    private static Clock inAMinute() {
        return Clock.fixed(Instant.now().plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
    }

    @Test
    void theTempFileOfAKilledWriteIsRemovedButNotWhileItsWriterLives() throws Exception {
        Path target = dir.resolve("incident.json");
        Files.writeString(target, "{}");
        ChildJvm writer = ChildJvm.start(dir, List.of(), Map.of(), SlowWriter.class.getName(), target.toString());
        Path temp;
        try {
            String line = writer.lines().poll(30, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("WRITING "), "the writer started: " + line + writer.err());
            temp = Path.of(line.substring("WRITING ".length()));
            assertTrue(temp.getFileName().toString().matches("\\.incident\\.json\\d+\\.tmp"), temp.toString());

            assertEquals(0, AtomicWriteLeftovers.clean(dir, Optional.empty(), inAMinute()), "a live write is kept");
            assertTrue(Files.exists(temp));
        } finally {
            writer.kill();
        }

        assertEquals(0, AtomicWriteLeftovers.clean(dir, Optional.empty(), Clock.systemUTC()),
                "just written: kept for a few seconds, as a write about to be moved would be");
        assertEquals(1, AtomicWriteLeftovers.clean(dir, Optional.empty(), inAMinute()));
        assertTrue(Files.notExists(temp));
        assertEquals("{}", Files.readString(target), "the target is untouched");
    }

    @Test
    void formattingAFileRemovesOnlyThatFilesLeftovers() throws Exception {
        Path mine = leftover(dir, ".a.json4242424242.tmp");
        Path other = leftover(dir, ".b.json777.tmp");
        Path lookalike = leftover(dir, ".a.json.bak4242.tmp");

        assertEquals(1, AtomicWriteLeftovers.cleanFor(dir.resolve("a.json")));

        assertTrue(Files.notExists(mine));
        assertTrue(Files.exists(other), "another file's leftover waits for that file (or the library)");
        assertTrue(Files.exists(lookalike));
    }

    @Test
    void theNextFmtOfAFileRemovesTheTempFileAKilledFmtLeftBesideIt() throws Exception {
        Path file = Files.writeString(dir.resolve("sev1.json"), "{\"title\": \"Sev 1\", \"checklists\": []}\n");
        Path killed = leftover(dir, ".sev1.json1436208511812317.tmp");

        int exit = new picocli.CommandLine(new com.incidentconsole.cli.PlaybookCommand()).execute("fmt", file.toString());

        assertEquals(0, exit);
        assertTrue(Files.notExists(killed));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing else is left beside it");
        }
    }

    @Test
    void openingTheLibraryRemovesLeftoversOfSavesAndAutosaves() throws Exception {
        Path drafts = Files.createDirectories(dir.resolve(".incident-console/drafts"));
        Path save = leftover(dir, ".runbook.json123456789.tmp");
        Path autosave = leftover(drafts, ".runbook.json987654321.tmp");
        Path sidecar = leftover(dir.resolve(".incident-console"), ".library.json55.tmp");
        Files.writeString(dir.resolve("runbook.json"), "{}");

        List<String> names = new PlaybookLibrary(dir, new PlaybookParser(), WireJson.newMapper()).list();

        assertEquals(List.of("runbook.json"), names);
        assertTrue(Files.notExists(save) && Files.notExists(autosave) && Files.notExists(sidecar));
    }

    private static Path leftover(Path folder, String name) throws Exception {
        Path file = Files.writeString(folder.resolve(name), "half a playbook");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        return file;
    }
}
