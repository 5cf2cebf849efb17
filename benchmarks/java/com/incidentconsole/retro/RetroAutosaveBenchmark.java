package com.incidentconsole.retro;

import com.incidentconsole.report.RunRecordMarkdown;
import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.uitest.TestWorkspace;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * What autosaving the retrospective costs per keystroke, on the real path: a {@link RetroTextArea} (RichTextFX
 * CodeArea) bound to a {@link RetroEditorViewModel} whose drafts go through {@link DraftAutosave} to a store file,
 * JavaFX running headless (Monocle). Per keystroke on the FX thread: the edit with everything it triggers (the
 * view-model's text, the draft handed to the autosave) and, separately, one colouring pass of the whole text (what
 * a keystroke costs when it gets a pulse of its own, i.e. at human typing speed). On the disk thread: the time per
 * coalesced write and how many writes a burst of keystrokes became. Also the bytes the FX thread allocates per
 * keystroke, which does not drift with the machine's load.
 *
 * <p>One command: {@code ./mvnw -o -B -q -Pbench test-compile exec:exec@bench-retro}
 */
public final class RetroAutosaveBenchmark {

    private static final int KEYS = 2_000;

    private RetroAutosaveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("retro-bench");
        AtomicInteger writes = new AtomicInteger();
        AtomicLong writeNanos = new AtomicLong();
        long[] writeTimes = new long[KEYS * 4];
        ExecutorService diskThread = Executors.newSingleThreadExecutor();
        java.util.concurrent.Executor disk = task -> diskThread.execute(() -> {
            long t = System.nanoTime();
            task.run();
            long took = System.nanoTime() - t;
            int n = writes.getAndIncrement();
            if (n < writeTimes.length) {
                writeTimes[n] = took;
            }
            writeNanos.addAndGet(took);
        });
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        try (LocalStore store = LocalStore.open(dir.resolve("store.db"))) {
            TestWorkspace workspace = TestWorkspace.seeded();
            DraftAutosave autosave = new DraftAutosave(store.drafts("bench"), disk, e -> { throw e; });
            CompletableFuture<String> report = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    report.complete(type(workspace, store, autosave));
                } catch (RuntimeException e) {
                    report.completeExceptionally(e);
                }
            });
            String fx = report.get();
            autosave.flushed().get();
            int n = Math.min(writes.get(), writeTimes.length);
            long[] perWrite = Arrays.copyOf(writeTimes, n);
            Arrays.sort(perWrite);
            System.out.printf("retro autosave (load average %.1f, %d cores): %s; disk thread: %d keystrokes became "
                    + "%d writes, median %.2f ms per write (min %.2f, max %.2f) of a %,d-char draft%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors(), fx, 3 * KEYS, n, perWrite[n / 2] / 1e6,
                    perWrite[0] / 1e6, perWrite[n - 1] / 1e6, TEXT.length() + KEYS);
        } finally {
            diskThread.shutdown();
            Platform.exit();
        }
    }

    /** On the FX thread: three rounds of {@link #KEYS} keystrokes, each round into a fresh editor. */
    private static String type(TestWorkspace workspace, LocalStore store, DraftAutosave autosave) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long fxThread = Thread.currentThread().threadId();
        long[] edit = new long[KEYS];
        long[] colour = new long[KEYS];
        long[] parse = new long[KEYS];
        long editBytes = 0;
        long colourBytes = 0;
        com.incidentconsole.markdown.MarkdownHighlight highlighter = new com.incidentconsole.markdown.MarkdownHighlight();
        for (int round = 0; round < 3; round++) {
            RetroEditorViewModel model = new RetroEditorViewModel(TestWorkspace.DB_OUTAGE, workspace,
                    Optional.of(new RetroStores(store.drafts("bench"), store.stars("bench"))), Optional.of(autosave),
                    Runnable::run, Runnable::run, Runnable::run, Optional::empty,
                    new RunRecordMarkdown(workspace.users()::displayName, ZoneOffset.UTC), Instant::now,
                    ZoneOffset.UTC);
            model.textProperty().set(TEXT);
            RetroTextArea area = new RetroTextArea(model.textProperty(), "bench");
            for (int i = 0; i < KEYS; i++) {
                int at = area.node().getLength() / 2;
                long b0 = threads.getThreadAllocatedBytes(fxThread);
                long t = System.nanoTime();
                area.node().insertText(at, i % 30 == 29 ? "\n" : "x");
                long t2 = System.nanoTime();
                long b1 = threads.getThreadAllocatedBytes(fxThread);
                area.highlightNow();
                long t3 = System.nanoTime();
                long b2 = threads.getThreadAllocatedBytes(fxThread);
                highlighter.runs(area.node().getText());
                long t4 = System.nanoTime();
                if (round == 2) {
                    edit[i] = t2 - t;
                    colour[i] = t3 - t2;
                    parse[i] = t4 - t3;
                    editBytes += b1 - b0;
                    colourBytes += b2 - b1;
                }
            }
            model.close();
        }
        Arrays.sort(edit);
        Arrays.sort(colour);
        Arrays.sort(parse);
        return String.format("FX thread per keystroke: edit + view-model + autosave median %.1f µs (p99 %.1f, "
                + "%.1f KB allocated); colouring the %,d-char text median %.1f µs (p99 %.1f, %.1f KB allocated), "
                + "of which parsing %.1f µs", edit[KEYS / 2] / 1e3, edit[KEYS * 99 / 100] / 1e3,
                editBytes / 1024.0 / KEYS, TEXT.length() + KEYS, colour[KEYS / 2] / 1e3, colour[KEYS * 99 / 100] / 1e3,
                colourBytes / 1024.0 / KEYS, parse[KEYS / 2] / 1e3);
    }

    /** A retrospective of about 4 KB (6 KB once typed into) with every construct the highlighter colours. */
    private static final String TEXT = """
            # Retrospective: database outage eu-west

            ## Summary
            The primary **database** was unreachable for *40 minutes*; failover to the replica took `dbctl failover`
            three attempts. See [the runbook](https://wiki.example.com/runbooks/db) and <https://status.example.com>.

            """ + """
            ## Timeline
            - 04:00 paged the on-call DBA
            - 04:12 **failover** started, `replica-2` promoted
            - [x] verify writes
            > Status update: writes are failing on eu-west; we are failing over. Next update in 30 minutes.

            ```sh
            dbctl failover eu-west --force
            ```

            | metric | value |
            |---|---|
            | time to detect | 2h 15m |

            """.repeat(12);
}
