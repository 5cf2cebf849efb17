package com.incidentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.datafolder.ChildJvm;
import com.incidentconsole.datafolder.LockHolder;
import com.incidentconsole.sync.store.LocalStore;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code store check|rebuild}: refused while the app runs on the folder (probe M1); explains and rebuilds damage (M2). */
class StoreCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T23:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path data, String... args) {
        CommandLine command = new CommandLine(new StoreCommand(() -> data, CLOCK));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private Path storeWithOnePendingAction(Path data) {
        Path file = data.resolve("store.db");
        try (LocalStore store = LocalStore.open(file)) {
            store.outbox("https://chat.example.com").append("item_state", "r", "i", "{}", "Tick it", 1L);
        }
        return file;
    }

    @Test
    void isRefusedWithAClearMessageWhileAnotherProcessHasTheDataFolder() throws Exception {
        Path data = dir.resolve("data");
        Path file = storeWithOnePendingAction(data);
        byte[] before = Files.readAllBytes(file);
        ChildJvm app = ChildJvm.start(dir, List.of(), Map.of(), LockHolder.class.getName(), data.toString());
        try {
            app.expect("LOCKED", Duration.ofSeconds(30));

            assertEquals(1, run(data, "rebuild"));

            assertTrue(err.toString().startsWith("error: Incident Console is already running with this data folder (pid "
                    + app.pid() + "; "), err.toString());
            assertTrue(err.toString().contains("quit the app, then run 'incident-console store rebuild' again"),
                    err.toString());
            assertEquals("", out.toString());
        } finally {
            app.kill();
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the store was not touched");
        assertEquals(0, run(data, "check"), err.toString());
        assertTrue(out.toString().contains("sound") && out.toString().contains("1 pending actions"), out.toString());
    }

    @Test
    void checkNamesTheRescueFileOfADamagedStoreAndRebuildKeepsItsActions() throws Exception {
        Path file = storeWithOnePendingAction(dir);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() / 2);
        }

        assertEquals(1, run(dir, "check"));
        assertTrue(err.toString().contains("1 pending actions saved to " + dir.resolve("outbox-rescue-20261201-233000.json")),
                err.toString());
        assertTrue(Files.exists(dir.resolve("outbox-rescue-20261201-233000.json")));

        assertEquals(0, run(dir, "rebuild"), err.toString());
        assertTrue(out.toString().contains("Moved the damaged store to " + dir.resolve("store.db.damaged-20261201-233000")
                + "; the new store keeps 1 pending actions"), out.toString());
        try (LocalStore store = LocalStore.open(file)) {
            assertEquals(1, store.pendingActions());
        }
    }
}
