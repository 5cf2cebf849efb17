package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.BenchFrames;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.PluginPayloads;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.PluginEvents;
import com.incidentconsole.wire.RunCreatedPayload;
import com.incidentconsole.wire.RunsPage;
import com.incidentconsole.wire.WebSocketEvent;
import com.incidentconsole.wire.WireJson;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The sync benchmark (a documented harness, not JMH: each measurement is a whole pass over a
 * recorded stream or a whole initial load, repeated, best and median reported). Run with
 * {@code ./mvnw -q -B -Pbench test}. See docs/reliability.md.
 *
 * <ol>
 * <li>Records {@code events} (default 100,000) run updates as a raw WebSocket client receives them
 *     from a sandbox while writers change item due dates over REST; the first fifth as full updates,
 *     the rest as incremental updates (as a server with EnableIncrementalUpdates sends them).
 *     Frames go to {@code target/bench/frames.txt}.</li>
 * <li>(a) bare Jackson: each frame read into a {@link WebSocketEvent} and its payload decoded.</li>
 * <li>(b) the client's path: {@code FrameReader} (as {@code EventStream}), then {@link SyncEngine#onEvent}
 *     applying into a {@link RunStore} (incremental updates merged by {@link IncrementalUpdate}).</li>
 * <li>(c) initial sync of the runs the default user sees (8,658 of the sandbox's 10,200) through
 *     {@link RunLoader} vs. downloading the same pages one after the other with {@code java.net.http}.</li>
 * <li>(d) retained heap of a {@link RunStore} holding those runs vs. their JSON size.</li>
 * <li>(e) the same frames over a loopback WebSocket into the real {@code EventStream} and
 *     {@link SyncEngine}, side by side with the official JS client ({@link LoopbackIngest}).</li>
 * </ol>
 */
public final class SyncBenchmark {

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 100_000);
        int repeats = Integer.getInteger("bench.repeats", 3);
        Path out = Path.of(System.getProperty("bench.dir", "target/bench"));
        Files.createDirectories(out);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        JsonMapper mapper = WireJson.newMapper();

        long started = System.nanoTime();
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withRuns(200, 10_000))) {
            System.out.printf("sandbox with %d runs up in %d ms%n", sandbox.control().runs().size(),
                    (System.nanoTime() - started) / 1_000_000);
            String token = sandbox.control().tokenFor(sandbox.control().defaultUser().username());
            MattermostConnection connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                    new Credentials.AccessToken(token), mapper);

            // --- record ---------------------------------------------------------------------
            List<PlaybookRun> before = connection.runs().listAll(RunQuery.all().omitEnded());
            Path framesFile = out.resolve("frames.txt");
            // -Dbench.frames=FILE replays an earlier recording (the sandbox starts the same every time)
            // instead of recording: for profiling runs; the final-state check then does not apply.
            String reuse = System.getProperty("bench.frames", "");
            List<String> frames = reuse.isEmpty() ? record(sandbox, connection, token, before, events, framesFile)
                    : Files.readAllLines(Path.of(reuse), StandardCharsets.UTF_8);
            long frameBytes = frames.stream().mapToLong(f -> f.getBytes(StandardCharsets.UTF_8).length).sum();
            System.out.printf("recorded %d run-update frames (%.1f MB) to %s%n", frames.size(), frameBytes / 1e6,
                    framesFile);

            // --- (a) bare Jackson -------------------------------------------------------------
            int fulls = (int) frames.stream().filter(f -> f.contains("\"custom_playbooks_playbook_run_updated\"")).count();
            double[] bareSplit = {Double.MAX_VALUE, Double.MAX_VALUE};
            double[] clientSplit = {Double.MAX_VALUE, Double.MAX_VALUE};
            Stats bare = repeat(repeats, () -> {
                long sink = 0;
                long t0 = System.nanoTime();
                long tSplit = 0;
                int i = 0;
                for (String frame : frames) {
                    if (i++ == fulls) {
                        tSplit = System.nanoTime();
                    }
                    WebSocketEvent event = mapper.readValue(frame, WebSocketEvent.class);
                    Object payload = switch (event.event()) {
                        case PluginEvents.RUN_UPDATED -> PluginPayloads.decode(event, PlaybookRun.class, mapper);
                        case PluginEvents.RUN_UPDATED_INCREMENTAL ->
                                PluginPayloads.decode(event, PlaybookRunUpdate.class, mapper);
                        case PluginEvents.RUN_CREATED -> PluginPayloads.decode(event, RunCreatedPayload.class, mapper);
                        default -> event;
                    };
                    sink += payload.hashCode();
                }
                split(bareSplit, t0, tSplit, System.nanoTime());
                return sink;
            });

            // --- (b) client path --------------------------------------------------------------
            BenchFrames reader = new BenchFrames(mapper);
            AtomicInteger refetches = new AtomicInteger();
            Stats client;
            try (SyncExecutors executors = SyncExecutors.create()) {
                client = repeat(repeats, () -> {
                    WorkspaceState state = WorkspaceState.empty();
                    state.users().putAll(connection.users().list(0, 200));
                    state.runs().upsert(before);
                    SyncEngine engine = new SyncEngine(connection, state, mapper, executors.io(), Clock.systemUTC(),
                            StreamSettings.defaults(), () -> { });
                    long t0 = System.nanoTime();
                    long tSplit = 0;
                    int i = 0;
                    for (String frame : frames) {
                        if (i++ == fulls) {
                            tSplit = System.nanoTime();
                        }
                        WebSocketEvent event = reader.event(frame);
                        engine.onEvent(event);
                    }
                    split(clientSplit, t0, tSplit, System.nanoTime());
                    // Every held run must now be the last one recorded for it (checked once below).
                    lastState = state;
                    return state.runs().size();
                });
            }
            if (reuse.isEmpty()) {
                verifyFinalState(connection, before);
            }

            // --- (e) the same frames over a loopback WebSocket: console vs the official JS client ---
            try (SyncExecutors executors = SyncExecutors.create();
                 LoopbackFrames server = LoopbackFrames.serve(frames, mapper)) {
                List<com.incidentconsole.wire.User> users = connection.users().list(0, 200);
                LoopbackIngest ingest = new LoopbackIngest(server, mapper, () -> {
                    WorkspaceState state = WorkspaceState.empty();
                    state.users().putAll(users);
                    state.runs().upsert(before);
                    return state;
                }, state -> new SyncEngine(connection, state, mapper, executors.io(), Clock.systemUTC(),
                        StreamSettings.defaults(), () -> { }));
                ingest.report(Integer.getInteger("bench.pairs", 3), framesFile);
                long same = ingest.lastRuns().stream()
                        .filter(r -> r.equals(lastState.runs().get(r.id()).orElse(null))).count();
                System.out.printf("(e) check: %d of %d runs equal to (b)'s final state: %s%n", same,
                        lastState.runs().size(), same == lastState.runs().size() ? "yes" : "NO");
            }
            if (System.getProperty("bench.only", "").equals("ingest")) {
                System.out.printf("(a) %,.0f events/s, (b) %,.0f events/s = %.2f; split full %.2f, incremental %.2f%n",
                        frames.size() / bare.best(), frames.size() / client.best(), bare.best() / client.best(),
                        bareSplit[0] / clientSplit[0], bareSplit[1] / clientSplit[1]);
                connection.close();
                System.exit(0);
            }

            // --- (c) initial sync vs raw transfer --------------------------------------------
            HttpClient http = HttpClient.newHttpClient();
            List<URI> pages = new ArrayList<>();
            long[] rawBytes = new long[1];
            List<byte[]> pageBodies = new ArrayList<>();
            Stats raw = repeat(repeats, () -> {
                pages.clear();
                pageBodies.clear();
                rawBytes[0] = 0;
                int page = 0;
                while (true) {
                    RunQuery query = RunQuery.all().sort("create_at", "desc").page(page++, RunLoader.PAGE_SIZE);
                    URI uri = uri(sandbox.baseUrl(), query);
                    byte[] body = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                            .GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
                    pages.add(uri);
                    pageBodies.add(body);
                    rawBytes[0] += body.length;
                    // has_more without parsing the runs: the field sits before or after the items.
                    String head = new String(body, 0, Math.min(256, body.length), StandardCharsets.ISO_8859_1);
                    String tail = new String(body, Math.max(0, body.length - 256), Math.min(256, body.length),
                            StandardCharsets.ISO_8859_1);
                    if (!(head + tail).replace(" ", "").contains("\"has_more\":true")) {
                        return rawBytes[0];
                    }
                }
            });
            // The same pages, two requests at a time as the loader asks: not the target's baseline
            // (a plain download), but it shows what part of the gap is the pipelining's to close.
            Stats rawTwo = repeat(repeats, () -> {
                long bytes = 0;
                for (int i = 0; i < pages.size(); i += 2) {
                    var first = http.sendAsync(get(pages.get(i), token), HttpResponse.BodyHandlers.ofByteArray());
                    var second = i + 1 < pages.size()
                            ? http.sendAsync(get(pages.get(i + 1), token), HttpResponse.BodyHandlers.ofByteArray())
                            : null;
                    bytes += first.join().body().length + (second == null ? 0 : second.join().body().length);
                }
                return bytes;
            });
            AtomicInteger loaded = new AtomicInteger();
            Stats runsOnly = repeat(repeats, () -> {
                WorkspaceState state = WorkspaceState.empty();
                state.users().putAll(connection.users().list(0, 200));
                // The loader's own paging (pages in flight, user look-ups, store, progress), as a full load runs it.
                new RunLoader(connection, state).loadRuns(RunQuery.all());
                loaded.set(state.runs().size());
                return state.runs().size();
            });
            Stats everything = repeat(repeats, () -> {
                WorkspaceState state = WorkspaceState.empty();
                new RunLoader(connection, state).loadEverything();
                return state.runs().size();
            });

            // --- (d) heap of the store vs JSON size -------------------------------------------
            long jsonBytes = rawBytes[0];
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            RunStore[] holder = new RunStore[1];
            long used0 = usedAfterGc(memory);
            RunStore store = new RunStore();
            for (byte[] body : pageBodies) {
                store.upsert(mapper.readValue(body, RunsPage.class).items());
            }
            holder[0] = store;
            long used1 = usedAfterGc(memory);
            long storeHeap = used1 - used0;

            // --- report -----------------------------------------------------------------------
            double bareRate = frames.size() / bare.best();
            double clientRate = frames.size() / client.best();
            System.out.println();
            System.out.printf("(a) bare Jackson      : %s  -> %,.0f events/s (%.1f MB/s)%n", bare,
                    bareRate, frameBytes / 1e6 / bare.best());
            System.out.printf("(b) client path       : %s  -> %,.0f events/s%n", client, clientRate);
            System.out.printf("    ratio (b)/(a) throughput = %.2f   (target >= 0.50) %s%n", clientRate / bareRate,
                    clientRate / bareRate >= 0.5 ? "MET" : "MISSED");
            System.out.printf("    split: %d full updates (a) %.1f ms (b) %.1f ms = %.2f; %d incremental (a) %.1f ms (b) %.1f ms = %.2f%n",
                    fulls, bareSplit[0] * 1e3, clientSplit[0] * 1e3, bareSplit[0] / clientSplit[0],
                    frames.size() - fulls, bareSplit[1] * 1e3, clientSplit[1] * 1e3, bareSplit[1] / clientSplit[1]);
            System.out.printf("(c) raw transfer      : %s  %d pages, %.1f MB%n", raw, pages.size(), jsonBytes / 1e6);
            System.out.printf("    raw, 2 at a time  : %s  (context, not the target's baseline)%n", rawTwo);
            System.out.printf("    client run pages  : %s  %d runs into the store%n", runsOnly, loaded.get());
            System.out.printf("    loadEverything    : %s  (+ playbooks, users)%n", everything);
            System.out.printf("    ratio client/raw  = %.2f (run pages), %.2f (loadEverything)   (target <= 1.50) %s%n",
                    runsOnly.best() / raw.best(), everything.best() / raw.best(),
                    runsOnly.best() / raw.best() <= 1.5 ? "MET" : "MISSED");
            System.out.printf("(d) RunStore heap     : %.1f MB for %d runs; JSON %.1f MB%n", storeHeap / 1e6,
                    holder[0].size(), jsonBytes / 1e6);
            System.out.printf("    ratio heap/JSON   = %.2f   (target <= 3.00) %s%n", (double) storeHeap / jsonBytes,
                    storeHeap <= 3 * jsonBytes ? "MET" : "MISSED");
            System.out.printf("total %d s%n", (System.nanoTime() - started) / 1_000_000_000);
            connection.close();
        }
        System.exit(0);
    }

    private static volatile WorkspaceState lastState;

    /** After (b), the store holds exactly what the server holds for every ongoing run (the ones updated). */
    private static void verifyFinalState(MattermostConnection connection, List<PlaybookRun> before) {
        List<PlaybookRun> now = connection.runs().listAll(RunQuery.all().omitEnded());
        long equal = now.stream().filter(r -> r.equals(lastState.runs().get(r.id()).orElse(null))).count();
        long changed = now.stream().filter(r -> !before.contains(r)).count();
        System.out.printf("(b) check: %d of %d ongoing runs (%d changed while recording) equal the server's: %s%n",
                equal, now.size(), changed, equal == now.size() ? "yes" : "NO");
    }

    private static void split(double[] best, long t0, long tSplit, long t1) {
        best[0] = Math.min(best[0], (tSplit - t0) / 1e9);
        best[1] = Math.min(best[1], (t1 - tSplit) / 1e9);
    }

    private static List<String> record(SandboxServer sandbox, MattermostConnection connection, String token,
                                       List<PlaybookRun> runs, int events, Path file) throws Exception {
        String me = sandbox.control().defaultUser().id();
        List<PlaybookRun> mine = runs.stream().filter(r -> r.participantIds().contains(me)
                && r.checklists().stream().anyMatch(c -> !c.items().isEmpty())).toList();
        ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
        AtomicInteger count = new AtomicInteger();
        CountDownLatch open = new CountDownLatch(1);
        WebSocketClient socket = new WebSocketClient(URI.create(sandbox.baseUrl().toString()
                .replaceFirst("^http", "ws") + "/api/v4/websocket"), Map.of("Authorization", "Bearer " + token)) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                open.countDown();
            }

            @Override
            public void onMessage(String message) {
                if (message.contains("\"custom_playbooks_playbook_run_updated")) {
                    captured.add(message.strip());
                    count.incrementAndGet();
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        socket.setConnectionLostTimeout(0);
        socket.connectBlocking(10, TimeUnit.SECONDS);
        open.await();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean incrementalOn = new AtomicBoolean();
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long t0 = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int seed = w;
            pool.execute(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                while (!stop.get()) {
                    PlaybookRun run = mine.get(random.nextInt(mine.size()));
                    int list = random.nextInt(run.checklists().size());
                    int size = run.checklists().get(list).items().size();
                    if (size == 0) {
                        continue;
                    }
                    int item = random.nextInt(size);
                    // Due-date changes: a real run update that adds no timeline event (ticks and
                    // assignee changes do), so runs — and frames — keep their size over 100,000
                    // updates instead of growing without bound.
                    long due = 1_900_000_000_000L + random.nextInt(1_000_000_000);
                    try {
                        connection.checklists().setDueDate(run.id(), list, item, due);
                    } catch (RuntimeException e) {
                        // a finished run or a no-op: keep going
                    }
                }
            });
        }
        while (count.get() < events) {
            if (!incrementalOn.get() && count.get() >= events / 5) {
                sandbox.control().setIncrementalUpdates(true);
                incrementalOn.set(true);
            }
            Thread.sleep(5);
        }
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        // Keep every frame up to the last write (not just the first `events`): the store after (b)
        // is compared with the server's final state.
        for (int last = -1; last != count.get(); ) {
            last = count.get();
            Thread.sleep(300);
        }
        socket.closeBlocking();
        sandbox.control().setIncrementalUpdates(false);
        List<String> frames = new ArrayList<>(captured);
        Files.write(file, frames, StandardCharsets.UTF_8);
        System.out.printf("recording took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return List.copyOf(frames);
    }

    private static HttpRequest get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    }

    private static URI uri(URI base, RunQuery query) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : query.parameters()) {
            q.append(q.isEmpty() ? "?" : "&").append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
        }
        return URI.create(base.toString().replaceAll("/$", "") + "/plugins/playbooks/api/v0/runs" + q);
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @FunctionalInterface
    interface Work {
        Object run() throws Exception;
    }

    /** Runs {@code work} once to warm up, then {@code n} times; seconds per pass. */
    private static Stats repeat(int n, Work work) throws Exception {
        work.run();
        double[] secs = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Object sink = work.run();
            secs[i] = (System.nanoTime() - t) / 1e9;
            if (sink == null) {
                throw new IllegalStateException();
            }
        }
        java.util.Arrays.sort(secs);
        return new Stats(secs[0], secs[n / 2]);
    }

    record Stats(double best, double median) {
        @Override
        public String toString() {
            return String.format("best %7.1f ms, median %7.1f ms", best * 1000, median * 1000);
        }
    }
}
