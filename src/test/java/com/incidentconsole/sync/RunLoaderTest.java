package com.incidentconsole.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.ServerError;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.PlaybookRunUpdate;
import com.incidentconsole.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Loading runs with pages in flight: the same store, in the same order, as one page after the other. */
@BesideOtherTests
class RunLoaderTest {

    // ~350 visible runs: four pages of 100, so there is always a page in flight beyond the one applied.
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0)
            .withRuns(40, 440));
    private final MattermostConnection alex = MattermostConnection.open(new ServerAddress(fixture.baseUrl()),
            new Credentials.AccessToken(fixture.control().tokenFor(fixture.control().defaultUser().username())),
            WireJson.newMapper());
    private final WorkspaceState state = WorkspaceState.empty();
    private final List<SyncProgress> progress = new ArrayList<>();

    @AfterEach
    void tearDown() {
        alex.close();
        fixture.close(); // also checks every exchange against the plugin's OpenAPI file
    }

    @Test
    void pagesFetchedAheadFillTheStoreWithEveryRunAndTheBarOnlyMovesForward() {
        List<PlaybookRun> visible = alex.runs().listAll(RunQuery.all());
        assertTrue(visible.size() > 3 * RunLoader.PAGE_SIZE, "enough runs for several pages: " + visible.size());
        RunLoader loader = new RunLoader(alex, state, progress::add);

        loader.loadRuns(RunQuery.all());

        assertEquals(visible.size(), state.runs().size());
        visible.forEach(run -> assertEquals(run, state.runs().get(run.id()).orElseThrow()));
        // One report per page, in page order: newest first, so the count only grows, up to the total.
        assertEquals((visible.size() + RunLoader.PAGE_SIZE - 1) / RunLoader.PAGE_SIZE, progress.size());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i).done() > progress.get(i - 1).done(), "progress went back: " + progress);
        }
        assertEquals(visible.size(), progress.getLast().done());
        assertEquals(visible.size(), progress.getLast().total());
    }

    @Test
    void aPageThatFailsWhileFetchedAheadFailsTheLoadWithTheServersErrorAndKeepsTheEarlierPages() {
        // Synchronous, so the fault is armed exactly for the second page asked for.
        AtomicInteger asked = new AtomicInteger();
        Executor armSecond = task -> {
            if (asked.getAndIncrement() == 1) {
                fixture.control().inject(FaultRule.failNext(1, "GET", ".*/runs", 500,
                        "{\"error\":\"database unavailable\"}"));
            }
            task.run();
        };
        RunLoader loader = new RunLoader(alex, state, progress::add, armSecond);

        ServerError error = assertThrows(ServerError.class, () -> loader.loadRuns(RunQuery.all()));

        assertEquals(500, error.status());
        assertEquals(RunLoader.PAGE_SIZE, state.runs().size(), "the first page stays loaded");
        assertEquals(1, progress.size());
    }

    @Test
    void anUpdateAsksOnlyForTheUsersItBringsNotForEveryoneTheRunMentions() throws Exception {
        PlaybookRun held = alex.runs().listAll(RunQuery.all().omitEnded()).stream()
                .filter(r -> !r.checklists().isEmpty() && !r.checklists().getFirst().items().isEmpty())
                .findFirst().orElseThrow();
        RunLoader loader = new RunLoader(alex, state);
        // The directory knows no one: a whole run asks for its owner, participants, assignees, authors.
        assertTrue(loader.missingUsers(held, null).containsAll(held.participantIds()));
        assertTrue(loader.missingUsers(held, null).contains(held.ownerUserId()));

        loader.loadMissingUsers(List.of(held)); // as when the held run was applied
        assertEquals(Set.of(), loader.missingUsers(held, null));

        String newcomer = "newcomer0000000000000000000";
        PlaybookRun assigned = merge(held, "{\"assignee_id\":\"" + newcomer + "\"}");
        PlaybookRun rescheduled = merge(held, "{\"due_date\":1900000000000}");

        assertEquals(Set.of(newcomer), loader.missingUsers(assigned, held));
        assertEquals(Set.of(), loader.missingUsers(rescheduled, held));
    }

    /** {@code held} after an incremental update of its first item's {@code fields}, merged as events are. */
    private static PlaybookRun merge(PlaybookRun held, String fields) throws Exception {
        var mapper = WireJson.newMapper();
        var checklist = held.checklists().getFirst();
        String delta = """
                {"id":"%s","playbook_run_updated_at":%d,"changed_fields":{"checklists":[{"id":"%s",
                 "item_updates":[{"id":"%s","fields":%s}]}]}}""".formatted(held.id(), held.updateAt() + 1,
                checklist.id(), checklist.items().getFirst().id(), fields);
        return new DeltaOnRecords(mapper).apply(held, mapper.readValue(delta, PlaybookRunUpdate.class));
    }
}
