package com.incidentconsole.sync;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real action queue and a durable outbox file against a scripted server holding one run, {@code run1}: what
 * the tests of action kinds need to prove sending, settling and the checks after a crash. The fake server applies
 * an accepted change to its run and the store sees it, as the event stream would deliver it.
 *
 * <pre>{@code @RegisterExtension final QueueFixture fixture = new QueueFixture();}</pre>
 */
final class QueueFixture implements BeforeEachCallback, AfterEachCallback {

    final JsonMapper mapper = WireJson.newMapper();
    final Map<String, PlaybookRun> server = new ConcurrentHashMap<>();
    final RunStore store = new RunStore();
    final PendingActions pending = new PendingActions();
    final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private Path dir;
    private LocalStore local;
    private FakeTransport transport;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("queue-fixture");
        local = LocalStore.open(dir.resolve("store.db"));
        server.put("run1", TestRunsFactory.run("run1"));
        store.upsert(server.get("run1"));
        transport = new FakeTransport(server::get, (runId, change) -> store.upsert(server.compute(runId,
                (id, run) -> change.apply(run))));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        worker.shutdownNow();
        local.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A queue over the outbox file as it is now: a second call is the restart after a crash. */
    ActionQueue queue() {
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        return new ActionQueue(outbox(), transport, store, pending, new UserDirectory(), worker, Clock.systemUTC(),
                fast, mapper, Duration.ofMillis(50), () -> { }, () -> "alex", Optional.empty());
    }

    Outbox outbox() {
        return local.outbox("https://chat.example.com");
    }

    LocalStore local() {
        return local;
    }

    FakeTransport transport() {
        return transport;
    }

    /** How many requests the scripted server took whose call starts with {@code prefix}. */
    long calls(String prefix) {
        return transport.calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
