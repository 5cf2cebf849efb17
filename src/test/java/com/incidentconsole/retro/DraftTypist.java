package com.incidentconsole.retro;

import com.incidentconsole.sync.store.DraftAutosave;
import com.incidentconsole.sync.store.LocalStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The typing half of {@link RetroDraftCrashTest}, run as its own JVM so that it can be killed with SIGKILL: the
 * editor's own draft path (a {@link RetroDrafts} over {@link DraftAutosave} on one disk thread, as {@code RetroUi}
 * builds it) on a real store file, fed one keystroke every 10 ms until it is killed. After each keystroke it
 * prints {@code <length> <epoch ms>}, so the test knows what was typed when.
 */
public final class DraftTypist {

    /** The text after {@code n} keystrokes: the test rebuilds it to compare. */
    static String typed(String start, int n) {
        StringBuilder text = new StringBuilder(start);
        for (int i = 0; i < n; i++) {
            text.append(i % 40 == 39 ? '\n' : (char) ('a' + i % 26));
        }
        return text.toString();
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String runId = args[1];
        String start = args[2];
        ExecutorService disk = Executors.newSingleThreadExecutor();
        LocalStore store = LocalStore.open(file);
        DraftAutosave autosave = new DraftAutosave(store.drafts("sandbox"), disk, e -> e.printStackTrace());
        RetroDrafts drafts = new RetroDrafts(runId, Optional.of(store.drafts("sandbox")), Optional.of(autosave), disk,
                Instant::now);
        StringBuilder text = new StringBuilder(start);
        for (int i = 0; ; i++) {
            text.setLength(0);
            text.append(typed(start, i + 1));
            drafts.saveText(text.toString(), "");
            System.out.println((i + 1) + " " + System.currentTimeMillis());
            System.out.flush();
            Thread.sleep(10);
        }
    }

    private DraftTypist() {
    }
}
