package com.incidentconsole.sync;

import static com.incidentconsole.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.client.Credentials;
import com.incidentconsole.client.MattermostConnection;
import com.incidentconsole.client.ServerAddress;
import com.incidentconsole.sandbox.SandboxFixture;
import com.incidentconsole.sandbox.SandboxOptions;
import com.incidentconsole.sandbox.SandboxServer;
import com.incidentconsole.sync.store.LocalStore;
import com.incidentconsole.sync.store.Outbox;
import com.incidentconsole.sync.store.OutboxEntry;
import com.incidentconsole.testrun.BesideOtherTests;
import com.incidentconsole.wire.Playbook;
import com.incidentconsole.wire.RunCreateOptions;
import com.incidentconsole.wire.WireJson;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting a run against the sandbox through the whole client (ADR 0025): sent once and the run is in the
 * store; and after a crash that left the start sent but unconfirmed, the restarted app finds the run the
 * server made and does not make a second one.
 */
@BesideOtherTests
class StartRunAgainstSandboxTest {

    private final JsonMapper mapper = WireJson.newMapper();
    private final SandboxFixture fixture = SandboxFixture.start(SandboxOptions.defaults().withPort(0).withRuns(3, 0));
    private final SandboxServer sandbox = fixture.server();
    private final SyncExecutors executors = SyncExecutors.create();
    private final LocalStore store = LocalStore.inMemory();
    private final MattermostConnection connection = MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
            new Credentials.AccessToken(sandbox.control().credentials().token()), mapper);
    private ServerWorkspace workspace;

    @AfterEach
    void tearDown() {
        if (workspace != null) {
            workspace.close();
        }
        executors.close();
        store.close();
        connection.close();
        fixture.close();
    }

    private ServerWorkspace open() {
        return ServerWorkspace.follow("Sandbox", true, MattermostConnection.open(new ServerAddress(sandbox.baseUrl()),
                new Credentials.AccessToken(sandbox.control().credentials().token()), mapper), mapper, executors,
                outbox(), Clock.systemUTC());
    }

    private Outbox outbox() {
        return store.outbox("sandbox");
    }

    private Playbook playbook() {
        return connection.teams().mine().stream().flatMap(t -> connection.playbooks().listAll(t.id()).stream()).filter(p -> !p.isArchived()).findFirst().orElseThrow();
    }

    /** The runs this start made (the server may have named them by the playbook's template). */
    private long runsOf(StartRun start) {
        return sandbox.control().runs().stream().filter(start::matches).count();
    }

    @Test
    void aStartIsMadeOnceAndItsRunIsInTheStore() {
        workspace = open();
        Playbook playbook = playbook();
        StartRun start = StartRun.of(playbook.teamId(), playbook.id(), "Acme EU app servers degraded", "5x latency",
                sandbox.control().defaultUser().id(), "", sandbox.control().defaultUser().id());
        await("signed in", () -> workspace.connection().state() == ConnectionState.LIVE);
        workspace.commands().submit(start);

        await("made", () -> runsOf(start) == 1 && workspace.pending().all().isEmpty(),
                () -> workspace.pending().all().toString());
        String id = sandbox.control().runs().stream().filter(start::matches).findFirst().orElseThrow().id();
        await("in the store", () -> workspace.runs().get(id).isPresent());
        assertEquals(1, runsOf(start));
    }

    @Test
    void aRestoredSentButUnconfirmedStartIsNotMadeTwice() {
        Playbook playbook = playbook();
        String me = sandbox.control().defaultUser().id();
        StartRun start = StartRun.of(playbook.teamId(), playbook.id(), "SEV-1 checkout DB primary down", "", me, "",
                me);
        long sentAt = System.currentTimeMillis() - 1_000;
        OutboxEntry row = outbox().append(new OutboxEntry.New("c1", start.kind().id(), start.kind().version(),
                start.scope().kind().stored(), start.scope().id(), start.target().subject(),
                start.payload(mapper).toString(), start.description(), sentAt - 10, ""));
        outbox().markSending(row.seq(), sentAt);
        outbox().update(row.seq(), OutboxEntry.State.SENT, "", false);
        // The request reached the server before the crash: the run is there, the answer never arrived.
        connection.runs().create(start.options());

        workspace = open();
        await("settled without sending", () -> outbox().entries().isEmpty() && workspace.pending().all().isEmpty(),
                () -> workspace.pending().all().toString());
        assertEquals(1, runsOf(start), "not made twice");
    }
}
