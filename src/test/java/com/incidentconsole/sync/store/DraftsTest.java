package com.incidentconsole.sync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsTest {

    @TempDir
    Path dir;

    @Test
    void aDraftSurvivesReopeningTheStoreAndIsGoneOnceDiscarded() throws Exception {
        Path file = dir.resolve("store.db");
        ExecutorService disk = Executors.newSingleThreadExecutor();
        try (LocalStore store = LocalStore.open(file)) {
            DraftAutosave autosave = new DraftAutosave(store.drafts("https://a"), disk, e -> { throw e; });
            for (String typed : List.of("D", "DB", "DB is", "DB is back")) {
                autosave.save(new Drafts.Draft("status:run1", typed, "", typed.length()));
            }
            autosave.flushed().get(5, TimeUnit.SECONDS);
        }
        try (LocalStore store = LocalStore.open(file)) {
            Drafts drafts = store.drafts("https://a");
            assertEquals(Optional.of("DB is back"), drafts.find("status:run1").map(Drafts.Draft::text));
            assertEquals(Optional.empty(), store.drafts("https://b").find("status:run1"), "drafts are per server");
            DraftAutosave autosave = new DraftAutosave(drafts, disk, e -> { throw e; });
            autosave.save(new Drafts.Draft("status:run1", "typed after posting", "", 99));
            autosave.discard("status:run1").get(5, TimeUnit.SECONDS);
            autosave.flushed().get(5, TimeUnit.SECONDS);
            assertEquals(Optional.empty(), drafts.find("status:run1"));
        } finally {
            disk.shutdownNow();
        }
    }

    @Test
    void draftsAreListedByPrefixNewestFirstWithTheirBase() {
        try (LocalStore store = LocalStore.inMemory()) {
            Drafts drafts = store.drafts("s");
            drafts.save(new Drafts.Draft("retro:r1", "mine", "server text", 10));
            drafts.save(new Drafts.Draft("retro:r2", "other", "", 20));
            drafts.save(new Drafts.Draft("status:r1", "update", "", 30));
            assertEquals(List.of("retro:r2", "retro:r1"),
                    drafts.withPrefix("retro:").stream().map(Drafts.Draft::key).toList());
            assertEquals("server text", drafts.find("retro:r1").orElseThrow().base());
        }
    }

    @Test
    void starsAreKeptPerRunInTheOrderTheyWereMade() {
        try (LocalStore store = LocalStore.inMemory()) {
            TimelineStars stars = store.stars("s");
            stars.star("r1", "e2", 1);
            stars.star("r1", "e1", 2);
            stars.star("r1", "e1", 3);
            stars.star("r2", "e9", 4);
            assertEquals(List.of("e2", "e1"), List.copyOf(stars.starred("r1")));
            stars.unstar("r1", "e2");
            assertEquals(Set.of("e1"), stars.starred("r1"));
            assertTrue(store.stars("other").starred("r1").isEmpty());
        }
    }
}
