package com.incidentconsole.sync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {

    @TempDir
    Path dir;

    @Test
    void outboxKeepsActionsInOrderAcrossRestarts() {
        Path file = dir.resolve("store.db");
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = store.outbox("https://chat.example.com");
            outbox.append("item_state", "run1", "item:i1", "{\"new_state\":\"closed\"}", "Tick “Page DBA”", 1);
            OutboxEntry second = outbox.append("owner", "run1", "owner", "{\"owner_id\":\"u2\"}", "Make Sam commander", 2);
            outbox.update(second.seq(), OutboxEntry.State.FAILED, "Server refused (403): Not authorized", true);
        }
        try (LocalStore reopened = LocalStore.open(file)) {
            List<OutboxEntry> entries = reopened.outbox("https://chat.example.com").entries();
            assertEquals(List.of("item_state", "owner"), entries.stream().map(OutboxEntry::kind).toList());
            assertEquals(OutboxEntry.State.FAILED, entries.get(1).state());
            assertEquals("Server refused (403): Not authorized", entries.get(1).error());
            assertEquals(1, entries.get(1).attempts());
            assertTrue(reopened.outbox("https://other.example.com").entries().isEmpty(), "outboxes are per server");
        }
    }

    @Test
    void removedActionsAreGoneForGood() {
        try (LocalStore store = LocalStore.inMemory()) {
            Outbox outbox = store.outbox("s");
            OutboxEntry entry = outbox.append("item_state", "run1", "item:i1", "{}", "Tick", 1);
            outbox.remove(entry.seq());
            assertTrue(outbox.entries().isEmpty());
        }
    }

    @Test
    void cacheKeepsTheNewerVersionOfAnObject() {
        try (LocalStore store = LocalStore.inMemory()) {
            ObjectCache cache = store.cache("s");
            cache.putAll("run", List.of(new ObjectCache.Entry("r1", 200, "{\"v\":2}")));
            cache.putAll("run", List.of(new ObjectCache.Entry("r1", 100, "{\"v\":1}")));
            assertEquals("{\"v\":2}", cache.all("run").get(0).json());
            cache.putMeta("last_sync_at", "200");
            assertEquals("200", cache.meta("last_sync_at").orElseThrow());
        }
    }

    @Test
    void aStoreFromANewerBuildIsRefusedNotGuessedAt() throws Exception {
        Path file = dir.resolve("newer.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        StoreException refused = assertThrows(StoreException.class, () -> LocalStore.open(file));
        assertTrue(refused.getMessage().contains("newer Incident Console"), refused.getMessage());
    }

    @Test
    void schemaIsAtTheLatestVersionAfterOpening() {
        try (LocalStore store = LocalStore.open(dir.resolve("fresh.db"))) {
            assertEquals(Migrations.latestVersion(), store.schemaVersion());
        }
    }

    @Test
    void anOutboxFromTheFirstSchemaKeepsItsActionsAndGainsBasesAndConflicts() throws Exception {
        Path file = dir.resolve("v1.db");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = db.createStatement()) {
            // The outbox exactly as schema 1 shipped it, with one action waiting.
            statement.execute("""
                    CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, server TEXT NOT NULL,
                        kind TEXT NOT NULL, run_id TEXT NOT NULL, subject TEXT NOT NULL, payload TEXT NOT NULL,
                        description TEXT NOT NULL, state TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',
                        attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)""");
            statement.execute("""
                    INSERT INTO outbox (server, kind, run_id, subject, payload, description, state, created_at)
                    VALUES ('s', 'item_state', 'run1', 'item:i1', '{}', 'Tick', 'PENDING', 7)""");
            statement.execute("PRAGMA user_version = 1");
        }
        try (LocalStore store = LocalStore.open(file)) {
            Outbox outbox = store.outbox("s");
            OutboxEntry old = outbox.entries().get(0);
            assertEquals("Tick", old.description());
            assertEquals("", old.base(), "an action from before bases were recorded has none");

            outbox.rebase(old.seq(), "{\"value\":\"\"}");
            outbox.markConflict(old.seq(), "Conflict — server now: skipped", "{\"kind\":\"changed\"}", true);
            OutboxEntry conflicted = outbox.entries().get(0);
            assertEquals(OutboxEntry.State.CONFLICT, conflicted.state());
            assertEquals("{\"value\":\"\"}", conflicted.base());
            assertEquals("{\"kind\":\"changed\"}", conflicted.conflict());
            assertEquals(1, conflicted.attempts());

            outbox.update(old.seq(), OutboxEntry.State.PENDING, "", false);
            assertEquals("", outbox.entries().get(0).conflict(), "leaving the conflict clears the server's version");
        }
    }
}
