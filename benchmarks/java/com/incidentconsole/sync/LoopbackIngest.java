package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.BenchFrames;
import com.incidentconsole.client.EventStream;
import com.incidentconsole.client.StreamState;
import com.incidentconsole.wire.HelloData;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WebSocketEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark (e): the recorded frames served over a loopback WebSocket ({@link LoopbackFrames}) to
 * the console's real {@link EventStream} applying into a {@link WorkspaceState} through
 * {@link SyncEngine#onEvent}, and to the official Mattermost JS client ({@code benchmarks/js/ingest-peer.js},
 * a child process, when node and its modules are there), interleaved A B A B so the machine's load
 * hits both alike. Both time from the {@code hello} to the last event taken in, and count the CPU the
 * client spent meanwhile (the console's stream and socket threads; the whole node process), which a
 * loaded machine disturbs less than wall time.
 */
final class LoopbackIngest {

    private static final Pattern JS_LINE = Pattern.compile("js-client: (\\d+) events in (\\d+) ms(?:.*cpu (\\d+) ms)?");

    /** Wall seconds from the hello to the last event, and CPU seconds the client's own threads spent. */
    record Pass(double seconds, double cpuSeconds) {
    }

    private final LoopbackFrames server;
    private final JsonMapper mapper;
    private final Supplier<WorkspaceState> freshState;
    private final Function<WorkspaceState, SyncEngine> engineFor;
    private final Path script = Path.of(System.getProperty("bench.js", "benchmarks/js/ingest-peer.js"));
    private final Path sharedTool = Path.of(System.getProperty("bench.jsTool", "../shared/tools/js-client-ingest.js"));
    private final String modules = Optional.ofNullable(System.getenv("JS_CLIENT_MODULES"))
            .orElse(System.getProperty("bench.jsModules", "/tmp/jsclient/node_modules"));
    private WorkspaceState lastState;

    LoopbackIngest(LoopbackFrames server, JsonMapper mapper, Supplier<WorkspaceState> freshState,
                   Function<WorkspaceState, SyncEngine> engineFor) {
        this.server = server;
        this.mapper = mapper;
        this.freshState = freshState;
        this.engineFor = engineFor;
    }

    /**
     * The console's pass; CPU is that of its stream thread and socket thread (the threads this pass
     * started with those names), not GC or JIT threads, which the JVM shares with the server.
     */
    Pass javaPass() throws Exception {
        Set<Thread> existing = Thread.getAllStackTraces().keySet();
        WorkspaceState state = freshState.get();
        SyncEngine engine = engineFor.apply(state);
        int total = server.events();
        CountDownLatch done = new CountDownLatch(1);
        long[] at = new long[2];
        int[] seen = new int[2];
        EventStream stream = BenchFrames.stream(server.endpoint(), mapper, new EventStream.Listener() {
            @Override
            public void onHello(HelloData hello, boolean newConnectionId) {
                at[0] = System.nanoTime();
            }

            @Override
            public void onEvent(WebSocketEvent event) {
                engine.onEvent(event);
                if (++seen[0] == total) {
                    at[1] = System.nanoTime();
                    done.countDown();
                }
            }

            @Override
            public void onStateChanged(StreamState s, Optional<Duration> next, Optional<String> reason) {
                if (s == StreamState.RECONNECTING) {
                    seen[1]++;
                }
            }

            @Override
            public void onMalformedFrame(String description) {
                seen[1]++;
            }
        });
        stream.start();
        boolean finished = done.await(300, TimeUnit.SECONDS);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = Thread.getAllStackTraces().keySet().stream().filter(t -> !existing.contains(t))
                .filter(t -> t.getName().equals("mattermost-event-stream") || t.getName().startsWith("WebSocketConnectReadThread"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.threadId()))).sum();
        stream.close();
        if (!finished || seen[1] > 0) {
            throw new IllegalStateException("console pass: " + seen[0] + " of " + total + " events, "
                    + seen[1] + " malformed frames or reconnects");
        }
        lastState = state;
        return new Pass((at[1] - at[0]) / 1e9, cpu / 1e9);
    }

    /** Runs held after the last console pass, to compare with the in-memory pass (b). */
    List<PlaybookRun> lastRuns() {
        return lastState.runs().all();
    }

    /** Why the JS side cannot run here, or empty when it can. */
    Optional<String> jsMissing() {
        if (!Files.isRegularFile(script)) {
            return Optional.of("no " + script);
        }
        if (!Files.isDirectory(Path.of(modules, "@mattermost", "client")) || !Files.isDirectory(Path.of(modules, "ws"))) {
            return Optional.of("no @mattermost/client and ws in " + modules + " (install: npm install --prefix "
                    + "/tmp/jsclient @mattermost/client@^11.9.0 ws@^8.23.0, or set JS_CLIENT_MODULES)");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? Optional.empty() : Optional.of("node --version failed");
        } catch (IOException | InterruptedException e) {
            return Optional.of("no node on the PATH");
        }
    }

    /** The official client's pass over the same frames from the same server; CPU of its whole process. */
    Pass jsPass() throws Exception {
        return runNode(List.of("node", script.toString(), server.endpoint().toString(),
                String.valueOf(server.events())), server.events());
    }

    /** The shared tool as the issue ran it (its own node server, one event per line of the file), for context. */
    OptionalDouble sharedToolPass(Path framesFile, int events) throws Exception {
        if (!Files.isRegularFile(sharedTool)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(runNode(List.of("node", sharedTool.toString(), framesFile.toAbsolutePath().toString()),
                events).seconds());
    }

    private Pass runNode(List<String> command, int events) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JS_CLIENT_MODULES", modules);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Matcher m = JS_LINE.matcher(output);
        if (!m.find() || Integer.parseInt(m.group(1)) != events) {
            throw new IllegalStateException("JS client: unexpected output: " + output.strip());
        }
        return new Pass(Long.parseLong(m.group(2)) / 1e3, m.group(3) == null ? Double.NaN : Long.parseLong(m.group(3)) / 1e3);
    }

    /** (e): one warm-up console pass, then {@code pairs} × (console, JS); prints each pair and the medians. */
    void report(int pairs, Path framesFile) throws Exception {
        int n = server.events();
        Pass warm = javaPass();
        System.out.printf("(e) loopback WebSocket, %d frames: console warm-up pass %,.0f events/s%n", n, n / warm.seconds());
        Optional<String> missing = jsMissing();
        missing.ifPresent(why -> System.out.println("    JS client SKIPPED: " + why));
        List<Double> java = new ArrayList<>();
        List<Double> js = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Pass j = javaPass();
            java.add(n / j.seconds());
            if (missing.isPresent()) {
                System.out.printf("    pair %d: console %,.0f events/s (%,.0f per CPU second)%n", i + 1, n / j.seconds(),
                        n / j.cpuSeconds());
                continue;
            }
            Pass s = jsPass();
            js.add(n / s.seconds());
            ratios.add(s.seconds() / j.seconds());
            cpuRatios.add(s.cpuSeconds() / j.cpuSeconds());
            System.out.printf("    pair %d: console %,.0f events/s, JS client %,.0f events/s, ratio %.2f;"
                            + " per CPU second %,.0f vs %,.0f, ratio %.2f%n", i + 1, n / j.seconds(), n / s.seconds(),
                    s.seconds() / j.seconds(), n / j.cpuSeconds(), n / s.cpuSeconds(), s.cpuSeconds() / j.cpuSeconds());
        }
        System.out.printf("    median: console %,.0f events/s", median(java));
        if (!js.isEmpty()) {
            double ratio = median(ratios);
            System.out.printf(", JS client %,.0f events/s, ratio (median of pairs) %.2f   (target >= 2.00) %s;"
                    + " CPU ratio (median) %.2f", median(js), ratio, ratio >= 2 ? "MET" : "MISSED", median(cpuRatios));
        }
        System.out.println();
        if (missing.isEmpty()) {
            OptionalDouble tool = sharedToolPass(framesFile, n);
            if (tool.isPresent()) {
                System.out.printf("    context: ../shared/tools/js-client-ingest.js as is (its own node server) %,.0f events/s%n",
                        n / tool.getAsDouble());
            }
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
