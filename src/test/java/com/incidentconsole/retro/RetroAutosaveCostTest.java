package com.incidentconsole.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.sync.store.LocalStore;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of autosaving the retrospective per keystroke, on a real store file: what the typing thread pays (the
 * {@code save} call) and what one disk write takes. Printed for the README; the bound only catches a regression that
 * would make typing wait on the disk.
 */
class RetroAutosaveCostTest {

    @Test
    void aKeystrokeCostsMicrosecondsOnTheTypingThread(@TempDir Path dir) throws Exception {
        ExecutorService disk = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"))) {
            Drafts drafts = store.drafts("server");
            DraftAutosave autosave = new DraftAutosave(drafts, disk, e -> { throw e; });
            StringBuilder text = new StringBuilder("x".repeat(4_000));
            int keys = 2_000;
            long calls = 0;
            long started = System.nanoTime();
            for (int i = 0; i < keys; i++) {
                text.append((char) ('a' + i % 26));
                long t = System.nanoTime();
                autosave.save(new Drafts.Draft("retro:r1", text.toString(), "", i));
                calls += System.nanoTime() - t;
            }
            autosave.flushed().get();
            long total = System.nanoTime() - started;
            assertEquals(text.toString(), drafts.find("retro:r1").orElseThrow().text(), "the newest text is on disk");
            long writeStart = System.nanoTime();
            int writes = 50;
            for (int i = 0; i < writes; i++) {
                drafts.save(new Drafts.Draft("retro:r2", text.toString() + i, "", i));
            }
            long perWrite = (System.nanoTime() - writeStart) / writes;
            System.out.printf("retro autosave: %d keys of a ~6 KB text: %.1f µs per key on the typing thread, "
                    + "%.2f ms per disk write, %d ms for all keys to reach disk%n", keys, calls / 1000.0 / keys,
                    perWrite / 1e6, total / 1_000_000);
            assertTrue(calls / keys < 1_000_000, "a keystroke must not wait for the disk");
        } finally {
            disk.shutdown();
        }
    }
}
