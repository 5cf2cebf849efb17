package com.incidentconsole.retro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.TestWorkspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: kill -9 in the middle of typing loses at most the last second. A separate JVM types into the editor's
 * draft path on a real store file and is killed with SIGKILL ({@link Process#destroyForcibly}) while typing; the
 * editor opened afterwards on the same file offers the draft, holding every keystroke made up to a second before
 * the kill.
 */
class RetroDraftCrashTest {

    private record Keystroke(int count, long atMillis) {
    }

    @Test
    void aDraftTypedUntilSigkillIsOfferedWithAllButAtMostTheLastSecond(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.db");
        String runId = TestWorkspace.DB_OUTAGE;
        String start = "## Summary\n" + "The primary database was unreachable for 40 minutes.\n".repeat(60);
        Process typist = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                DraftTypist.class.getName(), file.toString(), runId, start)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Keystroke> keys = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(typist.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] parts = line.split(" ");
                    keys.add(new Keystroke(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
                }
            } catch (java.io.IOException | NumberFormatException gone) {
                // the typist was killed mid-line: what was read is what counts
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // Typing for at least 2.5 s (timed by the typist itself, so a slow start does not count).
        while (keys.isEmpty() || keys.getLast().atMillis() - keys.getFirst().atMillis() < 2_500) {
            assertTrue(typist.isAlive() && System.nanoTime() < deadline, "the typist types");
            Thread.sleep(20);
        }
        long killedAt = System.currentTimeMillis();
        typist.destroyForcibly();
        assertTrue(typist.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, typist.exitValue(), "killed by SIGKILL (128 + 9), not ended");
        reader.join(10_000);
        int typedSecondBefore = keys.stream().filter(k -> k.atMillis() <= killedAt - 1_000)
                .mapToInt(Keystroke::count).max().orElseThrow();
        int typedInAll = keys.getLast().count();

        try (LocalStore store = LocalStore.open(file)) {
            TestWorkspace workspace = TestWorkspace.seeded();
            Optional<RetroStores> stores = Optional.of(new RetroStores(store.drafts("sandbox"), store.stars("sandbox")));
            DraftAutosave autosave = new DraftAutosave(store.drafts("sandbox"), Runnable::run, e -> { throw e; });
            RetroEditorViewModel editor = new RetroEditorViewModel(runId, workspace, stores, Optional.of(autosave),
                    Runnable::run, Runnable::run, Runnable::run, Optional::empty,
                    new RunRecordMarkdown(workspace.users()::displayName, ZoneOffset.UTC), () -> TestWorkspace.NOW,
                    ZoneOffset.UTC);
            editor.open();
            String offered = editor.textProperty().get();
            assertTrue(editor.noticeProperty().get().contains("unsent draft"), editor.noticeProperty().get());
            int kept = offered.length() - start.length();
            assertEquals(DraftTypist.typed(start, kept), offered, "the draft is exactly what was typed, in order");
            assertTrue(kept >= typedSecondBefore, "kept " + kept + " keystrokes; " + typedSecondBefore
                    + " were typed more than a second before the kill (" + typedInAll + " in all)");
            System.out.printf("kill -9 while typing: %d of %d keystrokes kept, %d typed in the last second%n",
                    kept, typedInAll, typedInAll - typedSecondBefore);
            editor.close();
        }
    }
}
