package com.incidentconsole.storm;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the driver's send times with the probe's first-on-screen times and reads JavaFX's pulse log; prints the
 * storm's numbers and keeps them in {@code report.md}. A change counts as on screen at the first pulse that laid
 * out its token or a later token of the same thing (a later name of the same run: the screen then holds a state
 * that includes it — coalescing may skip a state, it must never show an older one for good).
 */
final class StormReport {

    private static final Pattern PULSE = Pattern.compile("(?:PULSE: (\\d+) \\[|\\[(\\d+) )(\\d+)ms:(\\d+)ms\\]");
    private static final Pattern MARK = Pattern.compile("STORM-MARK (\\w+) (\\d+)");
    /** Changes sent this close to a view switch or the end may rightly never show in that view. */
    private static final long MARGIN = 1_000_000_000L;

    private StormReport() {
    }

    static void print(Path dir, int rate, int seconds, boolean incremental, String sending) throws IOException {
        Properties app = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("app.properties"))) {
            app.load(reader);
        }
        String log = Files.readString(dir.resolve("app.err"));
        Map<String, Long> marks = new HashMap<>();
        Matcher m = MARK.matcher(log);
        while (m.find()) {
            marks.put(m.group(1), Long.parseLong(m.group(2)));
        }
        long[] bounds = {marks.get("start"), marks.get("detail"), marks.get("end")};

        Map<Long, long[]> seen = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("seen.txt"))) {
            String[] f = line.split(" ");
            seen.put(Long.parseLong(f[0]), new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        Map<Long, Long> arrived = new HashMap<>(); // token -> read off the app's socket
        if (Files.exists(dir.resolve("arrived.txt"))) {
            for (String line : Files.readAllLines(dir.resolve("arrived.txt"))) {
                String[] f = line.split(" ");
                arrived.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
            }
        }
        Map<String, List<long[]>> byTarget = new HashMap<>(); // target -> {n, sentAt}
        long sentCount = 0;
        for (String line : Files.readAllLines(dir.resolve("sent.txt"))) {
            String[] f = line.split(" ");
            sentCount++;
            if (!f[1].equals("-")) {
                byTarget.computeIfAbsent(f[1], k -> new ArrayList<>())
                        .add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[2])});
            }
        }
        List<List<Long>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Long>> fromArrival = List.of(new ArrayList<>(), new ArrayList<>());
        long[] lost = new long[2];
        long[] tracked = new long[2];
        for (List<long[]> events : byTarget.values()) {
            for (int p = 1; p <= 2; p++) {
                long from = bounds[p - 1];
                long to = bounds[p];
                boolean showing = false;
                long shownAt = Long.MAX_VALUE;
                for (int i = events.size() - 1; i >= 0; i--) {
                    long[] e = events.get(i);
                    long[] s = seen.get(e[0]);
                    if (s != null && s[1] == p) {
                        showing = true;
                        shownAt = Math.min(shownAt, s[0]);
                    }
                    if (e[1] < from || e[1] >= to) {
                        continue;
                    }
                    if (shownAt != Long.MAX_VALUE) {
                        latencies.get(p - 1).add(shownAt - e[1]);
                        Long at = arrived.get(e[0]);
                        if (at != null) {
                            fromArrival.get(p - 1).add(shownAt - at);
                        }
                        tracked[p - 1]++;
                    } else if (e[1] > from + MARGIN && e[1] < to - MARGIN) {
                        e[0] = -e[0] - 1; // remembered below once we know whether the target showed at all
                    }
                }
                for (long[] e : events) {
                    if (e[0] < 0) {
                        e[0] = -e[0] - 1;
                        if (showing) {
                            lost[p - 1]++;
                            tracked[p - 1]++;
                        }
                    }
                }
            }
        }

        List<List<long[]>> pulses = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<String> longest = new ArrayList<>();
        int phase = 0;
        Pattern both = Pattern.compile(MARK.pattern() + "|" + PULSE.pattern());
        Matcher b = both.matcher(log);
        TreeMap<Long, String> slow = new TreeMap<>();
        while (b.find()) {
            if (b.group(1) != null) {
                phase = switch (b.group(1)) {
                    case "start" -> 1;
                    case "detail" -> 2;
                    default -> 3;
                };
                continue;
            }
            if (phase < 1 || phase > 2) {
                continue;
            }
            long interval = Long.parseLong(b.group(5));
            long total = Long.parseLong(b.group(6));
            pulses.get(phase - 1).add(new long[] {total, interval});
            pulses.get(2).add(new long[] {total, interval});
            if (b.group(3) != null) {
                int end = log.indexOf("\n\n", b.end());
                slow.put(total * 1_000_000 + slow.size(), log.substring(b.start(), end < 0 ? log.length() : end).strip());
            }
        }
        slow.descendingMap().values().stream().limit(3).forEach(longest::add);

        StringBuilder out = new StringBuilder();
        out.append(String.format("Event storm: %,d run updates/s for %d s (%s updates), %s, load %s at the end%n",
                rate, seconds, incremental ? "incremental" : "full", java.time.Instant.now(), loadAverage()));
        out.append(String.format("runs in the list: %s (loaded in %s ms from first look), at the end %s; detail open at "
                + "the end: %s; sent %,d%n", app.getProperty("loaded.rows"), app.getProperty("loaded.ms"),
                app.getProperty("end.rows"), app.getProperty("end.detailOpen"), sentCount));
        out.append(sending).append(String.format("; %d cores%n", Runtime.getRuntime().availableProcessors()));
        out.append("\n| phase | pulses | pulse p50 / p99 / max (ms) | pulses > 50 ms | longest gap between pulses (ms) "
                + "| gaps > 50 ms |\n|---|---|---|---|---|---|\n");
        String[] names = {"runs list on screen (first half)", "run detail on screen (second half)", "whole storm"};
        for (int p = 0; p < 3; p++) {
            long[] totals = pulses.get(p).stream().mapToLong(x -> x[0]).sorted().toArray();
            long[] gaps = pulses.get(p).stream().mapToLong(x -> x[1]).sorted().toArray();
            out.append(String.format("| %s | %,d | %d / %d / %d | %d | %d | %d |%n", names[p], totals.length,
                    pct(totals, 50), pct(totals, 99), pct(totals, 100), Arrays.stream(totals).filter(t -> t > 50).count(),
                    pct(gaps, 100), Arrays.stream(gaps).filter(t -> t > 50).count()));
        }
        out.append("\n| on screen | changes measured | arrival (socket read) → on screen p50 / p99 / max (ms) | sent → on screen p50 / p99 / max (ms) | not on screen 2 s after the storm (view was showing them) |\n|---|---|---|---|---|\n");
        String[] views = {"runs list (names in view)", "run detail (header, checklist, timeline)"};
        for (int p = 0; p < 2; p++) {
            long[] lat = latencies.get(p).stream().mapToLong(Long::longValue).sorted().toArray();
            long[] arr = fromArrival.get(p).stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format("| %s | %,d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %d |%n", views[p], tracked[p],
                    pct(arr, 50) / 1e6, pct(arr, 99) / 1e6, pct(arr, 100) / 1e6,
                    pct(lat, 50) / 1e6, pct(lat, 99) / 1e6, pct(lat, 100) / 1e6, lost[p]));
        }
        out.append(String.format("%nFX thread, per second on screen (includes the probe's scan): runs list %s ms CPU, %s MB "
                + "allocated; run detail %s ms CPU, %s MB allocated%n", app.getProperty("fx.cpuMsPerS.1"),
                app.getProperty("fx.allocMbPerS.1"), app.getProperty("fx.cpuMsPerS.2"), app.getProperty("fx.allocMbPerS.2")));
        out.append(String.format("memory (MB): with the runs loaded heap %s (after GC %s), RSS %s (after GC %s); at the "
                + "end heap %s (after GC %s), RSS %s (after GC %s), peak RSS %s%n", app.getProperty("loaded.heapUsedMb"),
                app.getProperty("loaded.heapAfterGcMb"), app.getProperty("loaded.rssMb"),
                app.getProperty("loaded.rssAfterGcMb"), app.getProperty("end.heapUsedMb"),
                app.getProperty("end.heapAfterGcMb"), app.getProperty("end.rssMb"), app.getProperty("end.rssAfterGcMb"),
                app.getProperty("end.hwmMb")));
        out.append(String.format("probe's own scan per pulse: mean %s µs, max %s µs over %s pulses%n",
                app.getProperty("scan.meanUs"), app.getProperty("scan.maxUs"), app.getProperty("scan.count")));
        out.append("\nlongest pulses (JavaFX pulse logger):\n");
        longest.forEach(l -> out.append(l).append("\n\n"));
        System.out.print(out);
        Files.writeString(dir.resolve("report.md"), out);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
