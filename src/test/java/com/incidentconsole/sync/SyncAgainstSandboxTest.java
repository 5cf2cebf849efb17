package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.RunQuery;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.client.StreamSettings;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.User;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stores stay equal to the server: after the first load, through live events, and across reconnects. */
@BesideOtherTests
class SyncAgainstSandboxTest {

    private final JsonMapper mapper = WireJson.newMapper();
    // Every exchange the console's client makes is checked against the plugin's OpenAPI spec on close.
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(8, 20));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final StreamSettings fast = new StreamSettings(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(20), Duration.ofSeconds(30));
    private final ServerWorkspace workspace = ServerWorkspace.follow("Sandbox", true, connect(alex()), mapper,
            executors, store.outbox("sandbox"), Clock.systemUTC(), fast);

    @AfterEach
    void tearDown() {
        workspace.close();
        executors.close();
        store.close();
        fixture.close();
    }

    @Test
    void theFirstLoadHoldsEveryRunTheUserCanSee() {
        List<PlaybookRun> visible = connect(alex()).runs().listAll(RunQuery.all());
        await("all runs loaded", () -> workspace.runs().size() == visible.size()
                && workspace.connection().state() == ConnectionState.LIVE);
        visible.forEach(run -> assertEquals(run, workspace.runs().get(run.id()).orElseThrow()));
    }

    @Test
    void aColleaguesTickArrivesAsAFullOrIncrementalUpdate() {
        PlaybookRun run = sharedRun();
        await("loaded", () -> workspace.runs().get(run.id()).isPresent());
        MattermostConnection colleague = connect(colleagueOf(run));

        colleague.checklists().setItemState(run.id(), 0, 0, ChecklistItem.SKIPPED);
        await("full update applied", () -> matchesServer(run.id()));

        sandbox.control().setIncrementalUpdates(true);
        colleague.checklists().setItemState(run.id(), 0, 0, ChecklistItem.OPEN);
        await("incremental update applied", () -> matchesServer(run.id()),
                () -> workspace.runs().get(run.id()).orElseThrow().checklists().get(0).items().get(0).state());
    }

    @Test
    void changesMadeWhileTheSocketWasDownAreCaughtUpAfterReconnecting() {
        PlaybookRun run = sharedRun();
        await("live", () -> workspace.connection().state() == ConnectionState.LIVE
                && workspace.runs().get(run.id()).isPresent());
        MattermostConnection colleague = connect(colleagueOf(run));

        sandbox.control().dropSockets();
        colleague.runs().changeOwner(run.id(), colleagueOf(run).id());

        await("the owner change is caught up", () -> matchesServer(run.id()));
        assertEquals(colleagueOf(run).id(), workspace.runs().get(run.id()).orElseThrow().ownerUserId());
    }

    private boolean matchesServer(String runId) {
        PlaybookRun server = sandbox.control().run(runId).orElseThrow();
        return workspace.runs().get(runId).map(held -> held.equals(server)).orElse(false);
    }

    private PlaybookRun sharedRun() {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().runs().stream()
                .filter(r -> !r.isFinished() && r.participantIds().contains(me) && r.participantIds().size() > 1)
                .filter(r -> !r.checklists().isEmpty() && !r.checklists().get(0).items().isEmpty())
                .findFirst().orElseThrow();
    }

    private User colleagueOf(PlaybookRun run) {
        String me = sandbox.control().defaultUser().id();
        return sandbox.control().users().stream()
                .filter(u -> run.participantIds().contains(u.id()) && !u.id().equals(me)).findFirst().orElseThrow();
    }

    private User alex() {
        return sandbox.control().defaultUser();
    }

    private MattermostConnection connect(User user) {
        return MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().tokenFor(user.username())), mapper);
    }
}
