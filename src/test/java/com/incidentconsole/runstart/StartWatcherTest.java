package com.incidentconsole.runstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.sync.PendingActions;
import com.incidentconsole.sync.RunStore;
import com.incidentconsole.sync.StartRun;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The line that says a start waits, and the new run opened once it is in the store — by its maker, not its name. */
class StartWatcherTest {

    private final RunStore runs = new RunStore();
    private final PendingActions pending = new PendingActions();
    private final List<String> opened = new ArrayList<>();
    private final StartWatcher watcher = new StartWatcher(runs, pending, opened::add,
            ResourceBundle.getBundle("i18n.messages"));

    @Test
    void theRunOpensWhenItArrivesEvenUnderTheNameThePlaybookGaveIt() throws Exception {
        Instant at = Instant.parse("2026-12-02T04:12:00Z");
        StartRun start = StartRun.of("t1", "pb1", "Acme EU down", "", "u-me", "", "u-me");
        watcher.watch(start, at);
        assertTrue(watcher.lineProperty().get().contains("Acme EU down"), watcher.lineProperty().get());

        runs.upsert(run("old", "pb1", at.minusSeconds(3600)));
        watcher.refresh();
        assertEquals(List.of(), opened, "an earlier run of mine is not this one");

        runs.upsert(run("new", "pb1", at.plusSeconds(2)));
        watcher.refresh();
        assertEquals(List.of("new"), opened);
        assertEquals("", watcher.lineProperty().get());
        watcher.refresh();
        assertEquals(List.of("new"), opened, "opened once");
    }

    private static PlaybookRun run(String id, String playbookId, Instant createdAt) throws Exception {
        return WireJson.newMapper().readValue("""
                {"id":"%s","name":"INC-7 - Acme","team_id":"t1","playbook_id":"%s","reporter_user_id":"u-me",
                 "create_at":%d,"current_status":"InProgress"}
                """.formatted(id, playbookId, createdAt.toEpochMilli()), PlaybookRun.class);
    }
}
