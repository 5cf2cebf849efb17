package com.incidentconsole.sync.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.WireJson;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged store (probe M2, cases 3.3): refused without being changed, its readable outbox rows saved to a file
 * the user can see, and on request moved aside (never deleted) for a new store that keeps those rows.
 */
@BesideOtherTests
class DamagedStoreTest {

    private static final String SERVER = "https://chat.example.com";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T23:05:12Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Two pending actions first (so they sit in the outbox's own early pages), then a cache of ~300 pages. */
    private Path storeWithTwoPendingActionsAndALargeCache() {
        Path file = dir.resolve("store.db");
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = store.outbox(SERVER);
            outbox.append("item_state", "run1", "item1", "{\"new_state\":\"closed\"}", "Tick \"Page the DBA\"", 1L);
            outbox.append("owner", "run1", "owner", "{\"owner_id\":\"u2\"}", "Make Priya the owner", 2L);
            List<ObjectCache.Entry> runs = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                runs.add(new ObjectCache.Entry("run" + i, i, "{\"name\":\"" + "x".repeat(1500) + i + "\"}"));
            }
            store.cache(SERVER).putAll("run", runs);
        }
        // closing the last connection checkpoints the WAL into the file, as a quit does
        assertTrue(Files.notExists(dir.resolve("store.db-wal")));
        return file;
    }

    @Test
    void randomPagesInTheCacheAreaKeepTheOutboxAndARebuildStartsOverWithIt() throws Exception {
        Path file = storeWithTwoPendingActionsAndALargeCache();
        overwritePages(file, 50, 40);
        byte[] damaged = Files.readAllBytes(file);

        DamagedStore refused = assertThrows(DamagedStore.class, () -> LocalStore.open(file, CLOCK));

        assertArrayEquals(damaged, Files.readAllBytes(file), "the damaged file is left exactly as it was");
        assertEquals(2, refused.rescued());
        Path rescue = refused.rescueFile().orElseThrow();
        assertEquals(dir.resolve("outbox-rescue-20261201-230512.json"), rescue);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rescue)));
        JsonNode saved = WireJson.newMapper().readTree(rescue.toFile());
        assertEquals("Tick \"Page the DBA\"", saved.get("outbox").get(0).get("description").asText());
        assertEquals("{\"owner_id\":\"u2\"}", saved.get("outbox").get(1).get("payload").asText());
        assertEquals("PENDING", saved.get("outbox").get(1).get("state").asText());

        Clock later = Clock.offset(CLOCK, java.time.Duration.ofMinutes(3));
        assertEquals(rescue, assertThrows(DamagedStore.class, () -> LocalStore.open(file, later)).rescueFile()
                .orElseThrow(), "a second start on the same damage names the same file, not another one");

        StoreRescue.Rebuilt rebuilt = StoreRescue.rebuild(file, CLOCK);

        Path aside = dir.resolve("store.db.damaged-20261201-230512");
        assertEquals(aside, rebuilt.movedTo().orElseThrow());
        assertArrayEquals(damaged, Files.readAllBytes(aside), "moved aside, not deleted or repaired");
        assertEquals(2, rebuilt.restoredActions());
        try (LocalStore fresh = LocalStore.open(file)) {
            List<OutboxEntry> entries = fresh.outbox(SERVER).entries();
            assertEquals(List.of("Tick \"Page the DBA\"", "Make Priya the owner"),
                    entries.stream().map(OutboxEntry::description).toList());
            assertEquals(List.of(1L, 2L), entries.stream().map(OutboxEntry::seq).toList(), "same order, same ids");
            assertEquals(List.of(), fresh.cache(SERVER).all("run"), "the cache is downloaded again");
            assertEquals(Migrations.latestVersion(), fresh.schemaVersion());
        }
    }

    @Test
    void aGarbledHeaderIsRefusedUnchangedAndSaysNothingCouldBeRead() throws Exception {
        Path file = storeWithTwoPendingActionsAndALargeCache();
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.write("garbage garbage!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        byte[] damaged = Files.readAllBytes(file);

        DamagedStore refused = assertThrows(DamagedStore.class, () -> LocalStore.open(file, CLOCK));

        assertArrayEquals(damaged, Files.readAllBytes(file));
        assertEquals(0, refused.rescued());
        assertTrue(refused.rescueFile().isEmpty());
        assertTrue(refused.getMessage().contains("no pending action could be read"), refused.getMessage());
        StoreRescue.rebuild(file, CLOCK);
        assertArrayEquals(damaged, Files.readAllBytes(dir.resolve("store.db.damaged-20261201-230512")));
        try (LocalStore fresh = LocalStore.open(file)) {
            assertEquals(List.of(), fresh.outbox(SERVER).entries());
        }
    }

    @Test
    void aFileTruncatedToHalfIsRefusedAndItsOutboxRowsSaved() throws Exception {
        Path file = storeWithTwoPendingActionsAndALargeCache();
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() / 2);
        }

        DamagedStore refused = assertThrows(DamagedStore.class, () -> LocalStore.open(file, CLOCK));

        assertEquals(2, refused.rescued());
        assertTrue(Files.isRegularFile(refused.rescueFile().orElseThrow()));
        assertEquals(2, StoreRescue.rebuild(file, CLOCK).restoredActions());
    }

    @Test
    void aSoundStoreIsNeverMovedAside() {
        Path file = storeWithTwoPendingActionsAndALargeCache();
        assertTrue(StoreRescue.rebuild(file, CLOCK).movedTo().isEmpty());
        try (LocalStore store = LocalStore.open(file); Stream<Path> files = list()) {
            assertEquals(2, store.outbox(SERVER).entries().size());
            assertEquals(600, store.cache(SERVER).all("run").size());
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("damaged")));
        }
    }

    @Test
    void aDamagedSchema3StoreKeepsItsRowsClientIdsAndScopes() throws Exception {
        Path file = dir.resolve("store.db");
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = store.outbox(SERVER);
            outbox.append(new OutboxEntry.New("c-run", "item_state", 1, "run", "run1", "item1", "{}", "Tick it", 1L, ""));
            outbox.append(new OutboxEntry.New("c-team", "team_note", 2, "team", "t9", "note", "{}", "Note it", 2L, ""));
            List<ObjectCache.Entry> runs = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                runs.add(new ObjectCache.Entry("run" + i, i, "{\"name\":\"" + "x".repeat(1500) + i + "\"}"));
            }
            store.cache(SERVER).putAll("run", runs);
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() / 2);
        }

        DamagedStore refused = assertThrows(DamagedStore.class, () -> LocalStore.open(file, CLOCK));

        assertEquals(2, refused.rescued());
        JsonNode saved = WireJson.newMapper().readTree(refused.rescueFile().orElseThrow().toFile());
        assertEquals("c-team", saved.get("outbox").get(1).get("client_id").asText());
        assertEquals("team", saved.get("outbox").get(1).get("scope_kind").asText());
        assertEquals(2, StoreRescue.rebuild(file, CLOCK).restoredActions());
        try (LocalStore fresh = LocalStore.open(file)) {
            List<OutboxEntry> entries = fresh.outbox(SERVER).entries();
            assertEquals(List.of("c-run", "c-team"), entries.stream().map(OutboxEntry::clientId).toList());
            assertEquals(List.of("run:run1", "team:t9"),
                    entries.stream().map(e -> e.scopeKind() + ":" + e.scopeId()).toList());
            assertEquals(List.of(1, 2), entries.stream().map(OutboxEntry::kindVersion).toList());
        }
    }

    @Test
    void aDamagedSchema2StoreIsRebuiltWithItsRowsAsRunScopedActions() throws Exception {
        Path file = dir.resolve("store.db");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.migrateStepByStep(db, 2);
            try (java.sql.Statement statement = db.createStatement()) {
                statement.execute("""
                        INSERT INTO outbox (server, kind, run_id, subject, payload, description, state, created_at)
                        VALUES ('%s', 'owner', 'run7', 'owner', '{}', 'Make Priya the owner', 'PENDING', 5)"""
                        .formatted(SERVER));
                statement.execute("CREATE TABLE filler (x TEXT)");
                for (int i = 0; i < 600; i++) {
                    statement.execute("INSERT INTO filler VALUES ('" + "x".repeat(1500) + "')");
                }
            }
        }
        overwritePages(file, 50, 40);

        assertEquals(1, assertThrows(DamagedStore.class, () -> LocalStore.open(file, CLOCK)).rescued());
        assertEquals(1, StoreRescue.rebuild(file, CLOCK).restoredActions());
        try (LocalStore fresh = LocalStore.open(file)) {
            OutboxEntry entry = fresh.outbox(SERVER).entries().get(0);
            assertEquals("Make Priya the owner", entry.description());
            assertEquals("run7", entry.runId());
            assertEquals(1L, entry.seq());
            assertTrue(entry.clientId().length() > 10, entry.clientId());
        }
    }

    private Stream<Path> list() {
        try {
            return Files.list(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void overwritePages(Path file, int firstPage, int count) throws Exception {
        Random random = new Random(42);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            assertTrue(raw.length() > (long) (firstPage + count) * 4096, "a store large enough: " + raw.length());
            byte[] page = new byte[4096];
            for (int p = firstPage; p < firstPage + count; p++) {
                random.nextBytes(page);
                raw.seek((long) p * 4096);
                raw.write(page);
            }
        }
    }
}
