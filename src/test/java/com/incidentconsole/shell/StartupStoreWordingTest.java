package com.incidentconsole.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.store.DamagedStore;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local file problem gets local advice, never "check the server address and token" (probe M2, 3.3 and 3.4). */
class StartupStoreWordingTest {

    @TempDir
    Path dir;

    private final StartupViewModel model = new StartupViewModel(ResourceBundle.getBundle("i18n.messages"),
            java.time.Instant::now, ZoneOffset.UTC);

    @Test
    void aStoreFromANewerBuildIsALocalProblem() {
        model.failed(new CompletionException(new StoreException("Cannot open the local store at /d/store.db: The local "
                + "store was written by a newer Incident Console (schema 99, this build knows 2); refusing to touch it.",
                null)));

        assertEquals("Could not open the local copy", model.headlineProperty().get());
        String detail = model.detailProperty().get();
        assertTrue(detail.contains("schema 99"), detail);
        assertTrue(detail.contains("start that version"), detail);
        assertFalse(detail.contains("server address"), detail);
        assertFalse(model.rebuildOfferedProperty().get(), "a newer store is not damaged: nothing to rebuild");
    }

    @Test
    void aDamagedStoreOffersTheRebuildAndRunsItOnce() throws Exception {
        Path file = dir.resolve("store.db");
        Files.writeString(file, "this is not an SQLite database, just some text long enough to have a header");
        DamagedStore damaged = assertThrows(DamagedStore.class, () -> LocalStore.open(file));
        AtomicInteger rebuilds = new AtomicInteger();
        model.offerRebuild(rebuilds::incrementAndGet);

        model.failed(new CompletionException(damaged));

        assertEquals("The local copy is damaged", model.headlineProperty().get());
        String detail = model.detailProperty().get();
        assertTrue(detail.contains(file.toString()), detail);
        assertTrue(detail.contains("none could be read"), detail);
        assertFalse(detail.contains("server address"), detail);
        assertTrue(model.rebuildOfferedProperty().get());

        model.rebuild();
        model.rebuild();

        assertEquals(1, rebuilds.get(), "one rebuild per offer");
        assertFalse(model.failedProperty().get());
        assertEquals("Rebuilding the local copy…", model.headlineProperty().get());
    }
}
