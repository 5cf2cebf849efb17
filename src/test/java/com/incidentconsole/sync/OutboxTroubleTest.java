package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox when its file is not what this build expects: rows it cannot read (issue #12 L1), rows
 * an older schema wrote, and a disk that fills up (M4).
 */
class OutboxTroubleTest {

    private static final String SERVER = "https://chat.example.com";
    private static final ActionTarget ITEM_2 = ActionTarget.item("run1", "i2");

    @TempDir
    Path dir;

    private final JsonMapper mapper = WireJson.newMapper();
    private final Map<String, PlaybookRun> server = new ConcurrentHashMap<>();
    private final RunStore store = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private FakeTransport transport;

    @BeforeEach
    void setUp() {
        server.put("run1", TestRunsFactory.run("run1"));
        store.upsert(server.get("run1"));
        transport = new FakeTransport(server::get, (runId, change) -> store.upsert(server.compute(runId,
                (id, run) -> change.apply(run))));
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
    }

    private ActionQueue queue(Outbox outbox) {
        Backoff fast = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ZERO, new SplittableRandom(1));
        return new ActionQueue(outbox, transport, store, pending, new UserDirectory(), worker, Clock.systemUTC(), fast,
                mapper, Duration.ofMillis(50));
    }

    @Test
    void rowsThisBuildCannotReadAreListedKeptAndNeverSent() throws Exception {
        Path file = dir.resolve("store.db");
        try (LocalStore local = LocalStore.open(file)) {
            Outbox outbox = local.outbox(SERVER);
            outbox.append("item_state", "run1", "item:i1", "{not json", "Tick “Open a bridge”", 1);
            outbox.append("bogus_kind", "run1", "bogus", "{}", "Something new", 2);
            outbox.append(new OutboxEntry.New("c3", "owner", 9, "run", "run1", "owner", "{}", "Owner, v9", 3, ""));
            outbox.append("item_state", "run1", "item:i2", "{\"item_id\":\"i2\",\"new_state\":\"closed\"}", "Tick", 4);
        }
        try (LocalStore local = LocalStore.open(file)) {
            ActionQueue queue = queue(local.outbox(SERVER));
            queue.restore();
            queue.resume();

            await("the readable one is sent", () -> calls("state") == 1 && pending.get(ITEM_2).isEmpty(),
                    transport.calls::toString);
            assertEquals(3, pending.unreadable().size(), "each unreadable row is reported");
            assertTrue(pending.unreadable().get(0).why().contains("damaged"), pending.unreadable().get(0).why());
            assertTrue(pending.unreadable().get(1).why().contains("unknown kind"), pending.unreadable().get(1).why());
            assertTrue(pending.unreadable().get(2).why().contains("newer"), pending.unreadable().get(2).why());
            await("the readable one leaves the outbox", () -> local.outbox(SERVER).entries().size() == 3);
            assertEquals(List.of("{not json", "{}", "{}"),
                    local.outbox(SERVER).entries().stream().map(OutboxEntry::payload).toList(), "kept as they were");
        }
    }

    @Test
    void anOutboxWrittenByTheSchemaBeforeScopesIsReadAndSent() throws Exception {
        Path file = dir.resolve("v2.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = db.createStatement()) {
            // The outbox exactly as schema 2 shipped it (run_id NOT NULL, no scope, client id or sent_at).
            statement.execute("""
                    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, server TEXT NOT NULL,
                        kind TEXT NOT NULL, run_id TEXT NOT NULL, subject TEXT NOT NULL, payload TEXT NOT NULL,
                        description TEXT NOT NULL, state TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',
                        attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
                        base TEXT NOT NULL DEFAULT '', conflict TEXT NOT NULL DEFAULT '')""");
            statement.execute("CREATE INDEX outbox_by_server ON outbox (server, seq)");
            statement.execute("""
                    CREATE TABLE cached_object (server TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
                        update_at INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (server, kind, id))""");
            statement.execute("""
                    CREATE TABLE sync_meta (server TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                        PRIMARY KEY (server, key))""");
            statement.execute("""
                    INSERT INTO outbox (server, kind, run_id, subject, payload, description, state, attempts,
                                        created_at, base)
                    VALUES ('%s', 'item_state', 'run1', 'item:i2',
                            '{"item_id":"i2","item_title":"Open a bridge","new_state":"closed"}',
                            'Tick “Open a bridge”', 'SENT', 1, 7, '{"value":"","run_status":"InProgress"}')"""
                    .formatted(SERVER));
            statement.execute("PRAGMA user_version = 2");
        }
        try (LocalStore local = LocalStore.open(file)) {
            OutboxEntry migrated = local.outbox(SERVER).entries().get(0);
            assertEquals("run", migrated.scopeKind());
            assertEquals("run1", migrated.scopeId());
            assertEquals(36, migrated.clientId().length(), "a client id in UUID form: " + migrated.clientId());
            ActionQueue queue = queue(local.outbox(SERVER));
            queue.restore();
            queue.resume();

            await("sent and settled", () -> pending.get(ITEM_2).isEmpty() && local.outbox(SERVER).entries().isEmpty(),
                    transport.calls::toString);
            assertEquals(1, calls("state"));
            assertEquals(ChecklistItem.CLOSED, server.get("run1").checklists().get(0).items().get(1).state());
        }
    }

    /**
     * A real full disk: a 1 MB tmpfs (needs root; skipped elsewhere) filled up after the store was
     * opened. The action fails visibly saying the disk is full, is shown as not saved, and retry saves
     * and sends it once space is back.
     */
    @Test
    void aFullDiskIsSaidInWordsAndRetryWorksOnceSpaceIsBack() throws Exception {
        Path tiny = Files.createDirectories(dir.resolve("tiny"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", tiny.toString()),
                "needs root to mount a small tmpfs");
        try (LocalStore local = LocalStore.open(tiny.resolve("store.db"))) {
            ActionQueue queue = queue(local.outbox(SERVER));
            Path filler = fill(tiny.resolve("filler"));

            queue.setItemState("run1", "i2", ChecklistItem.CLOSED);

            await("failed visibly", () -> pending.get(ITEM_2).map(PendingAction::failed).orElse(false));
            PendingAction failed = pending.get(ITEM_2).orElseThrow();
            assertTrue(failed.error().contains("disk is full"), failed.error());
            assertFalse(failed.saved(), "not on disk, and said so");
            assertFalse(pending.allSaved());
            assertEquals(0, calls("state"), "nothing sent that is not on disk");

            Files.delete(filler);
            queue.retry(ITEM_2);

            await("saved, sent and confirmed", () -> pending.get(ITEM_2).isEmpty(), transport.calls::toString);
            assertEquals(List.of("state run1 0/1 closed"), transport.calls, "the user's intent, once");
        } finally {
            run("umount", "-l", tiny.toString());
        }
    }

    private long calls(String prefix) {
        return transport.calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private static Path fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return filler; // no space left: that is the point
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
