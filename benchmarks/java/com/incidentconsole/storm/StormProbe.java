package com.incidentconsole.storm;

import com.incidentconsole.client.EventStream;
import com.incidentconsole.runs.RunRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app-side half of the storm (benchmark code only, loaded by {@link StormApp}): finds the main window once the
 * runs list holds the sandbox's runs, notes the memory with them loaded, and during the storm looks, after the
 * layout of every pulse, at the text of every visible {@link Labeled} (table cells, checklist items, timeline
 * entries, the run header) for the driver's tokens: the first pulse that laid out a token is when that change was
 * on screen (Prism paints that very frame next). Half-way through it opens the driver's run with Enter on its row,
 * as a user would. Pulse times themselves come from JavaFX's own pulse logger ({@code -Djavafx.pulseLogger}),
 * which this class only brackets with {@code STORM-MARK} lines on stderr.
 */
final class StormProbe {

    private final Path dir;
    private final Map<Long, long[]> seen = new HashMap<>(); // token -> {first seen nanos, phase}
    private final Runnable scan = this::scan;
    private volatile int phase; // 0 before, 1 list, 2 detail, 3 after
    private Scene scene;
    private volatile long fxThreadId = -1;
    /** FX thread CPU and allocation at each mark: numbers a loaded machine disturbs far less than wall time. */
    private final long[] fxCpu = new long[4];
    private final long[] fxAllocated = new long[4];
    private final long[] markedAt = new long[4];
    private long scanNanos;
    private long scanMax;
    private long scans;
    private final Arrivals arrivals = new Arrivals();

    private StormProbe(Path dir) {
        this.dir = dir;
    }

    static void install(Path dir) {
        StormProbe probe = new StormProbe(dir);
        probe.arrivals.install();
        Thread thread = new Thread(() -> {
            try {
                probe.run();
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(3);
            }
        }, "storm-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() throws Exception {
        Properties server = new Properties();
        server.load(Files.newBufferedReader(dir.resolve("server.properties")));
        int expect = Integer.parseInt(server.getProperty("visibleRuns"));
        String open = server.getProperty("openRun");
        long loadedAt = System.nanoTime();
        while (onFx(() -> rows() >= expect) != Boolean.TRUE) {
            Thread.sleep(200);
        }
        long loadMs = (System.nanoTime() - loadedAt) / 1_000_000;
        Properties memory = new Properties();
        memory.setProperty("loaded.rows", Integer.toString(onFx(this::rows)));
        memory.setProperty("loaded.ms", Long.toString(loadMs));
        Thread.sleep(3_000); // the load's last batches and first layout settle
        memory.setProperty("loaded.heapUsedMb", Long.toString(heapUsedMb()));
        memory.setProperty("loaded.rssMb", Long.toString(status("VmRSS")));
        System.gc();
        memory.setProperty("loaded.heapAfterGcMb", Long.toString(heapUsedMb()));
        memory.setProperty("loaded.rssAfterGcMb", Long.toString(status("VmRSS")));
        onFx(() -> {
            scene.addPostLayoutPulseListener(scan);
            return true;
        });
        Files.writeString(dir.resolve("ready"), "");

        StormDriver.waitFor(dir.resolve("started"), 600);
        long t0 = Long.parseLong(Files.readString(dir.resolve("started")).trim());
        mark(1, "start");
        long half = Long.getLong("storm.detailAfterSeconds", 30);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, t0 + TimeUnit.SECONDS.toNanos(half) - System.nanoTime()));
        onFx(() -> openRun(open));
        mark(2, "detail");
        StormDriver.waitFor(dir.resolve("sent"), 600);
        Thread.sleep(2_000); // what was sent last reaches the screen, or is counted as never shown
        mark(3, "end");
        onFx(() -> {
            scene.removePostLayoutPulseListener(scan);
            return true;
        });
        memory.setProperty("end.heapUsedMb", Long.toString(heapUsedMb()));
        memory.setProperty("end.rssMb", Long.toString(status("VmRSS")));
        memory.setProperty("end.hwmMb", Long.toString(status("VmHWM")));
        System.gc();
        memory.setProperty("end.heapAfterGcMb", Long.toString(heapUsedMb()));
        memory.setProperty("end.rssAfterGcMb", Long.toString(status("VmRSS")));
        memory.setProperty("end.rows", Integer.toString(onFx(this::rows)));
        memory.setProperty("end.detailOpen", Boolean.toString(onFx(() -> isShowing(scene.lookup("#runDetail")))));
        for (int p = 1; p <= 2; p++) {
            double seconds = (markedAt[p + 1] - markedAt[p]) / 1e9;
            memory.setProperty("fx.cpuMsPerS." + p, String.format(java.util.Locale.ROOT, "%.0f",
                    (fxCpu[p + 1] - fxCpu[p]) / 1e6 / seconds));
            memory.setProperty("fx.allocMbPerS." + p, String.format(java.util.Locale.ROOT, "%.1f",
                    (fxAllocated[p + 1] - fxAllocated[p]) / 1048576.0 / seconds));
        }
        memory.setProperty("scan.count", Long.toString(scans));
        memory.setProperty("scan.meanUs", Long.toString(scans == 0 ? 0 : scanNanos / scans / 1_000));
        memory.setProperty("scan.maxUs", Long.toString(scanMax / 1_000));
        StringBuilder out = new StringBuilder();
        onFx(() -> {
            seen.forEach((token, at) -> out.append(token).append(' ').append(at[0]).append(' ').append(at[1]).append('\n'));
            return true;
        });
        Files.writeString(dir.resolve("seen.txt"), out);
        Files.writeString(dir.resolve("arrived.txt"), arrivals.dump());
        try (var writer = Files.newBufferedWriter(dir.resolve("app.properties"))) {
            memory.store(writer, "storm probe");
        }
        Files.writeString(dir.resolve("done"), "");
        Platform.exit();
        Thread.sleep(15_000);
        System.exit(0);
    }

    private void mark(int next, String name) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        fxCpu[next] = threads.getThreadCpuTime(fxThreadId);
        fxAllocated[next] = threads.getThreadAllocatedBytes(fxThreadId);
        markedAt[next] = System.nanoTime();
        phase = next;
        System.err.println();
        System.err.println("STORM-MARK " + name + " " + System.nanoTime());
    }

    /** Rows in the runs table of the main window; finds the window the first time it has one. */
    private int rows() {
        fxThreadId = Thread.currentThread().threadId();
        if (scene == null) {
            for (Window window : Window.getWindows()) {
                if (window instanceof Stage stage && stage.getScene() != null
                        && stage.getScene().lookup("#runsTable") != null) {
                    scene = stage.getScene();
                }
            }
        }
        return scene != null && scene.lookup("#runsTable") instanceof TableView<?> table ? table.getItems().size() : 0;
    }

    /** Enter on the run's row: the runs list's own "open" command. */
    @SuppressWarnings("unchecked")
    private boolean openRun(String id) {
        TableView<RunRow> table = (TableView<RunRow>) scene.lookup("#runsTable");
        List<RunRow> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                table.requestFocus();
                Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false,
                        false));
                return true;
            }
        }
        throw new IllegalStateException("run " + id + " is not in the list");
    }

    private void scan() {
        int now = phase;
        if (now < 1 || now > 2) {
            return;
        }
        long start = System.nanoTime();
        walk(scene.getRoot(), start, now);
        long took = System.nanoTime() - start;
        scanNanos += took;
        scanMax = Math.max(scanMax, took);
        scans++;
    }

    /** Each storm token ({@code #s<n>}) in {@code text}: the driver's change numbers, on screen or in a frame. */
    static void tokens(String text, LongConsumer each) {
        for (int i = text.indexOf(StormDriver.TOKEN); i >= 0; i = text.indexOf(StormDriver.TOKEN, i + 2)) {
            long token = 0;
            int j = i + 2;
            for (; j < text.length() && Character.isDigit(text.charAt(j)); j++) {
                token = token * 10 + (text.charAt(j) - '0');
            }
            if (j > i + 2) {
                each.accept(token);
            }
        }
    }

    private void walk(Node node, long at, int now) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            tokens(labeled.getText(), token -> seen.putIfAbsent(token, new long[] {at, now}));
            // Its own children are its skin's text; only a graphic (a timeline entry's box) can hold more labels.
            if (labeled.getGraphic() != null) {
                walk(labeled.getGraphic(), at, now);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, at, now);
            }
        }
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    private static long heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** A {@code kB} line of /proc/self/status, in MB. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs on the FX thread and waits; null while the toolkit is not up yet. */
    private static <T> T onFx(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            Platform.runLater(() -> {
                try {
                    result.complete(action.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException toolkitNotUp) {
            return null;
        }
        return result.get(120, TimeUnit.SECONDS);
    }

    /**
     * When each token's first frame was read off the app's socket (the "arrival"), through the event
     * stream's benchmark hook. The socket thread only enqueues; this class's own thread looks for the tokens.
     */
    private static final class Arrivals {
        private record Frame(String text, long at) { }

        private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        private final ConcurrentHashMap<Long, Long> first = new ConcurrentHashMap<>();

        void install() {
            EventStream.arrivalProbe = (text, at) -> frames.add(new Frame(text, at));
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        Frame f = frames.take();
                        tokens(f.text(), token -> first.putIfAbsent(token, f.at()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "storm-arrivals");
            thread.setDaemon(true);
            thread.start();
        }

        String dump() {
            StringBuilder out = new StringBuilder();
            first.forEach((token, at) -> out.append(token).append(' ').append(at).append('\n'));
            return out.toString();
        }
    }
}
